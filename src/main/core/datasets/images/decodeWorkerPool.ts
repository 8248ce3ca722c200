import type { Worker } from 'node:worker_threads';
import { SinapsisError } from '../../../../shared/contract';
import { spawnCoreWorker } from '../../workers/spawnWorker';
import type { DecodeJob, DecodeReply } from './decodeJob';

interface Pending {
  resolve: (reply: DecodeReply) => void;
  reject: (error: Error) => void;
  worker: Worker;
}

/**
 * A fixed set of `imageDecode` workers taking jobs round-robin by least load. Any worker failure rejects every
 * pending job with a clear error; `close` stops the workers (always called when a load ends or is cancelled).
 */
export class DecodeWorkerPool {
  private readonly workers: { worker: Worker; jobs: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = spawnCoreWorker('imageDecode');
      const entry = { worker, jobs: 0 };
      worker.on('message', (reply: DecodeReply) => {
        const job = this.pending.get(reply.jobId);
        if (!job) return;
        this.pending.delete(reply.jobId);
        entry.jobs--;
        job.resolve(reply);
      });
      worker.on('error', (error) => this.fail(error.message));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(`exit code ${code}`);
      });
      this.workers.push(entry);
    }
  }

  run(job: DecodeJob): Promise<DecodeReply> {
    if (this.failure) return Promise.reject(this.failure);
    const target = this.workers.reduce((least, w) => (w.jobs < least.jobs ? w : least));
    target.jobs++;
    return new Promise((resolve, reject) => {
      this.pending.set(job.jobId, { resolve, reject, worker: target.worker });
      target.worker.postMessage(job, [job.data.buffer as ArrayBuffer]);
    });
  }

  close(): void {
    if (!this.failure) this.failure = new Error('decode pool closed');
    for (const job of this.pending.values()) job.reject(this.failure);
    this.pending.clear();
    for (const { worker } of this.workers.splice(0)) void worker.terminate();
  }

  private fail(detail: string): void {
    if (this.failure) return;
    const error = new SinapsisError(
      'dataset-decoder-failed',
      `An image decoding thread stopped unexpectedly (${detail}). Try loading the folder again.`,
      { detail },
    );
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
    this.failure = error;
    for (const { worker } of this.workers.splice(0)) void worker.terminate();
  }
}
