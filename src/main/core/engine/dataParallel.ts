import * as tf from '@tensorflow/tfjs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { SinapsisError } from '../../../shared/contract/errors';
import type { BackendName } from '../../../shared/contract/app';
import type { ModelSpec } from '../../../shared/models/modelSpec';
import { summarizeModel } from '../../../shared/models/shapes';
import type { EngineName, TrainingSettings } from '../../../shared/models/trainingSettings';
import { spawnCoreWorker } from '../workers/spawnWorker';
import type { TrainingData } from './trainingData';

/**
 * Data-parallel training of a tfjs model on two threads (docs/training.md, "Two workers").
 *
 * The thread that runs the training loop is worker 0; a second thread (gradientWorker.ts) is worker 1. Both hold
 * the same model, each on its own tfjs backend (its own wasm module with this project's kernel overrides). For every
 * batch, worker 0 writes the current weights into shared memory and wakes worker 1, which copies them into its model
 * and computes the gradients of the second half of the batch while worker 0 computes those of the first half
 * (`ceil(n / 2)` rows). Each half's loss is its mean times half/batch, so the halves' gradients sum to the whole
 * batch's: the gradient of the mean over the batch is the sum of the halves' sums divided by the batch size. Worker 0
 * adds worker 1's gradients to its own, element by element in float32, always in that order, and takes ONE optimizer
 * step: the optimizer (Adam's moments, the step count) lives only in worker 0, and worker 1 never updates weights, it
 * receives them before each batch. Nothing depends on which thread finishes first, so the same seed gives the same
 * run on the same machine. Compared with one worker the arithmetic is the same up to the order of float sums (two
 * partial sums instead of one), so the two runs agree closely but not bit for bit.
 *
 * Dropout: each half draws the mask of the whole batch from the layer's per-batch seed and uses its own rows
 * (SinapsisDropout.shard), so every row gets the mask it gets on one worker. Batch normalisation would compute its
 * statistics per half, which changes the model's math (and its moving averages would differ between the threads),
 * so a model with a batchNorm layer trains on one worker.
 *
 * Everything crosses threads through SharedArrayBuffers (indices, weights, gradients, results) and Atomics, without
 * messages: the loop is synchronous, and a message would only arrive when it yields.
 */

/**
 * Below this many multiply-adds per batch (forward pass, `forwardMacsPerSample` × batch size) one worker is about as
 * fast: each half still pays every kernel's fixed cost, and the hand-over costs about 0.9 ms per batch (load 4).
 * Estimated from one thread's timings of the DESIGN.md CNN (0.34 M per sample) at load 4.6: a batch of 64 took 9.4 ms,
 * 32 took 4.9-5.3 ms and 16 took 3.2 ms, so two workers can gain about 1.6x at batch 64 (22 M), 1.3x at 32 and
 * little below 12 (4 M). `bench/cnnWorkers.ts speed` measures the crossover directly; on a machine loaded beyond its
 * cores two workers lose at every size (docs/training.md).
 */
export const TWO_WORKERS_MIN_MACS_PER_BATCH = 4_000_000;

/** Multiply-adds of one sample's forward pass through the weighted layers (convolutions: per output position). */
export function forwardMacsPerSample(spec: ModelSpec): number {
  const summary = summarizeModel(spec);
  let macs = 0;
  spec.layers.forEach((layer, index) => {
    const { trainableParams, outputShape } = summary.layers[index];
    if (layer.type === 'dense' || layer.type === 'output') macs += trainableParams;
    else if (layer.type === 'conv2d') macs += outputShape[0] * outputShape[1] * trainableParams;
  });
  return macs;
}

export type WorkerCount = 1 | 2;

/** Why this training cannot be split between two workers, or null when it can. */
function twoWorkersProblem(spec: ModelSpec, engine: EngineName, batchSize: number): SinapsisError | null {
  if (engine !== 'tfjs')
    return new SinapsisError(
      'workers-need-tfjs',
      'Two training workers need the tfjs engine; the didactic engine trains on one. Choose the tfjs engine, or one worker.',
    );
  const batchNorm = spec.layers.findIndex((layer) => layer.type === 'batchNorm');
  if (batchNorm >= 0)
    return new SinapsisError(
      'workers-batch-norm',
      `Layer ${batchNorm + 1} is batch normalisation, whose statistics would be computed on each half of the batch: a model with it trains on one worker. Choose one worker or "auto".`,
      { where: batchNorm + 1 },
    );
  if (batchSize < 2)
    return new SinapsisError(
      'workers-batch-of-one',
      'Two training workers split each batch in halves, and a batch of one sample cannot be split. Use a larger batch, or one worker.',
    );
  return null;
}

