import { minOf } from '../../../shared/arrays';
import type { BiasVariance, HeldOutPart } from '../../../shared/contract/diagnosisSchemas';
import { diagnosisText, formatMessage } from '../../../shared/i18n/diagnosisText';
import { lossPairingProblems, type LossPairingCode } from '../../../shared/models/lossPairing';
import type { LossName } from '../../../shared/models/trainingSettings';
import { mostDeadLayer } from '../engine/deadUnits';
import type { LayerDeadUnits } from '../engine/engineTypes';
import { diagnoseCurves, type Diagnosis as CurveHint, type DiagnosisCode as CurveCode } from './curveDiagnosis';

/**
 * Diagnosis v2: one reading of a training that Entrenamiento (live), Evaluación, the report, the CLI and metrics.json
 * all show. Beyond the loss curve's shape (curveDiagnosis.ts: exploding, overfitting, flat, not converged, slow start,
 * rising), it reads what a teacher looks at next:
 * - the accuracy against chance (1/K for K classes) and, for cross-entropy, the loss of predicting the class prior
 *   (ln K): accuracy at chance with a loss far above ln K is a learning rate too high; at chance with a loss at ln K
 *   the network predicts the prior (stuck), and with most hidden ReLU units never active on a training batch it is
 *   dead ReLUs;
 * - a plateau after a first-epoch drop (the old flat check compared every epoch with the first, so it never fired);
 * - the per-layer gradient norms the trainer measures: the first layer's far below the last's is vanishing gradients;
 * - the train/validation (or test) accuracy: high bias (train accuracy low) and high variance (a gap), the readout
 *   Evaluación computed by itself before;
 * - inputs spanning orders of magnitude with scaling off, and a loss that does not suit the output (lossPairing.ts).
 * Every hint cites its numbers and says what to try; a hint that would contradict a more specific one is left out
 * (no "raise η" next to "lower η", no "no problems" next to "high bias").
 */

export type HintCode =
  | CurveCode
  | LossPairingCode
  | 'lr-too-high'
  | 'loss-above-prior'
  | 'stuck-at-chance'
  | 'dead-units'
  | 'plateau-after-drop'
  | 'vanishing-gradients'
  | 'high-bias'
  | 'high-variance'
  | 'inputs-not-scaled';

/** One hint: `params` is the evidence it cites and fills `diagnosisText.<language>.<code>`; `message` the English. */
export interface Diagnosis extends Omit<CurveHint, 'code'> {
  code: HintCode;
}

/** One epoch as the diagnosis reads it (history.csv rows and live epoch events both fit). */
export interface DiagnosisEpoch {
  epoch: number;
  trainLoss: number;
  valLoss?: number | null;
  trainAccuracy?: number | null;
  valAccuracy?: number | null;
  /** ‖∂J/∂w‖ of each weighted layer (spec layer index), last batch of the epoch. */
  gradientNorms?: readonly { layer: number; norm: number }[];
  /** Per hidden ReLU layer, its units that never fired on the training probe batch after the epoch (deadUnits.ts). */
  deadUnits?: readonly LayerDeadUnits[];
}

export interface DiagnosisInput {
  history: readonly DiagnosisEpoch[];
  /** K for a classifier; null for regression. */
  classes: number | null;
  loss: LossName;
  outputActivation: string;
  learningRate: number;
  scaling: string;
  /** Final accuracies (metrics.json); live, without them, the last epoch's are used. */
  accuracy?: RunAccuracy;
  /** Largest over smallest per-feature standard deviation on the training part, before scaling (null: unknown). */
  featureSpread?: { ratio: number; largest: number; smallest: number } | null;
  /** The loss became NaN or infinite. */
  diverged?: boolean;
}

/** Thresholds in one place, so each hint can be explained (and tuned) where it is defined. */
export const DIAGNOSIS_V2_THRESHOLDS = {
  /** Training error above this is high bias (was EvaluationView's HIGH_BIAS_ERROR). */
  highBiasError: 0.1,
  /** A train-minus-held-out accuracy gap above this is high variance (was HIGH_VARIANCE_GAP). */
  highVarianceGap: 0.05,
  /** "At chance": accuracy below chance + this share of the way to 100 % (+3 points of noise). */
  chanceMargin: 0.1,
  /** A cross-entropy loss this many times ln K, at chance, is far above "predicting the prior": η too high. */
  abovePriorFactor: 2,
  /** Within this fraction of ln K the network outputs the class prior. */
  priorTolerance: 0.15,
  /** Half the hidden ReLU units or more never active: dead ReLUs. */
  deadFraction: 0.5,
  /** First layer's gradient norm below this fraction of the last layer's: vanishing gradients. */
  vanishingRatio: 0.01,
  /** Plateau: the last epochs' training losses within this fraction of their mean… */
  plateauChange: 0.01,
  /** …after a first epoch this fraction above that mean (the drop). */
  plateauDrop: 0.05,
  /** Features whose spreads differ by this factor or more need scaling. */
  spreadRatio: 100,
} as const;

