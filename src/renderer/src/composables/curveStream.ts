import { z } from 'zod';
import { experimentProgressEventSchema } from '../../../shared/contract/experiment';
import type { DiagnosisHint } from '../../../shared/contract/diagnosisSchemas';
import { trainBatchEventSchema, trainEpochEventSchema } from '../../../shared/contract/training';

/** A hint as the core sends it (`core/evaluation/diagnosis.ts`): a code, its evidence and an English sentence. */
export { diagnosisHintSchema as diagnosisSchema, type DiagnosisHint } from '../../../shared/contract/diagnosisSchemas';

/** The epoch event, with the live diagnosis of the epochs so far that the experiment pipeline attaches. */
export type EpochRecord = z.infer<typeof trainEpochEventSchema>;

export interface BatchPoint {
  fold: number;
  epoch: number;
  batch: number;
  loss: number;
  accuracy: number | null;
}

export interface TrainingProgress {
  phase: z.infer<typeof experimentProgressEventSchema>['phase'] | null;
  runId: string | null;
  /** 1-based fold and fold count from `experiment.progress` (null outside k-fold). */
  fold: number | null;
  folds: number | null;
  /** 0-based fold of the latest training event. */
  foldIndex: number;
  /** The epoch being trained (1-based) and how much of it is done (0..1). */
  epoch: number;
  epochFraction: number;
  batch: number;
  batches: number;
  elapsedMs: number;
  etaMs: number | null;
  engine: string | null;
  /** Feature extraction: images described so far, of `imagesTotal` (null outside that phase). */
  imagesDone: number | null;
  imagesTotal: number | null;
  /** While queued: the place in line for a free training slot (1 = next). */
  queuePosition: number | null;
}

export interface CurveSnapshot {
  history: EpochRecord[];
  batches: BatchPoint[];
  progress: TrainingProgress;
  diagnosis: DiagnosisHint[] | null;
}

/** Per-batch points kept for the on-demand batch curve. */
export const MAX_BATCH_POINTS = 50_000;

export function emptyProgress(): TrainingProgress {
  return {
    phase: null,
    runId: null,
    fold: null,
    folds: null,
    foldIndex: 0,
    epoch: 0,
    epochFraction: 0,
    batch: 0,
    batches: 0,
    elapsedMs: 0,
    etaMs: null,
    engine: null,
    imagesDone: null,
    imagesTotal: null,
    queuePosition: null,
  };
}

/**
 * Collects one task's training events without touching the UI; `take()` hands over what changed since the
 * last call. The view calls it on a timer, so redraws follow the clock, not the event rate.
 */
export class CurveStream {
  private readonly epochs: EpochRecord[] = [];
  private readonly batchPoints: BatchPoint[] = [];
  private progress: TrainingProgress = emptyProgress();
  private diagnosis: DiagnosisHint[] | null = null;
  private dirty = false;

  constructor(private readonly taskId: string) {}

  /** `experiment.progress`; returns false for another task's or a malformed event. */
  progressEvent(payload: unknown): boolean {
    const event = experimentProgressEventSchema.safeParse(payload);
    if (!event.success || event.data.taskId !== this.taskId) return false;
    const { runId, phase, fold, folds, done, total, position } = event.data;
    this.progress = {
      ...this.progress,
      runId,
      phase,
      fold,
      folds,
      imagesDone: done ?? null,
      imagesTotal: total ?? null,
      queuePosition: position ?? null,
    };
    return (this.dirty = true);
  }

  epochEvent(payload: unknown): boolean {
    const event = trainEpochEventSchema.safeParse(payload);
    if (!event.success || event.data.taskId !== this.taskId) return false;
    const e = event.data;
    this.epochs.push(e);
    if (e.diagnosis) this.diagnosis = e.diagnosis;
    this.progress = {
      ...this.progress,
      engine: e.engine,
      foldIndex: e.fold,
      epoch: e.epoch,
      epochFraction: 1,
      elapsedMs: e.elapsedMs,
      etaMs: e.etaMs,
      phase: this.progress.phase ?? 'training',
    };
    return (this.dirty = true);
  }

  batchEvent(payload: unknown): boolean {
    const event = trainBatchEventSchema.safeParse(payload);
    if (!event.success || event.data.taskId !== this.taskId) return false;
    const e = event.data;
    this.batchPoints.push({ fold: e.fold, epoch: e.epoch, batch: e.batch, loss: e.loss, accuracy: e.accuracy });
    if (this.batchPoints.length > 2 * MAX_BATCH_POINTS) this.batchPoints.splice(0, this.batchPoints.length - MAX_BATCH_POINTS);
    this.progress = {
      ...this.progress,
      engine: e.engine,
      foldIndex: e.fold,
      epoch: e.epoch,
      epochFraction: e.batch / Math.max(1, e.batches),
      batch: e.batch,
      batches: e.batches,
      elapsedMs: e.elapsedMs,
      etaMs: e.etaMs,
      phase: this.progress.phase ?? 'training',
    };
    return (this.dirty = true);
  }

  /** What changed since the previous call, or null when nothing did. */
  take(): CurveSnapshot | null {
    if (!this.dirty) return null;
    this.dirty = false;
    const batches = this.batchPoints.length > MAX_BATCH_POINTS ? this.batchPoints.slice(-MAX_BATCH_POINTS) : [...this.batchPoints];
    return { history: [...this.epochs], batches, progress: { ...this.progress }, diagnosis: this.diagnosis };
  }
}

/** Share of the whole training done: folds × epochs, counting the current epoch's batches. */
export function trainingFraction(progress: TrainingProgress, epochs: number, folds: number): number {
  if (!epochs || !progress.epoch) return 0;
  const done = progress.foldIndex * epochs + (progress.epoch - 1) + progress.epochFraction;
  return Math.min(1, done / (epochs * Math.max(1, folds)));
}
