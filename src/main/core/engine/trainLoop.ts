import { createSeededRandom, shuffledOrder } from '../../../shared/didactic/seededRandom';
import { SinapsisError, type ContractError } from '../../../shared/contract/errors';
import type { ModelSpec } from '../../../shared/models/modelSpec';
import { effectiveBatchSize, type EngineName, type TrainingSettings } from '../../../shared/models/trainingSettings';
import { deadUnitProbe } from './deadUnits';
import type { BatchProgress, EpochRecord, FoldResult, FoldStatus } from '../../../shared/contract/training';
import type { LayerGradientNorm, TrainingEngine, WeightsSnapshot } from './engineTypes';
import type { DataSplit, TrainingData } from './trainingData';
import type { EpochInspection } from './epochInspection';

/**
 * The training loop shared by both engines: epochs, the seeded presentation order, batches, validation, early
 * stopping, best weights, NaN detection, pause/stop and the progress events. It runs inside the trainer worker
 * (and directly in tests); everything it reports is plain data.
 */

/** At most this many batch events per second: enough for a live curve, few enough to keep the UI smooth. */
export const BATCH_EVENTS_PER_SECOND = 10;

export type { BatchProgress, EpochRecord, FoldResult, FoldStatus } from '../../../shared/contract/training';

/** The 1-based epoch with the lowest validation loss, or training loss when there is no validation (first of ties). */
export function lowestLossEpoch(history: readonly Pick<EpochRecord, 'epoch' | 'trainLoss' | 'valLoss'>[]): number {
  let best = 0;
  let lowest = Infinity;
  for (const record of history) {
    const loss = record.valLoss ?? record.trainLoss;
    if (Number.isFinite(loss) && loss < lowest) {
      lowest = loss;
      best = record.epoch;
    }
  }
  return best;
}

export interface LoopEvents {
  batch(progress: BatchProgress): void;
  epoch(record: EpochRecord): void;
  /** Weight histograms (and the plane's outputs) after some epochs, when the job asks for inspection. */
  inspection?(inspection: EpochInspection): void;
}

/** How the loop learns about pause and stop. `check` may block while paused; it returns the paused time. */
export interface LoopControl {
  check(): { stop: boolean; pausedMs: number };
}

export const NEVER_STOP: LoopControl = { check: () => ({ stop: false, pausedMs: 0 }) };

export interface LoopInput {
  spec: ModelSpec;
  settings: TrainingSettings;
  data: TrainingData;
  folds: DataSplit[];
  createEngine: (fold: number) => TrainingEngine;
  events: LoopEvents;
  control?: LoopControl;
  now?: () => number;
  /** Called after recorded epochs with the engine (weights as they are then), and once at a fold's end with `finalEpoch`. */
  inspectEpoch?: (engine: TrainingEngine, fold: number, epoch: number, finalEpoch: boolean) => void;
}

export interface LoopResult {
  engine: EngineName;
  folds: FoldResult[];
  /** The user stopped the run. */
  stopped: boolean;
  /** Why the run ended early, e.g. the loss became NaN. */
  problem: ContractError | null;
  elapsedMs: number;
  /** The last fold's engine, with its final weights, for saving; the caller disposes it. */
  finalEngine: TrainingEngine | null;
}

function divergedProblem(fold: number, epoch: number, settings: TrainingSettings): ContractError {
  return new SinapsisError(
    'training-diverged',
    `The loss became NaN or infinite at epoch ${epoch}${fold > 0 ? ` of fold ${fold + 1}` : ''}: the gradients exploded. Try a lower learning rate (now ${settings.learningRate}), scale the inputs (standardize or min-max), or smaller initial weights (initializer scale ×0.1). The weights of the last good epoch were kept.`,
    { epoch, fold: fold + 1, learningRate: settings.learningRate },
  ).toContract();
}

