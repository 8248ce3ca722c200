import { parentPort } from 'node:worker_threads';
import { SinapsisError } from '../../../shared/contract/errors';
import { ControlState, type TrainerMessage, type TrainerStart } from './trainerProtocol';
import type { LoopControl } from './trainLoop';
import { chooseEngine, runTrainingJob } from './trainingJob';

/**
 * Worker thread entry: loads its modules at once (it may be started ahead of its job, see trainerWorkers.ts),
 * waits for its one job, trains it and reports through postMessage. The loop is synchronous between batches, so
 * pause and stop arrive through shared memory (Atomics) instead of messages, which would only be delivered when the
 * loop yields.
 */

const post = (message: TrainerMessage): void => parentPort!.postMessage(message);

/** Pause and stop, read between batches from the shared control word. */
const gateOn = (state: Int32Array): LoopControl => ({
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
});

async function main({ job, control }: TrainerStart): Promise<void> {
  try {
    post({ type: 'engine', engine: chooseEngine(job.spec, job.settings) });
    const outcome = await runTrainingJob(
      job,
      {
        batch: (progress) => post({ type: 'batch', progress }),
        epoch: (record) => post({ type: 'epoch', record }),
        inspection: (inspection) => post({ type: 'inspection', inspection }),
      },
      gateOn(new Int32Array(control)),
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

parentPort!.once('message', (start: TrainerStart) => void main(start));
