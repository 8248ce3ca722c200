import { parentPort } from 'node:worker_threads';
import { embed, type EmbedJob } from './embed';
import type { EmbedWorkerReply } from './embedProtocol';

/*
 * Worker-thread entry for feature maps (registered as `embed` in core/workers/registry.ts): t-SNE of 5,000 samples
 * keeps a core busy for seconds, so it runs here and the server goes on answering. One job per worker.
 */
if (!parentPort) throw new Error('embedWorker must run as a worker thread (spawnCoreWorker("embed")).');
const port = parentPort;
port.once('message', (job: EmbedJob) => {
  try {
    const output = embed(job, (stage, done, total) =>
      port.postMessage({ kind: 'progress', stage, done, total } satisfies EmbedWorkerReply),
    );
    const reply: EmbedWorkerReply = { kind: 'done', coordinates: output.coordinates, explainedVariance: output.explainedVariance };
    port.postMessage(reply, [output.coordinates.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies EmbedWorkerReply);
  }
});
