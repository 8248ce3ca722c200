import type { Worker } from 'node:worker_threads';
import { SinapsisError } from '../../../shared/contract';
import type { HogPipeline } from '../../../shared/contract/features';
import { spawnCoreWorker } from '../workers/spawnWorker';
import { packItems, unpackResults } from './hogBatchPacking';
import type { HogJobItem, HogJobReply, HogJobResult } from './hogJob';

interface PendingJob {
  resolve: (results: HogJobResult[]) => void;
  reject: (error: Error) => void;
  worker: PooledWorker;
}

interface PooledWorker {
  worker: Worker;
  jobs: number;
}

/**
 * A few `hogExtract` worker threads sharing batches of images. Workers start lazily, on the first batch that
 * finds all started ones busy, so a run served entirely from the cache starts none. Workers are unref'ed: an
 * idle pool never keeps the process (e.g. the CLI) alive.
 */
export class HogWorkerPool {
  private readonly workers: PooledWorker[] = [];
  private readonly pending = new Map<number, PendingJob>();
  private nextJobId = 0;
  private failure: Error | null = null;
  private startedCount = 0;

  /** Extractions currently using the pool. */
  users = 0;

  constructor(public size: number) {}

  /** True once terminated (cancelled or a worker died); such a pool is never reused. */
  get broken(): boolean {
    return this.failure !== null;
  }

  /** Workers started so far (still counted after they are stopped). */
  get started(): number {
    return this.startedCount;
  }

  run(items: HogJobItem[], pipeline: HogPipeline): Promise<HogJobResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    const target = this.pickWorker();
    const jobId = this.nextJobId++;
    target.jobs += 1;
    return new Promise<HogJobResult[]>((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject, worker: target });
      const { packed, transfer } = packItems(items);
      target.worker.postMessage({ jobId, pipeline, items: packed }, transfer);
    });
  }

  /** Stops every worker; jobs still running reject with `reason` (e.g. the cancellation error). */
  terminate(reason: Error): void {
    if (!this.failure) this.failure = reason;
    for (const job of this.pending.values()) job.reject(reason);
    this.pending.clear();
    for (const { worker } of this.workers.splice(0)) void worker.terminate();
  }

  private pickWorker(): PooledWorker {
    const idle = this.workers.find((w) => w.jobs === 0);
    if (idle) return idle;
    if (this.workers.length < this.size) return this.startWorker();
    return this.workers.reduce((least, w) => (w.jobs < least.jobs ? w : least));
  }

  private startWorker(): PooledWorker {
    const pooled: PooledWorker = { worker: spawnCoreWorker('hogExtract'), jobs: 0 };
    pooled.worker.unref();
    pooled.worker.on('message', (reply: HogJobReply) => {
      const job = this.pending.get(reply.jobId);
      if (!job) return;
      this.pending.delete(reply.jobId);
      job.worker.jobs -= 1;
      job.resolve(unpackResults(reply.results));
    });
    const fail = (detail: string) => {
      if (this.failure) return;
      this.terminate(
        new SinapsisError(
          'hog-worker-failed',
          `A HOG worker thread stopped unexpectedly (${detail}). Try again; if it keeps failing, extract with threads: 1 and report the dataset that triggers it.`,
          { detail },
        ),
      );
    };
    pooled.worker.on('error', (error) => fail(error.message));
    pooled.worker.on('exit', (code) => {
      if (code !== 0) fail(`exit code ${code}`);
    });
    this.workers.push(pooled);
    this.startedCount += 1;
    return pooled;
  }
}

/**
 * Workers stay up this long after an extraction, so changing a parameter and extracting again does not pay
 * the start-up (hundreds of milliseconds per thread, seconds when running from TypeScript sources) again.
 */
const IDLE_MS = 60_000;
let shared: HogWorkerPool | null = null;
let idleTimer: NodeJS.Timeout | null = null;

/** The shared pool, grown to `size` threads if needed. Call `releaseHogPool` when the extraction ends. */
export function acquireHogPool(size: number): HogWorkerPool {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (!shared || shared.broken) shared = new HogWorkerPool(size);
  shared.size = Math.max(shared.size, size);
  shared.users += 1;
  return shared;
}

/**
 * Ends an extraction's use of the pool. A cancelled or failed run stops the workers at once (dropping its queued
 * batches) unless another extraction is still using them; otherwise they idle a while for the next run.
 */
export function releaseHogPool(pool: HogWorkerPool, stopNow: Error | null): void {
  pool.users -= 1;
  if (pool.users > 0) return;
  if (stopNow) {
    pool.terminate(stopNow);
    if (shared === pool) shared = null;
    return;
  }
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (shared === pool) shared = null;
    pool.terminate(new Error('idle HOG worker pool closed'));
  }, IDLE_MS);
  idleTimer.unref();
}

/**
 * Stops the shared pool now if no extraction is using it, instead of after the idle minute. For scripts (the
 * bench, tests) that are done extracting: under tsx a worker's loader keeps the process alive until then.
 */
export function closeHogPool(): void {
  if (!shared || shared.users > 0) return;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  shared.terminate(new Error('HOG worker pool closed'));
  shared = null;
}
