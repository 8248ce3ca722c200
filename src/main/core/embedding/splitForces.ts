import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { spawnCoreWorker } from '../workers/spawnWorker';
import { forcesOf, QuadTree, TRAVERSAL_STACK } from './barnesHut';
import type { JointProbabilities } from './tsne';

/**
 * t-SNE's gradient with its rows split in two: this thread computes the first half, a helper worker
 * (`tsneForcesWorker.ts`) the second, both from the same positions in shared memory, each building the same
 * quadtree. Every row's forces are computed by the same code from the same tree whichever thread does it, and
 * Z is always summed from each row's share in row order, so the coordinates never depend on timing or on whether
 * the helper is there: until it has started (or if it cannot), this thread computes both its rows and the helper's.
 */

/** Below this many points a second thread costs more (starting it, waking it 1,000 times) than it saves. */
export const SPLIT_MIN_ROWS = 1000;
/** Indices in the control array shared with the helper. */
export const CONTROL = { ready: 0, request: 1, done: 2, stop: 3, failed: 4, length: 5 } as const;
/** Indices in the shared numbers: the exaggeration of this request and the angle². */
export const PARAMETER = { exaggeration: 0, angle2: 1, length: 2 } as const;
/** A helper that has not answered in this long is taken for dead (it never should: a request is milliseconds). */
const HELPER_TIMEOUT_MS = 60_000;

/** What the helper receives once P is known: every array it reads or writes, on SharedArrayBuffers. */
export interface ForcesSetup {
  rows: number;
  from: number;
  control: Int32Array;
  parameters: Float64Array;
  y: Float64Array;
  repulsion: Float64Array;
  attraction: Float64Array;
  qSums: Float64Array;
  p: JointProbabilities;
}

const shared = <T extends Float64Array | Int32Array>(make: new (buffer: SharedArrayBuffer) => T, length: number, bytes: number): T =>
  new make(new SharedArrayBuffer(length * bytes));

function sharedCopy<T extends Float64Array | Int32Array>(source: T): T {
  const copy = source instanceof Float64Array ? shared(Float64Array, source.length, 8) : shared(Int32Array, source.length, 4);
  copy.set(source);
  return copy as T;
}

/** Starts the helper early (it loads while PCA and the neighbours run), or null when one thread is all there is. */
export function startForcesHelper(rows: number, threads: 1 | 2): Worker | null {
  if (threads < 2 || rows < SPLIT_MIN_ROWS || availableParallelism() < 2) return null;
  try {
    const worker = spawnCoreWorker('tsneForces');
    worker.unref();
    // A helper that fails only means this thread does its half too; the error has nowhere better to go.
    worker.on('error', () => {});
    return worker;
  } catch {
    return null;
  }
}

export class SplitForces {
  readonly y: Float64Array;
  private readonly control = shared(Int32Array, CONTROL.length, 4);
  private readonly parameters = shared(Float64Array, PARAMETER.length, 8);
  private readonly repulsion: Float64Array;
  private readonly attraction: Float64Array;
  /** Each row's share of Z, summed in row order whoever computed it. */
  private readonly qSums: Float64Array;
  private readonly tree = new QuadTree();
  private readonly stack = new Int32Array(TRAVERSAL_STACK);
  /** The helper's rows are [from, rows). */
  private readonly from: number;
  private generation = 0;
  /** Iterations whose gradient the helper shared (the rest this thread computed alone). */
  helpedIterations = 0;

  constructor(
    private readonly p: JointProbabilities,
    private readonly rows: number,
    private readonly angle2: number,
    private helper: Worker | null,
  ) {
    this.from = Math.floor(rows / 2);
    this.y = shared(Float64Array, rows * 2, 8);
    this.repulsion = shared(Float64Array, rows * 2, 8);
    this.attraction = shared(Float64Array, rows * 2, 8);
    this.qSums = shared(Float64Array, rows, 8);
    this.parameters[PARAMETER.angle2] = angle2;
    if (helper) {
      const setup: ForcesSetup = {
        rows,
        from: this.from,
        control: this.control,
        parameters: this.parameters,
        y: this.y,
        repulsion: this.repulsion,
        attraction: this.attraction,
        qSums: this.qSums,
        p: { start: sharedCopy(p.start), columns: sharedCopy(p.columns), values: sharedCopy(p.values) },
      };
      helper.postMessage(setup);
    }
  }

  /** Has the helper compute its half while `ownHalf` runs here; false when it is not (or no longer) there. */
  private helperHalf(exaggeration: number, ownHalf: () => void): boolean {
    const control = this.control;
    if (!this.helper || Atomics.load(control, CONTROL.ready) !== 1) {
      ownHalf();
      return false;
    }
    this.parameters[PARAMETER.exaggeration] = exaggeration;
    const generation = ++this.generation;
    Atomics.store(control, CONTROL.request, generation);
    Atomics.notify(control, CONTROL.request);
    ownHalf();
    for (;;) {
      const done = Atomics.load(control, CONTROL.done);
      if (done === generation) return true;
      if (Atomics.load(control, CONTROL.failed) === 1) break;
      if (Atomics.wait(control, CONTROL.done, done, HELPER_TIMEOUT_MS) === 'timed-out') break;
    }
    this.close();
    return false;
  }

  /** The gradient of KL(P‖Q) at `y` into `gradient` (rows × 2); returns Z = Σ q̃. */
  gradient(exaggeration: number, gradient: Float64Array): number {
    const { p, rows, from, y, repulsion, attraction, qSums, tree, stack, angle2 } = this;
    tree.build(y, rows);
    const helped = this.helperHalf(exaggeration, () =>
      forcesOf(tree, p, exaggeration, y, 0, from, angle2, repulsion, attraction, qSums, stack),
    );
    if (helped) this.helpedIterations++;
    else forcesOf(tree, p, exaggeration, y, from, rows, angle2, repulsion, attraction, qSums, stack);
    let sumQ = 0;
    for (let i = 0; i < rows; i++) sumQ += qSums[i];
    for (let m = 0; m < 2 * rows; m++) gradient[m] = 4 * (attraction[m] - repulsion[m] / sumQ);
    return sumQ;
  }

  /** Ends the helper (it may still be starting: then it is simply terminated). */
  close(): void {
    if (!this.helper) return;
    Atomics.store(this.control, CONTROL.stop, 1);
    Atomics.add(this.control, CONTROL.request, 1);
    Atomics.notify(this.control, CONTROL.request);
    void this.helper.terminate();
    this.helper = null;
  }
}