/**
 * How many worker threads train: the setting when it is 1 or 2 (2 refused, with the reason, where it cannot work);
 * for 'auto', two when the machine has two cores, the backend runs on one thread (wasm or cpu: native TensorFlow
 * already uses every core) and a batch is at least TWO_WORKERS_MIN_MACS_PER_BATCH multiply-adds.
 */
export function chooseWorkers(
  spec: ModelSpec,
  settings: Pick<TrainingSettings, 'workers'>,
  engine: EngineName,
  backend: BackendName | null,
  batchSize: number,
  cores = availableParallelism(),
): WorkerCount {
  if (settings.workers === 1) return 1;
  const problem = twoWorkersProblem(spec, engine, batchSize);
  if (settings.workers === 2) {
    if (problem) throw problem;
    return 2;
  }
  if (problem || cores < 2 || backend === 'tensorflow') return 1;
  return forwardMacsPerSample(spec) * batchSize >= TWO_WORKERS_MIN_MACS_PER_BATCH ? 2 : 1;
}

/** Slots of the control Int32Array shared by the two threads. */
export const Slot = { request: 0, answer: 1, op: 2, count: 3, offset: 4, total: 5, failed: 6, messageLength: 7 } as const;
const SLOTS = 8;
export const Op = { batch: 1, reset: 2, quit: 3 } as const;
/** Float64 results of worker 1's half: loss sum, right answers, its milliseconds copying weights and gradients, in all. */
export const Result = { lossSum: 0, correct: 1, copyMs: 2, busyMs: 3 } as const;
const MESSAGE_BYTES = 2048;
/** A batch that takes longer than this on worker 1 means it is gone (a crash that could not report). */
const ANSWER_TIMEOUT_MS = 10 * 60_000;

export interface ExchangeBuffers {
  control: Int32Array;
  indices: Int32Array;
  weights: Float32Array;
  gradients: Float32Array;
  results: Float64Array;
  message: Uint8Array;
}

/** What worker 1 receives: the model, the settings, the backend and the data (shared, not copied) and the buffers. */
export interface GradientWorkerData {
  spec: ModelSpec;
  settings: TrainingSettings;
  backend: BackendName;
  data: TrainingData;
  exchange: ExchangeBuffers;
}

function shared<T extends Float32Array | Int32Array | Float64Array | Uint8Array>(
  make: new (buffer: SharedArrayBuffer) => T,
  bytesPerElement: number,
  count: number,
): T {
  return new make(new SharedArrayBuffer(Math.max(1, count) * bytesPerElement));
}

function sharedCopy<T extends Float32Array | Int32Array>(values: T): T {
  const copy = new (values.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(values.byteLength));
  copy.set(values);
  return copy;
}

/** Writes an error's text where worker 0 can read it after the answer (worker 1's side). */
export function writeFailure(exchange: ExchangeBuffers, error: unknown): void {
  const bytes = new TextEncoder().encode(error instanceof Error ? error.message : String(error)).subarray(0, MESSAGE_BYTES);
  exchange.message.set(bytes);
  Atomics.store(exchange.control, Slot.messageLength, bytes.length);
  Atomics.store(exchange.control, Slot.failed, 1);
}

/** Time spent by worker 0 on the hand-over, summed over batches (for bench/train.ts). */
export interface ExchangeTimes {
  batches: number;
  /** Writing the weights for worker 1 and summing its gradients into worker 0's (worker 0's thread). */
  copyMs: number;
  /** Worker 1's own copies (weights into its model, gradients out). */
  partnerCopyMs: number;
  /** Worker 1's whole time per batch (its copies and its half's gradients). */
  partnerBusyMs: number;
  /** Worker 0 waiting for worker 1 after finishing its own half. */
  waitMs: number;
}

/** Worker 0's side of the exchange: starts worker 1, hands it each batch's second half, sums its gradients in. */
export class GradientPartner {
  private readonly exchange: ExchangeBuffers;
  private request = 0;
  private readonly labelled: boolean;
  readonly times: ExchangeTimes = { batches: 0, copyMs: 0, partnerCopyMs: 0, partnerBusyMs: 0, waitMs: 0 };

  private constructor(
    private readonly worker: Worker,
    exchange: ExchangeBuffers,
    labelled: boolean,
  ) {
    this.exchange = exchange;
    this.labelled = labelled;
  }

