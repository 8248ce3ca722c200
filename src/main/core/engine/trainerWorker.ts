import { parentPort, workerData } from 'node:worker_threads';
import { SinapsisError } from '../../../shared/contract/errors';
import { ControlState, type TrainerMessage, type TrainerWorkerData } from './trainerProtocol';
import type { LoopControl } from './trainLoop';
import { chooseEngine, runTrainingJob } from './trainingJob';

/**
 * Worker thread entry: trains one job and reports through postMessage. The loop is synchronous between
 * batches, so pause and stop arrive through shared memory (Atomics) instead of messages, which would only be
 * delivered when the loop yields.
 */

const { job, control } = workerData as TrainerWorkerData;
const state = new Int32Array(control);
const post = (message: TrainerMessage): void => parentPort!.postMessage(message);

const gate: LoopControl = {
  check() {
    let pausedMs = 0;
    if (Atomics.load(state, 0) === ControlState.pause) {
      const start = performance.now();
      // Sleeps until the main thread changes the state (resume or stop) and notifies.
      while (Atomics.load(state, 0) === ControlState.pause) Atomics.wait(state, 0, ControlState.pause, 1000);
      pausedMs = performance.now() - start;
    }
    return { stop: Atomics.load(state, 0) === ControlState.stop, pausedMs };
  },
};

async function main(): Promise<void> {
  try {
    post({ type: 'engine', engine: chooseEngine(job.spec, job.settings) });
    const outcome = await runTrainingJob(
      job,
      {
        batch: (progress) => post({ type: 'batch', progress }),
        epoch: (record) => post({ type: 'epoch', record }),
        inspection: (inspection) => post({ type: 'inspection', inspection }),
      },
      gate,
    );
    post({ type: 'done', outcome });
  } catch (error) {
    if (error instanceof SinapsisError) post({ type: 'error', error: error.toContract(), expected: true });
    else {
      const message = error instanceof Error ? error.message : String(error);
      post({ type: 'error', error: { code: 'training-failed', message, params: { details: message } }, expected: false });
    }
  }
}

void main();