/** Differences of accuracies below this are floating-point noise, not a real excess over a threshold. */
const ROUNDING = 1e-9;
const round = (value: number, digits = 4) => Number(value.toPrecision(digits));
const pct = (value: number) => round(value * 100, 3);

function finding(code: HintCode, severity: Diagnosis['severity'], params: Record<string, number>): Diagnosis {
  return { code, severity, params, message: formatMessage(diagnosisText.en[code], params) };
}

function lastDefined<T>(values: readonly (T | null | undefined)[]): T | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null && values[i] !== undefined) return values[i] as T;
  return null;
}

/** The longest run of last values within `tolerance` (relative) of their mean, and that mean. */
function flatTail(values: readonly number[], tolerance: number): { length: number; mean: number } {
  let best = { length: 0, mean: Number.NaN };
  for (let start = values.length - 1; start >= 0; start--) {
    const tail = values.slice(start);
    const mean = tail.reduce((a, b) => a + b, 0) / tail.length;
    if (!Number.isFinite(mean) || tail.some((v) => Math.abs(v - mean) > tolerance * Math.abs(mean || 1))) break;
    best = { length: tail.length, mean };
  }
  return best;
}

/** Reads a training the way a teacher would; the hints that apply, most serious first. */
export function diagnoseTraining(input: DiagnosisInput): Diagnosis[] {
  const T = DIAGNOSIS_V2_THRESHOLDS;
  const history = input.history;
  const hints: Diagnosis[] = [];

  for (const problem of lossPairingProblems({ loss: input.loss, outputActivation: input.outputActivation, classes: input.classes })) {
    hints.push(finding(problem.code, problem.severity, problem.params));
  }
  // A loss that cannot work with this output explains the curves by itself: the huge MAPE loss is not "η too high"
  // and the low accuracy it leaves is not "a bigger network" (the readout still shows the numbers).
  const wrongLoss = hints.some((hint) => hint.severity === 'error');
  if (input.scaling === 'none' && input.featureSpread && input.featureSpread.ratio >= T.spreadRatio) {
    const { ratio, largest, smallest } = input.featureSpread;
    hints.push(
      finding('inputs-not-scaled', 'warning', { ratio: round(ratio, 3), largest: round(largest, 3), smallest: round(smallest, 3) }),
    );
  }
  // A network that diverged in its first epoch has no recorded epoch, and that is exactly what must be said.
  if (history.length === 0 && !input.diverged) return hints;

  const points = history.map((h) => ({ epoch: h.epoch, trainLoss: h.trainLoss, valLoss: h.valLoss ?? undefined }));
  if (input.diverged) points.push({ epoch: points.length + 1, trainLoss: Number.NaN, valLoss: undefined });
  const curves = diagnoseCurves(points);
  const exploding = curves.some((c) => c.code === 'exploding' || c.code === 'diverged-at-start');
  const order = { error: 0, warning: 1, info: 2 };
  // Diverged before any epoch was recorded: the divergence is all there is to read.
  if (history.length === 0) return [...hints, ...curves].sort((a, b) => order[a.severity] - order[b.severity]);

  const K = input.classes !== null && input.classes >= 2 ? input.classes : null;
  const trainAccuracy = input.accuracy?.train ?? lastDefined(history.map((h) => h.trainAccuracy));
  // Live (no final accuracies yet): the last epoch's validation accuracy is the held-out one.
  const heldVal = input.accuracy ? input.accuracy.val : lastDefined(history.map((h) => h.valAccuracy));
  const lastLoss = history[history.length - 1].trainLoss;
  const crossEntropy = input.loss === 'categoricalCrossEntropy' || input.loss === 'binaryCrossEntropy';
  const prior = K !== null && crossEntropy ? Math.log(K) : null;

  let learningRateHigh = exploding;
  let stuck = false;
  let deadUnits = false;
  if (!exploding && !wrongLoss && K !== null && trainAccuracy !== null && history.length >= 3 && Number.isFinite(lastLoss)) {
    const chance = 1 / K;
    const atChance = trainAccuracy < chance + T.chanceMargin * (1 - chance) + 0.03;
    const rising = curves.some((c) => c.code === 'rising-loss');
    if (
      atChance &&
      (rising || (prior !== null && lastLoss > T.abovePriorFactor * prior) || (prior === null && !crossEntropy && lastLoss > 1))
    ) {
      learningRateHigh = true;
      hints.push(
        finding('lr-too-high', 'error', {
          accuracyPercent: pct(trainAccuracy),
          chancePercent: pct(chance),
          loss: round(lastLoss),
          ...(prior !== null ? { priorLoss: round(prior) } : {}),
          learningRate: input.learningRate,
          suggested: round(input.learningRate / 10),
        }),
      );
    } else if (atChance && prior !== null && Math.abs(lastLoss - prior) <= T.priorTolerance * prior) {
      stuck = true;
      // The layer with most dead units: once one hidden layer is dead, nothing after it depends on the input.
      const worst = mostDeadLayer(history[history.length - 1].deadUnits ?? []);
      if (worst && worst.dead / worst.units >= T.deadFraction) {
        deadUnits = true;
        hints.push(
          finding('dead-units', 'error', {
            layer: worst.layer + 1,
            deadPercent: pct(worst.dead / worst.units),
            dead: worst.dead,
            units: worst.units,
            accuracyPercent: pct(trainAccuracy),
            chancePercent: pct(chance),
            loss: round(lastLoss),
            priorLoss: round(prior),
            learningRate: input.learningRate,
          }),
        );
      } else {
        hints.push(
          finding('stuck-at-chance', 'error', {
            accuracyPercent: pct(trainAccuracy),
            chancePercent: pct(chance),
            loss: round(lastLoss),
            priorLoss: round(prior),
          }),
        );
      }
    } else if (!atChance && prior !== null && minOf(history.slice(-3).map((h) => h.trainLoss)) > T.abovePriorFactor * prior) {
      // Above chance, but the cross-entropy stays far above ln K (that of predicting each class's share): a network
      // that learns at a sane η starts near ln K and goes down; one that stays far above it is thrown around by η.
      learningRateHigh = true;
      hints.push(
        finding('loss-above-prior', 'error', {
          loss: round(lastLoss),
          priorLoss: round(prior),
          accuracyPercent: pct(trainAccuracy),
          learningRate: input.learningRate,
          suggested: round(input.learningRate / 10),
        }),
      );
    }
  }
  // A plateau after a drop, while the model is still poor (a converged model is flat too): the longest run of last
  // epochs within `plateauChange` of their mean, at least 4 epochs and half of those after the first, below a loss
  // that was clearly higher before it (the old flat check compared every epoch with the first, so it never fired).
  let plateau = false;
  if (!exploding && !wrongLoss && !learningRateHigh && !stuck && history.length >= 5 && !curves.some((c) => c.code === 'no-learning')) {
    const flat = flatTail(
      history.map((h) => h.trainLoss),
      T.plateauChange,
    );
    const poor = trainAccuracy !== null ? trainAccuracy < 1 - T.highBiasError : false;
    const start = history.length - flat.length;
    const dropped = start >= 1 && history[0].trainLoss > flat.mean * (1 + T.plateauDrop);
    if (poor && dropped && flat.length >= Math.max(4, (history.length - 1) / 2)) {
      plateau = true;
      hints.push(
        finding('plateau-after-drop', 'warning', {
          firstLoss: round(history[0].trainLoss),
          plateauLoss: round(flat.mean),
          fromEpoch: history[start].epoch,
          epochs: flat.length,
          accuracyPercent: pct(trainAccuracy!),
        }),
      );
    }
  }

  // Vanishing gradients: the first weighted layer learns far slower than the last.
  const norms = history[history.length - 1].gradientNorms ?? [];
  // Dead ReLUs pass no gradient either (also when η killed them), and "use ReLU instead of sigmoid" would be the
  // wrong advice for them.
  const worstDead = mostDeadLayer(history[history.length - 1].deadUnits ?? []);
  const someLayerDead = deadUnits || (worstDead !== null && worstDead.dead / worstDead.units >= T.deadFraction);
  if (!exploding && !someLayerDead && norms.length >= 3) {
    const sorted = [...norms].sort((a, b) => a.layer - b.layer);
    const first = sorted[0].norm;
    const last = sorted[sorted.length - 1].norm;
    if (last > 0 && Number.isFinite(first) && first / last < T.vanishingRatio) {
      hints.push(
        finding('vanishing-gradients', 'warning', {
          firstLayer: sorted[0].layer + 1,
          firstNorm: round(first, 3),
          lastLayer: sorted[sorted.length - 1].layer + 1,
          lastNorm: round(last, 3),
          ratio: round(first / last, 3),
        }),
      );
    }
  }

  const readout =
    K !== null
      ? biasVariance({
          train: trainAccuracy,
          val: heldVal,
          test: input.accuracy?.test ?? null,
          crossValidation: input.accuracy?.crossValidation ?? null,
        })
      : null;
  for (const curve of curves) {
    // "Not converged: raise η" contradicts "lower η" and "stuck"; it adds nothing to a plateau or a wrong loss.
    if (curve.code === 'not-converged' && (learningRateHigh || stuck || plateau || wrongLoss)) continue;
    // "Flat loss": stuck at chance / dead units say why, with the numbers.
    if (curve.code === 'no-learning' && stuck) continue;
    // "The loss rose": the lr-too-high hint already says it with the numbers and the step to take.
    if (curve.code === 'rising-loss' && learningRateHigh && !exploding) continue;
    // A validation loss that rises while η throws the weights around is not overfitting: dropout or L2 would not help.
    if (curve.code === 'overfitting' && learningRateHigh && !exploding) continue;
    // Nor is it when the model does not fit its training data and does no worse on unseen data (a noisy validation
    // loss of a small set): "dropout, L2" would contradict "a larger network".
    if (curve.code === 'overfitting' && readout?.highBias && !readout.highVariance) continue;
    hints.push(curve);
  }

  // At chance, "high bias" adds nothing to the more specific hint that says why.
  if (readout && !wrongLoss && !learningRateHigh && !stuck) {
    const trainPercent = pct(1 - readout.trainError);
    if (readout.highBias)
      hints.push(
        finding('high-bias', 'warning', {
          trainAccuracyPercent: trainPercent,
          trainErrorPercent: pct(readout.trainError),
          thresholdPercent: pct(T.highBiasError),
        }),
      );
    if (readout.highVariance && readout.gap !== null && readout.heldOutError !== null) {
      hints.push(
        finding('high-variance', 'warning', {
          trainAccuracyPercent: trainPercent,
          heldAccuracyPercent: pct(1 - readout.heldOutError),
          gapPoints: round(readout.gap * 100, 3),
          thresholdPoints: pct(T.highVarianceGap),
        }),
      );
    }
  }

  return hints.sort((a, b) => order[a.severity] - order[b.severity]);
}

