import { parentPort } from 'node:worker_threads';
import { runHogJob, type HogJob } from './hogJob';

/*
 * Worker-thread entry for dataset HOG extraction (registered as `hogExtract` in core/workers/registry.ts).
 * It receives batches of images and answers with their vectors, transferring the vector buffers instead of
 * copying them.
 */
if (!parentPort) throw new Error('hogWorker must run as a worker thread (spawnCoreWorker("hogExtract")).');
const port = parentPort;
port.on('message', (job: HogJob) => {
  const reply = runHogJob(job);
  const transfer = reply.results.flatMap((result) => (result.ok ? [result.vector.buffer as ArrayBuffer] : []));
  port.postMessage(reply, transfer);
});
