import { diagnosisText, formatMessage } from '../../../shared/i18n/diagnosisText';
import { maxOf } from '../../../shared/arrays';

/** One epoch of the learning curves. Validation values are absent when there is no validation split. */
export interface EpochPoint {
  epoch: number;
  trainLoss: number;
  valLoss?: number;
}

export type DiagnosisCode =
  'exploding' | 'diverged-at-start' | 'overfitting' | 'no-learning' | 'not-converged' | 'slow-start' | 'rising-loss';

/**
 * A plain-language hint about the curves. `params` is the evidence the hint cites (epochs, values) and
 * fills the translated text `diagnosis.<code>` in the UI and the report.
 */
export interface Diagnosis {
  code: DiagnosisCode;
  severity: 'error' | 'warning' | 'info';
  params: Record<string, number>;
  /** English sentence for the CLI and logs (the UI and reports use `diagnosisText` in their language). */
  message: string;
}

type Finding = Omit<Diagnosis, 'message'>;

function withMessage(finding: Finding): Diagnosis {
  return { ...finding, message: formatMessage(diagnosisText.en[finding.code], finding.params) };
}

/** Thresholds, named so that the hints can be explained and tuned in one place. */
export const DIAGNOSIS_THRESHOLDS = {
  /** A loss this many times the first epoch's counts as exploding. */
  explodingFactor: 100,
  /** Validation loss must climb this fraction above its minimum to call it overfitting. */
  overfitRise: 0.1,
  /** ...and keep climbing for at least this many epochs after the minimum. */
  overfitEpochs: 3,
  /** Total relative change below which training loss is "flat". */
  flatChange: 0.01,
  /** Average relative drop per epoch over the last epochs that means "still learning". */
  stillFallingPerEpoch: 0.01,
  /** ...while the validation loss falls at least this much per epoch (half: it is noisier), or more epochs won't help. */
  validationStillFallingPerEpoch: 0.005,
  /** Fraction of epochs rising (and a 10% net rise) that means updates go the wrong way. */
  risingFraction: 0.7,
} as const;

const round = (value: number, digits = 4) => Number(value.toPrecision(digits));

function explodingCheck(points: EpochPoint[]): Finding | null {
  const first = points[0].trainLoss;
  if (!Number.isFinite(first)) return { code: 'diverged-at-start', severity: 'error', params: { epoch: points[0].epoch } };
  for (const point of points) {
    const values = [point.trainLoss, point.valLoss].filter((v): v is number => v !== undefined);
    const bad = values.find(
      (v) => !Number.isFinite(v) || (Number.isFinite(first) && first > 0 && v > first * DIAGNOSIS_THRESHOLDS.explodingFactor),
    );
    if (bad !== undefined) {
      return {
        code: 'exploding',
        severity: 'error',
        params: { epoch: point.epoch, firstLoss: round(first) },
      };
    }
  }
  return null;
}

function overfittingCheck(points: EpochPoint[]): Finding | null {
  const withVal = points.filter((p) => p.valLoss !== undefined);
  if (withVal.length < DIAGNOSIS_THRESHOLDS.overfitEpochs + 2) return null;
  let best = 0;
  withVal.forEach((p, i) => {
    if (p.valLoss! < withVal[best].valLoss!) best = i;
  });
  const after = withVal.length - 1 - best;
  const last = withVal[withVal.length - 1];
  const minimum = withVal[best];
  const rose = last.valLoss! > minimum.valLoss! * (1 + DIAGNOSIS_THRESHOLDS.overfitRise);
  const trainStillFalling = last.trainLoss < minimum.trainLoss;
  if (after < DIAGNOSIS_THRESHOLDS.overfitEpochs || !rose || !trainStillFalling) return null;
  return {
    code: 'overfitting',
    severity: 'warning',
    params: {
      epoch: minimum.epoch + 1,
      bestEpoch: minimum.epoch,
      bestValLoss: round(minimum.valLoss!),
      lastValLoss: round(last.valLoss!),
      bestTrainLoss: round(minimum.trainLoss),
      lastTrainLoss: round(last.trainLoss),
    },
  };
}

