import { parentPort } from 'node:worker_threads';
import { runHogJob, type HogJob } from './hogJob';

/*
 * Worker-thread entry for dataset HOG extraction (registered as `hogExtract` in core/workers/registry.ts).
 * It receives packed batches of images and answers with their vectors in one transferred buffer.
 */
if (!parentPort) throw new Error('hogWorker must run as a worker thread (spawnCoreWorker("hogExtract")).');
const port = parentPort;
port.on('message', (job: HogJob) => {
  const { reply, transfer } = runHogJob(job);
  port.postMessage(reply, transfer);
});
