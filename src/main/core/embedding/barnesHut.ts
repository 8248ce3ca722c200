import type { JointProbabilities } from './tsne';

/**
 * A quadtree over the current embedding, rebuilt every iteration, in flat arrays: each node's square (centre and
 * half width), its points' count and summed position (for the centre of mass), and its first child (four in a
 * row) or −1 for a leaf. Identical points share a leaf.
 */
/** Numbers per node in `QuadTree.packed`. */
const PACKED = 4;

export class QuadTree {
  centreX = new Float64Array(0);
  centreY = new Float64Array(0);
  half = new Float64Array(0);
  count = new Int32Array(0);
  /** Summed positions while building; centres of mass once `build` returns. */
  sumX = new Float64Array(0);
  sumY = new Float64Array(0);
  child = new Int32Array(0);
  point = new Int32Array(0);
  /** Per node after `build`: centre of mass x, y, squared width (−1 for a leaf), count. */
  packed = new Float64Array(0);
  size = 0;

  private grow(needed: number): void {
    if (needed <= this.child.length) return;
    const capacity = Math.max(needed, this.child.length * 2, 64);
    const copy = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const fresh = make(capacity);
      fresh.set(old);
      return fresh;
    };
    this.centreX = copy(this.centreX, (n) => new Float64Array(n));
    this.centreY = copy(this.centreY, (n) => new Float64Array(n));
    this.half = copy(this.half, (n) => new Float64Array(n));
    this.count = copy(this.count, (n) => new Int32Array(n));
    this.sumX = copy(this.sumX, (n) => new Float64Array(n));
    this.sumY = copy(this.sumY, (n) => new Float64Array(n));
    this.child = copy(this.child, (n) => new Int32Array(n));
    this.point = copy(this.point, (n) => new Int32Array(n));
  }

  private node(cx: number, cy: number, half: number): number {
    this.grow(this.size + 1);
    const n = this.size++;
    this.centreX[n] = cx;
    this.centreY[n] = cy;
    this.half[n] = half;
    this.count[n] = 0;
    this.sumX[n] = 0;
    this.sumY[n] = 0;
    this.child[n] = -1;
    this.point[n] = -1;
    return n;
  }

  private split(n: number): void {
    const h = this.half[n] / 2;
    const cx = this.centreX[n];
    const cy = this.centreY[n];
    this.grow(this.size + 4);
    const first = this.node(cx - h, cy - h, h);
    this.node(cx + h, cy - h, h);
    this.node(cx - h, cy + h, h);
    this.node(cx + h, cy + h, h);
    this.child[n] = first;
  }

  private quadrant(n: number, x: number, y: number): number {
    return this.child[n] + (x >= this.centreX[n] ? 1 : 0) + (y >= this.centreY[n] ? 2 : 0);
  }

  build(y: Float64Array, rows: number): void {
    this.size = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < rows; i++) {
      minX = Math.min(minX, y[2 * i]);
      maxX = Math.max(maxX, y[2 * i]);
      minY = Math.min(minY, y[2 * i + 1]);
      maxY = Math.max(maxY, y[2 * i + 1]);
    }
    const half = Math.max(maxX - minX, maxY - minY, 1e-12) / 2 + 1e-9;
    this.node((minX + maxX) / 2, (minY + maxY) / 2, half);
    for (let i = 0; i < rows; i++) this.insert(i, y[2 * i], y[2 * i + 1], y);
    // From sums to centres of mass, once, so the force loop does not divide at every visit; and everything a
    // visit reads side by side in `packed` (one cache line instead of five arrays' worth: the traversal is
    // memory-bound), with the squared width 4·half² or −1 for a leaf.
    if (this.packed.length < this.size * PACKED) this.packed = new Float64Array(this.child.length * PACKED);
    const packed = this.packed;
    for (let n = 0; n < this.size; n++) {
      const c = this.count[n];
      if (c > 0) {
        this.sumX[n] /= c;
        this.sumY[n] /= c;
      }
      const at = n * PACKED;
      packed[at] = this.sumX[n];
      packed[at + 1] = this.sumY[n];
      packed[at + 2] = this.child[n] === -1 ? -1 : 4 * this.half[n] * this.half[n];
      packed[at + 3] = c;
    }
  }

  private insert(i: number, x: number, yy: number, y: Float64Array): void {
    let n = 0;
    for (;;) {
      if (this.child[n] !== -1) {
        this.count[n]++;
        this.sumX[n] += x;
        this.sumY[n] += yy;
        n = this.quadrant(n, x, yy);
        continue;
      }
      const resident = this.point[n];
      if (resident === -1) {
        this.point[n] = i;
        this.count[n] = 1;
        this.sumX[n] = x;
        this.sumY[n] = yy;
        return;
      }
      const rx = y[2 * resident];
      const ry = y[2 * resident + 1];
      if ((rx === x && ry === yy) || this.half[n] < 1e-12) {
        // The same place (or too small to tell apart): one leaf holds them all.
        this.count[n]++;
        this.sumX[n] += x;
        this.sumY[n] += yy;
        return;
      }
      // Push the resident (and any duplicates of it) one level down, then go on inserting i.
      const residentCount = this.count[n];
      this.split(n);
      const down = this.quadrant(n, rx, ry);
      this.point[down] = resident;
      this.count[down] = residentCount;
      this.sumX[down] = this.sumX[n];
      this.sumY[down] = this.sumY[n];
      this.point[n] = -1;
    }
  }
}