/** Final accuracies of a run: per part, and k-fold's mean over its test folds. */
export interface RunAccuracy {
  train: number | null;
  val: number | null;
  test: number | null;
  crossValidation?: number | null;
}

/**
 * The bias/variance readout: training error against the held-out error (test when there is one, else the k-fold
 * mean over the test folds, else validation), judged with the thresholds above. Evaluación's panel, the report,
 * the CLI and the `high-bias` / `high-variance` hints all read this one result, so they cannot disagree.
 * Null without a training accuracy (regression, or a run that never finished an epoch).
 */
export function biasVariance(accuracy: RunAccuracy): BiasVariance | null {
  const T = DIAGNOSIS_V2_THRESHOLDS;
  if (accuracy.train === null || !Number.isFinite(accuracy.train)) return null;
  const held: [HeldOutPart, number] | null =
    accuracy.test !== null
      ? ['test', accuracy.test]
      : (accuracy.crossValidation ?? null) !== null
        ? ['cross-validation', accuracy.crossValidation!]
        : accuracy.val !== null
          ? ['val', accuracy.val]
          : null;
  const trainError = 1 - accuracy.train;
  const heldOutError = held ? 1 - held[1] : null;
  const gap = heldOutError === null ? null : heldOutError - trainError;
  return {
    trainError,
    heldOut: held ? held[0] : null,
    heldOutError,
    gap,
    // Above the threshold by more than rounding: 1 - 0.9 is 0.09999999999999998 and a 5-point gap 0.05000000000000004.
    highBias: trainError > T.highBiasError + ROUNDING,
    highVariance: gap !== null && gap > T.highVarianceGap + ROUNDING,
    thresholds: { highBiasError: T.highBiasError, highVarianceGap: T.highVarianceGap },
  };
}

/**
 * How far apart the features' scales are: the largest over the smallest population std of the columns of `values`
 * (row-major, `width` per row) over `rows`, constant columns left out. Null when fewer than two columns vary.
 */
export function featureSpread(values: Float32Array, width: number, rows: readonly number[]): DiagnosisInput['featureSpread'] {
  if (rows.length < 2 || width < 2) return null;
  let largest = 0;
  let smallest = Infinity;
  for (let c = 0; c < width; c++) {
    let sum = 0;
    let squares = 0;
    for (const r of rows) {
      const v = values[r * width + c];
      sum += v;
      squares += v * v;
    }
    const mean = sum / rows.length;
    const std = Math.sqrt(Math.max(0, squares / rows.length - mean * mean));
    if (std <= 1e-9 * Math.max(1, Math.abs(mean))) continue;
    largest = Math.max(largest, std);
    smallest = Math.min(smallest, std);
  }
  return smallest === Infinity || largest === smallest
    ? smallest === Infinity
      ? null
      : { ratio: 1, largest, smallest }
    : { ratio: largest / smallest, largest, smallest };
}
