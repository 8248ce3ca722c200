import type { Matrix } from './matrix';

/** The k nearest neighbours of every row (itself excluded), by squared Euclidean distance, nearest first. */
export interface Neighbours {
  k: number;
  /** rows × k row indices. */
  indices: Int32Array;
  /** rows × k squared distances. */
  distances: Float64Array;
}

/** Sifts a new (key, id) into row `row`'s max-heap of k entries (the heap's top is its farthest neighbour so far). */
function replaceTop(keys: Float64Array, ids: Int32Array, base: number, k: number, key: number, id: number): void {
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= k) break;
    const right = left + 1;
    const larger =
      right < k &&
      (keys[base + right] > keys[base + left] || (keys[base + right] === keys[base + left] && ids[base + right] > ids[base + left]))
        ? right
        : left;
    const largerKey = keys[base + larger];
    if (largerKey < key || (largerKey === key && ids[base + larger] < id)) break;
    keys[base + at] = largerKey;
    ids[base + at] = ids[base + larger];
    at = larger;
  }
  keys[base + at] = key;
  ids[base + at] = id;
}

const before = (keyA: number, idA: number, keyB: number, idB: number): boolean => keyA < keyB || (keyA === keyB && idA < idB);

/**
 * Exact k nearest neighbours by brute force over every pair once, ‖a‖² + ‖b‖² − 2a·b, each row keeping a max-heap
 * of its k nearest (rows²·columns/2 operations: t-SNE hands it at most 50 columns, see tsne.ts). Ties go to the
 * lower row index, so the result never depends on the order of work.
 */
export function nearestNeighbours(data: Matrix, k: number, onRow?: (row: number) => void): Neighbours {
  const { rows, columns, values } = data;
  const norms = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < columns; c++) sum += values[r * columns + c] ** 2;
    norms[r] = sum;
  }
  const keys = new Float64Array(rows * k).fill(Infinity);
  const ids = new Int32Array(rows * k).fill(rows);
  for (let i = 0; i < rows; i++) {
    const a = i * columns;
    const baseI = i * k;
    const offer = (j: number, dot: number): void => {
      const d = Math.max(0, norms[i] + norms[j] - 2 * dot);
      if (before(d, j, keys[baseI], ids[baseI])) replaceTop(keys, ids, baseI, k, d, j);
      const baseJ = j * k;
      if (before(d, i, keys[baseJ], ids[baseJ])) replaceTop(keys, ids, baseJ, k, d, i);
    };
    let j = i + 1;
    // Four rows at a time, so each of row i's values is read once for four products (the same sums, in the
    // same order, as one row at a time).
    for (; j + 3 < rows; j += 4) {
      const b0 = j * columns;
      const b1 = b0 + columns;
      const b2 = b1 + columns;
      const b3 = b2 + columns;
      let dot0 = 0;
      let dot1 = 0;
      let dot2 = 0;
      let dot3 = 0;
      for (let c = 0; c < columns; c++) {
        const v = values[a + c];
        dot0 += v * values[b0 + c];
        dot1 += v * values[b1 + c];
        dot2 += v * values[b2 + c];
        dot3 += v * values[b3 + c];
      }
      offer(j, dot0);
      offer(j + 1, dot1);
      offer(j + 2, dot2);
      offer(j + 3, dot3);
    }
    for (; j < rows; j++) {
      const b = j * columns;
      let dot = 0;
      for (let c = 0; c < columns; c++) dot += values[a + c] * values[b + c];
      offer(j, dot);
    }
    onRow?.(i);
  }
  const indices = new Int32Array(rows * k);
  const distances = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) {
    const base = i * k;
    const order = Array.from({ length: k }, (_, m) => base + m).sort((x, y) => keys[x] - keys[y] || ids[x] - ids[y]);
    order.forEach((m, position) => {
      indices[base + position] = ids[m];
      distances[base + position] = keys[m];
    });
  }
  return { k, indices, distances };
}