function relativeChange(from: number, to: number): number {
  return from === 0 ? 0 : (to - from) / Math.abs(from);
}

function flatCheck(points: EpochPoint[]): Finding | null {
  if (points.length < 5) return null;
  const first = points[0].trainLoss;
  const last = points[points.length - 1].trainLoss;
  const maxDeviation = maxOf(points.map((p) => Math.abs(relativeChange(first, p.trainLoss))));
  if (maxDeviation >= DIAGNOSIS_THRESHOLDS.flatChange) return null;
  return {
    code: 'no-learning',
    severity: 'warning',
    params: { epochs: points.length, firstLoss: round(first), lastLoss: round(last) },
  };
}

function risingCheck(points: EpochPoint[]): Finding | null {
  if (points.length < 4) return null;
  let rises = 0;
  for (let i = 1; i < points.length; i++) if (points[i].trainLoss > points[i - 1].trainLoss) rises++;
  const first = points[0].trainLoss;
  const last = points[points.length - 1].trainLoss;
  if (rises / (points.length - 1) < DIAGNOSIS_THRESHOLDS.risingFraction || relativeChange(first, last) < 0.1) return null;
  return {
    code: 'rising-loss',
    severity: 'error',
    params: { rises, epochs: points.length, firstLoss: round(first), lastLoss: round(last) },
  };
}

function slowStartCheck(points: EpochPoint[]): Finding | null {
  if (points.length < 6) return null;
  const first = points[0].trainLoss;
  const last = points[points.length - 1].trainLoss;
  if (relativeChange(first, last) > -0.3) return null;
  let plateauEnd = 0;
  while (plateauEnd + 1 < points.length && Math.abs(relativeChange(first, points[plateauEnd + 1].trainLoss)) < 0.02) plateauEnd++;
  if (plateauEnd < Math.max(2, Math.floor(points.length * 0.2))) return null;
  return {
    code: 'slow-start',
    severity: 'info',
    params: { plateauEpochs: plateauEnd + 1, untilEpoch: points[plateauEnd].epoch, firstLoss: round(first), lastLoss: round(last) },
  };
}

/**
 * "Train longer" is advice only while the validation loss still falls too: when it has stopped, more epochs fit the
 * training set alone and widen the gap (the high-variance readout says so); without a validation curve the training
 * loss is all there is to read.
 */
function validationStoppedFalling(window: EpochPoint[]): boolean {
  const first = window[0].valLoss;
  const last = window[window.length - 1].valLoss;
  if (first === undefined || last === undefined) return false;
  return -relativeChange(first, last) / (window.length - 1) < DIAGNOSIS_THRESHOLDS.validationStillFallingPerEpoch;
}

function notConvergedCheck(points: EpochPoint[]): Finding | null {
  if (points.length < 3) return null;
  const window = points.slice(-3);
  const perEpoch = -relativeChange(window[0].trainLoss, window[window.length - 1].trainLoss) / (window.length - 1);
  if (perEpoch < DIAGNOSIS_THRESHOLDS.stillFallingPerEpoch) return null;
  if (validationStoppedFalling(window)) return null;
  return {
    code: 'not-converged',
    severity: 'info',
    params: {
      lastEpochs: window.length,
      dropPercentPerEpoch: round(perEpoch * 100, 3),
      lastLoss: round(window[window.length - 1].trainLoss),
    },
  };
}

/** Reads the learning curves the way a teacher would and returns every hint that applies, most serious first. */
export function diagnoseCurves(points: EpochPoint[]): Diagnosis[] {
  if (points.length === 0) return [];
  const exploding = explodingCheck(points);
  if (exploding) return [withMessage(exploding)];
  const hints = [risingCheck(points), flatCheck(points), overfittingCheck(points), slowStartCheck(points)];
  const found = hints.filter((h): h is Finding => h !== null);
  if (!found.some((h) => h.code === 'overfitting' || h.code === 'rising-loss')) {
    const notConverged = notConvergedCheck(points);
    if (notConverged) found.push(notConverged);
  }
  const order = { error: 0, warning: 1, info: 2 };
  return found.sort((a, b) => order[a.severity] - order[b.severity]).map(withMessage);
}