  /** Spawns worker 1 and resolves once its backend and model are ready. */
  static async start(
    spec: ModelSpec,
    settings: TrainingSettings,
    backend: BackendName,
    data: TrainingData,
    batchSize: number,
  ): Promise<GradientPartner> {
    const params = summarizeModel(spec).trainableParams;
    const exchange: ExchangeBuffers = {
      control: shared(Int32Array, 4, SLOTS),
      indices: shared(Int32Array, 4, Math.ceil(batchSize / 2)),
      weights: shared(Float32Array, 4, params),
      gradients: shared(Float32Array, 4, params),
      results: shared(Float64Array, 8, 4),
      message: shared(Uint8Array, 1, MESSAGE_BYTES),
    };
    // The data once into shared memory, which worker 1 then reads in place.
    const sharedData: TrainingData = {
      ...data,
      features: sharedCopy(data.features),
      targets: sharedCopy(data.targets),
      labels: data.labels ? sharedCopy(data.labels) : null,
    };
    const workerData: GradientWorkerData = { spec, settings, backend, data: sharedData, exchange };
    const worker = spawnCoreWorker('gradient', { workerData });
    await new Promise<void>((resolve, reject) => {
      const fail = (reason: string): void => {
        void worker.terminate();
        reject(new SinapsisError('training-crashed', `The second training worker did not start: ${reason}`, { reason }));
      };
      worker.once('message', (message: { type: 'ready'; params: number } | { type: 'error'; message: string }) => {
        worker.removeAllListeners('error');
        worker.removeAllListeners('exit');
        if (message.type === 'error') fail(message.message);
        else if (message.params !== params) fail(`its model has ${message.params} weights instead of ${params}`);
        else resolve();
      });
      worker.once('error', (error) => fail(error.message));
      worker.once('exit', (code) => fail(`exit code ${code}`));
    });
    // Blocked in Atomics.wait between batches, it must not keep the process alive on its own.
    worker.unref();
    return new GradientPartner(worker, exchange, data.labels !== null);
  }

  private send(op: number): void {
    const { control } = this.exchange;
    Atomics.store(control, Slot.op, op);
    Atomics.store(control, Slot.request, ++this.request);
    Atomics.notify(control, Slot.request);
  }

  private awaitAnswer(): void {
    const { control } = this.exchange;
    const started = performance.now();
    for (;;) {
      const answer = Atomics.load(control, Slot.answer);
      if (answer === this.request) break;
      if (performance.now() - started > ANSWER_TIMEOUT_MS) throw new Error('The second training worker stopped answering.');
      Atomics.wait(control, Slot.answer, answer, 1000);
    }
    this.times.waitMs += performance.now() - started;
    if (Atomics.load(control, Slot.failed) === 1) {
      const length = Atomics.load(control, Slot.messageLength);
      throw new Error(`The second training worker failed: ${new TextDecoder().decode(this.exchange.message.slice(0, length))}`);
    }
  }

  /** A new fold: worker 1 rebuilds its model, so that its dropout layers count batches from the start again. */
  reset(): void {
    this.send(Op.reset);
    this.awaitAnswer();
  }

  /** Hands worker 1 the rows `indices` (the second part of a batch of `total`) with the current weights. */
  start(variables: readonly tf.Variable[], indices: Int32Array, total: number): void {
    const began = performance.now();
    const { control, weights } = this.exchange;
    let offset = 0;
    for (const variable of variables) {
      weights.set(variable.dataSync() as Float32Array, offset);
      offset += variable.size;
    }
    this.exchange.indices.set(indices);
    Atomics.store(control, Slot.count, indices.length);
    Atomics.store(control, Slot.offset, total - indices.length);
    Atomics.store(control, Slot.total, total);
    this.times.copyMs += performance.now() - began;
    this.send(Op.batch);
  }

  /**
   * Waits for worker 1's half, then returns worker 0's gradients plus worker 1's (in that order, in float32) as new
   * tensors (inside the caller's tidy), with worker 1's loss sum and right answers.
   */
  finish(own: tf.NamedTensorMap, variables: readonly tf.Variable[]): { grads: tf.NamedTensorMap; lossSum: number; correct: number | null } {
    this.awaitAnswer();
    const began = performance.now();
    const { gradients, results } = this.exchange;
    const grads: tf.NamedTensorMap = {};
    let offset = 0;
    for (const variable of variables) {
      const mine = own[variable.name].dataSync() as Float32Array;
      const sum = new Float32Array(mine.length);
      for (let i = 0; i < sum.length; i++) sum[i] = mine[i] + gradients[offset + i];
      grads[variable.name] = tf.tensor(sum, variable.shape);
      offset += variable.size;
    }
    this.times.batches++;
    this.times.copyMs += performance.now() - began;
    this.times.partnerCopyMs += results[Result.copyMs];
    this.times.partnerBusyMs += results[Result.busyMs];
    return { grads, lossSum: results[Result.lossSum], correct: this.labelled ? results[Result.correct] : null };
  }

  dispose(): void {
    this.send(Op.quit);
    void this.worker.terminate();
  }
}
