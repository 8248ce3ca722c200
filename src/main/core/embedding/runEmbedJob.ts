import { SinapsisError } from '../../../shared/contract/errors';
import type { EmbeddingStage } from '../../../shared/contract/embedding';
import { spawnCoreWorker } from '../workers/spawnWorker';
import type { EmbedJob, EmbedOutput } from './embed';
import type { EmbedWorkerReply } from './embedProtocol';

export function embeddingCancelled(): SinapsisError {
  return new SinapsisError('embedding-cancelled', 'The feature map was cancelled; nothing was kept. Compute it again when you want it.');
}

/**
 * Runs one embedding in its own worker thread. Cancelling terminates the worker at once (t-SNE's loop never has
 * to look at a flag), and the worker is always ended when the job ends.
 */
export function runEmbedJob(
  job: EmbedJob,
  options: { signal: AbortSignal; onProgress: (stage: EmbeddingStage, done: number, total: number) => void },
): Promise<EmbedOutput> {
  if (options.signal.aborted) return Promise.reject(embeddingCancelled());
  const worker = spawnCoreWorker('embed');
  return new Promise<EmbedOutput>((resolve, reject) => {
    const finish = (): void => {
      options.signal.removeEventListener('abort', onAbort);
      void worker.terminate();
    };
    const onAbort = (): void => {
      finish();
      reject(embeddingCancelled());
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: EmbedWorkerReply) => {
      if (reply.kind === 'progress') options.onProgress(reply.stage, reply.done, reply.total);
      else if (reply.kind === 'done') {
        finish();
        resolve({ coordinates: reply.coordinates, explainedVariance: reply.explainedVariance });
      } else {
        finish();
        reject(new Error(`The feature map failed: ${reply.message}`));
      }
    });
    worker.on('error', (error) => {
      finish();
      reject(error);
    });
    worker.postMessage(job);
  });
}
