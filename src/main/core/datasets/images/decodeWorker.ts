import { parentPort } from 'node:worker_threads';
import { runDecodeJob, transferablesOf, type DecodeJob } from './decodeJob';

/*
 * Worker-thread entry for decoding image files (registered as `imageDecode` in core/workers/registry.ts).
 * Decoding runs here so a large folder uses every core and a huge image never stalls the core's event loop.
 */
if (!parentPort) throw new Error('decodeWorker must run as a worker thread (spawnCoreWorker("imageDecode")).');
const port = parentPort;
port.on('message', (job: DecodeJob) => {
  const reply = runDecodeJob(job);
  port.postMessage(reply, transferablesOf(reply));
});