export function runTrainingLoop(input: LoopInput): LoopResult {
  const { settings, folds, events } = input;
  const control = input.control ?? NEVER_STOP;
  const now = input.now ?? (() => performance.now());
  if (settings.earlyStopping && folds.some((f) => f.validation.length === 0)) {
    throw new SinapsisError(
      'early-stopping-needs-validation',
      'Early stopping watches the validation loss, but there is no validation part. Make a split with a validation fraction, or turn early stopping off.',
    );
  }
  const started = now();
  let pausedMs = 0;
  const elapsed = (): number => now() - started - pausedMs;
  // Epochs still planned: shrinks when a fold ends early (early stopping), so the ETA stays honest.
  let plannedEpochs = settings.epochs * folds.length;
  let epochsDone = 0;
  const eta = (): number | null => (epochsDone === 0 ? null : (elapsed() / epochsDone) * Math.max(0, plannedEpochs - epochsDone));
  const results: FoldResult[] = [];
  let stopped = false;
  let problem: ContractError | null = null;
  let finalEngine: TrainingEngine | null = null;
  let lastBatchEvent = -Infinity;
  const minBatchInterval = 1000 / BATCH_EVENTS_PER_SECOND;

  for (let fold = 0; fold < folds.length && !stopped && !problem; fold++) {
    const split = folds[fold];
    finalEngine?.dispose();
    const engine = input.createEngine(fold);
    finalEngine = engine;
    const random = createSeededRandom((settings.seed + 1013904223 * fold) >>> 0);
    const batchSize = effectiveBatchSize(settings, split.train.length);
    const batches = Math.ceil(split.train.length / batchSize);
    const history: EpochRecord[] = [];
    const probe = deadUnitProbe(split.train);
    let best: { loss: number; epoch: number; weights: WeightsSnapshot } | null = null;
    let sinceBest = 0;
    let status: FoldStatus = 'completed';

    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const order = settings.shuffle ? shuffledOrder(split.train, random) : Int32Array.from(split.train);
      let lastNorms: LayerGradientNorm[] = [];
      let diverged = false;
      for (let b = 0; b < batches; b++) {
        const gate = control.check();
        pausedMs += gate.pausedMs;
        if (gate.stop) {
          stopped = true;
          break;
        }
        // A view of the epoch's order, not a copy: engines read a batch's indices and do not keep them.
        const batch = order.subarray(b * batchSize, (b + 1) * batchSize);
        const isLast = b === batches - 1;
        const report = now() - lastBatchEvent >= minBatchInterval;
        const details = engine.trainBatch(batch, report || isLast);
        if (!details) continue;
        lastNorms = details.gradientNorms;
        if (!Number.isFinite(details.loss)) {
          diverged = true;
          break;
        }
        if (report) {
          lastBatchEvent = now();
          events.batch({
            fold,
            epoch,
            batch: b + 1,
            batches,
            loss: details.loss,
            accuracy: details.accuracy,
            learningRate: settings.learningRate,
            gradientNorms: details.gradientNorms,
            elapsedMs: elapsed(),
            etaMs: eta(),
          });
        }
      }
      if (stopped) {
        status = 'stopped';
        engine.takeEpochTotals();
        break;
      }
      const train = engine.takeEpochTotals();
      if (diverged || !Number.isFinite(train.loss)) {
        status = 'diverged';
        problem = divergedProblem(fold, epoch, settings);
        break;
      }
      const validation = split.validation.length ? engine.evaluate(split.validation) : null;
      if (validation && !Number.isFinite(validation.loss)) {
        status = 'diverged';
        problem = divergedProblem(fold, epoch, settings);
        break;
      }
      epochsDone++;
      const record: EpochRecord = {
        fold,
        epoch,
        trainLoss: train.loss,
        trainAccuracy: train.accuracy,
        valLoss: validation ? validation.loss : null,
        valAccuracy: validation ? validation.accuracy : null,
        learningRate: settings.learningRate,
        gradientNorms: lastNorms,
        deadUnits: engine.deadUnits(probe),
        elapsedMs: elapsed(),
        etaMs: eta(),
      };
      history.push(record);
      events.epoch(record);
      if (epoch < settings.epochs) input.inspectEpoch?.(engine, fold, epoch, false);
      // The best epoch is judged on the validation loss when there is one, else on the training loss.
      const monitored = validation ? validation.loss : train.loss;
      const minDelta = settings.earlyStopping?.minDelta ?? 0;
      if (!best || monitored < best.loss - minDelta) {
        best = { loss: monitored, epoch, weights: engine.snapshot() };
        sinceBest = 0;
      } else if (settings.earlyStopping && ++sinceBest >= settings.earlyStopping.patience) {
        status = 'earlyStopped';
        break;
      }
    }

    // Stop and divergence keep the best weights; early stopping does when asked to (Keras' restore_best_weights).
    const restore = status === 'stopped' || status === 'diverged' || (settings.earlyStopping?.restoreBestWeights ?? false);
    let finalEpoch = history.length;
    if (restore && best) {
      engine.restore(best.weights);
      finalEpoch = best.epoch;
    }
    // The weights the fold ends with (the best epoch's when they were restored).
    if (history.length > 0 && status !== 'diverged') input.inspectEpoch?.(engine, fold, finalEpoch, true);
    results.push({
      fold,
      history,
      bestEpoch: lowestLossEpoch(history),
      status,
      train: engine.evaluate(split.train),
      validation: split.validation.length ? engine.evaluate(split.validation) : null,
    });
    plannedEpochs -= settings.epochs - history.length;
  }
  return { engine: finalEngine?.name ?? 'tfjs', folds: results, stopped, problem, elapsedMs: elapsed(), finalEngine };
}