/** Stack for the depth-first traversal: at most 3 pending siblings per level, and a tree is at most ~80 levels deep (half width ≥ 1e-12). */
export const TRAVERSAL_STACK = 4 * 128;

/**
 * The unnormalised forces on rows [from, to): the repulsion Σ q̃² (yᵢ − yⱼ) from the quadtree's cells that look
 * small from the point (width² / d² < angle²) into `repulsion`, the attraction Σ exaggeration·pᵢⱼ q̃ (yᵢ − yⱼ) over
 * P's sparse entries into `attraction`; returns these rows' share of Z = Σ q̃. Each row's values depend only on
 * the tree and y, so the rows can be split between threads and give the same numbers.
 */
export function forcesOf(
  tree: QuadTree,
  p: JointProbabilities,
  exaggeration: number,
  y: Float64Array,
  from: number,
  to: number,
  angle2: number,
  repulsion: Float64Array,
  attraction: Float64Array,
  qSums: Float64Array,
  stack: Int32Array,
): void {
  const { packed, child } = tree;
  for (let i = from; i < to; i++) {
    let sumQ = 0;
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    let fx = 0;
    let fy = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const n = stack[--top];
      const at = n * PACKED;
      const dx = xi - packed[at];
      const dy = yi - packed[at + 1];
      const width2 = packed[at + 2];
      const c = packed[at + 3];
      const d2 = dx * dx + dy * dy;
      if (width2 < 0) {
        // A leaf: its points, less i itself when it is one of them (then they all sit where i is, d² = 0).
        const others = d2 === 0 ? c - 1 : c;
        if (others === 0) continue;
        const q = 1 / (1 + d2);
        sumQ += others * q;
        const m = others * q * q;
        fx += m * dx;
        fy += m * dy;
      } else if (width2 < angle2 * d2) {
        const q = 1 / (1 + d2);
        sumQ += c * q;
        const m = c * q * q;
        fx += m * dx;
        fy += m * dy;
      } else {
        // Only children with points are visited; a cell's children are four consecutive nodes.
        const first = child[n];
        const f = first * PACKED + 3;
        if (packed[f] > 0) stack[top++] = first;
        if (packed[f + PACKED] > 0) stack[top++] = first + 1;
        if (packed[f + 2 * PACKED] > 0) stack[top++] = first + 2;
        if (packed[f + 3 * PACKED] > 0) stack[top++] = first + 3;
      }
    }
    repulsion[2 * i] = fx;
    repulsion[2 * i + 1] = fy;
    qSums[i] = sumQ;
  }
  const { start, columns, values } = p;
  for (let i = from; i < to; i++) {
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    let ax = 0;
    let ay = 0;
    for (let m = start[i]; m < start[i + 1]; m++) {
      const j = columns[m];
      const dx = xi - y[2 * j];
      const dy = yi - y[2 * j + 1];
      const w = (exaggeration * values[m]) / (1 + dx * dx + dy * dy);
      ax += w * dx;
      ay += w * dy;
    }
    attraction[2 * i] = ax;
    attraction[2 * i + 1] = ay;
  }
}
