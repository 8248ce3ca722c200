import type { ContractError } from '../../../shared/contract/errors';
import type { EpochInspection } from './epochInspection';
import type { BatchProgress, EpochRecord } from './trainLoop';
import type { TrainingJob, TrainingOutcome } from './trainingJob';

/**
 * The one message a trainer worker receives: its job. It is posted rather than given as workerData, so the
 * worker can be started (and load its modules) before the job is known; see trainerWorkers.ts.
 */
export interface TrainerStart {
  type: 'start';
  job: TrainingJob;
  /** Int32Array over this buffer; slot 0 holds a ControlState. Shared so the worker sees pause/stop between batches without yielding. */
  control: SharedArrayBuffer;
}

export const ControlState = { run: 0, pause: 1, stop: 2 } as const;

export type TrainerMessage =
  | { type: 'engine'; engine: TrainingOutcome['engine'] }
  | { type: 'batch'; progress: BatchProgress }
  | { type: 'epoch'; record: EpochRecord }
  | { type: 'inspection'; inspection: EpochInspection }
  | { type: 'done'; outcome: TrainingOutcome }
  | { type: 'error'; error: ContractError; expected: boolean };
