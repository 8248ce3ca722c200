import type { Worker } from 'node:worker_threads';
import { SinapsisError } from '../../../shared/contract/errors';
import { ControlState, type TrainerMessage, type TrainerStart } from './trainerProtocol';
import { takeTrainer, trainerReleased } from './trainerWorkers';
import type { EpochInspection } from './epochInspection';
import type { BatchProgress, EpochRecord } from './trainLoop';
import type { TrainingJob, TrainingOutcome } from './trainingJob';

/** After a stop, how long the current batch may take to finish before the worker is terminated. */
export const STOP_GRACE_MS = 10_000;

export interface SessionEvents {
  engine(engine: TrainingOutcome['engine']): void;
  batch(progress: BatchProgress): void;
  epoch(record: EpochRecord): void;
  inspection?(inspection: EpochInspection): void;
}

/**
 * One training run in its own worker thread (taken from trainerWorkers.ts, the job posted to it). Pause, resume and stop write to shared memory that the worker
 * checks between batches. The worker is terminated whatever happens (done, error, crash, stop timeout), so it
 * is never left running.
 */
export class TrainingSession {
  private readonly worker: Worker;
  private readonly state: Int32Array;
  private readonly epochs: EpochRecord[] = [];
  private engine: TrainingOutcome['engine'] = 'tfjs';
  readonly finished: Promise<TrainingOutcome>;

  constructor(job: TrainingJob, events: SessionEvents) {
    const control = new SharedArrayBuffer(4);
    this.state = new Int32Array(control);
    // Usually a worker started ahead, with its modules already loaded (trainerWorkers.ts).
    this.worker = takeTrainer();
    const start: TrainerStart = { type: 'start', job, control };
    this.worker.postMessage(start);
    this.finished = new Promise<TrainingOutcome>((resolve, reject) => {
      let settled = false;
      const settle = (action: () => void): void => {
        if (settled) return;
        settled = true;
        action();
        void this.worker.terminate();
        trainerReleased();
      };
      this.worker.on('message', (message: TrainerMessage) => {
        switch (message.type) {
          case 'engine':
            this.engine = message.engine;
            events.engine(message.engine);
            break;
          case 'batch':
            events.batch(message.progress);
            break;
          case 'epoch':
            this.epochs.push(message.record);
            events.epoch(message.record);
            break;
          case 'inspection':
            events.inspection?.(message.inspection);
            break;
          case 'done':
            settle(() => resolve(message.outcome));
            break;
          case 'error':
            settle(() =>
              reject(
                message.expected
                  ? new SinapsisError(message.error.code, message.error.message, message.error.params)
                  : new Error(message.error.message),
              ),
            );
            break;
        }
      });
      this.worker.on('error', (error) =>
        settle(() =>
          reject(new SinapsisError('training-crashed', `The training worker crashed: ${error.message}`, { reason: error.message })),
        ),
      );
      this.worker.on('exit', (code) =>
        settle(() =>
          reject(new SinapsisError('training-crashed', `The training worker ended unexpectedly (exit code ${code}).`, { code })),
        ),
      );
      this.stopTimeout = (): void => settle(() => resolve(this.partialOutcome()));
    });
  }

  private stopTimeout: () => void = () => undefined;

  /** What was measured before a worker that did not answer a stop was terminated (its weights are lost). */
  private partialOutcome(): TrainingOutcome {
    const byFold = new Map<number, EpochRecord[]>();
    for (const record of this.epochs) byFold.set(record.fold, [...(byFold.get(record.fold) ?? []), record]);
    return {
      engine: this.engine,
      backend: null,
      folds: [...byFold.entries()].map(([fold, history]) => {
        const last = history[history.length - 1];
        return {
          fold,
          history,
          bestEpoch: 0,
          status: 'stopped' as const,
          train: { loss: last.trainLoss, accuracy: last.trainAccuracy },
          validation: last.valLoss === null ? null : { loss: last.valLoss, accuracy: last.valAccuracy },
        };
      }),
      stopped: true,
      problem: null,
      elapsedMs: this.epochs.length ? this.epochs[this.epochs.length - 1].elapsedMs : 0,
      artifacts: null,
      test: null,
      outputs: null,
      workers: 1,
      exchange: null,
    };
  }

  private setState(value: number): void {
    Atomics.store(this.state, 0, value);
    Atomics.notify(this.state, 0);
  }

  pause(): void {
    if (Atomics.load(this.state, 0) === ControlState.run) this.setState(ControlState.pause);
  }

  resume(): void {
    if (Atomics.load(this.state, 0) === ControlState.pause) this.setState(ControlState.run);
  }

  stop(): void {
    this.setState(ControlState.stop);
    const timer = setTimeout(() => this.stopTimeout(), STOP_GRACE_MS);
    timer.unref();
    void this.finished.finally(() => clearTimeout(timer)).catch(() => undefined);
  }
}
