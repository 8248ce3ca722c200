import { predictedClass } from '../engine/batchedDense';
import type { EpochRecord } from '../engine/trainLoop';
import type { TrainingOutcome } from '../engine/trainingJob';
import { classificationReport, meanAndStd } from '../evaluation/classificationMetrics';
import { biasVariance, diagnoseTraining, type DiagnosisInput } from '../evaluation/diagnosis';
import { RUN_FORMAT_VERSION, type HistoryRow, type RunMetrics } from '../../../shared/contract/runs';
import type { ExperimentPlan } from './experimentPlan';
import type { ExperimentSamples } from './experimentSamples';
import { spreadMistakes } from './misclassifiedSample';

/** One evaluated sample, as `runs.predictions` returns it (predictions.json). */
export interface SamplePrediction {
  index: number;
  file: string | null;
  trueClass: number;
  predictedClass: number;
  /** The output layer's values: class probabilities for softmax; [p(class 1)] widened to [1 - p, p] for one sigmoid. */
  probabilities: number[];
}

export interface FoldRun {
  outcome: TrainingOutcome;
}

function round(value: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Class probabilities of one sample from the output block (one sigmoid output means p(class 1)). */
function probabilitiesOf(outputs: Float32Array, sample: number, width: number): number[] {
  // NaN (a diverged network) would be written as null and break the file's schema.
  const finite = (v: number): number => (Number.isFinite(v) ? round(v) : 0);
  if (width === 1) {
    const p = Math.min(1, Math.max(0, outputs[sample]));
    return [finite(1 - p), finite(p)];
  }
  return Array.from(outputs.subarray(sample * width, (sample + 1) * width), finite);
}

/**
 * The evaluated samples' predictions: the test part's (hold-out), or every sample's from the fold that held it
 * out (k-fold: the out-of-fold predictions, as scikit-learn's cross_val_predict).
 */
export function collectPredictions(
  samples: ExperimentSamples,
  plan: ExperimentPlan,
  runs: FoldRun[],
  outputWidth: number,
): SamplePrediction[] {
  if (!samples.labels) return [];
  const labels = samples.labels;
  const predictions: SamplePrediction[] = [];
  plan.folds.forEach((fold, f) => {
    const outputs = runs[f]?.outcome.outputs;
    if (!outputs) return;
    for (const index of fold.evaluation) {
      predictions.push({
        index,
        file: samples.files[index],
        trueClass: labels[index],
        predictedClass: predictedClass(outputs, index * outputWidth, outputWidth),
        probabilities: probabilitiesOf(outputs, index, outputWidth),
      });
    }
  });
  return predictions.sort((a, b) => a.index - b.index);
}

/** history.csv rows of every fold's epochs (fold left empty for a hold-out run). */
export function historyRows(kind: ExperimentPlan['kind'], histories: readonly (readonly EpochRecord[])[]): HistoryRow[] {
  return histories.flatMap((history, f) =>
    history.map((record) => ({
      fold: kind === 'kfold' ? f + 1 : null,
      epoch: record.epoch,
      trainLoss: record.trainLoss,
      trainAccuracy: record.trainAccuracy,
      valLoss: record.valLoss,
      valAccuracy: record.valAccuracy,
      learningRate: record.learningRate,
      seconds: round(record.elapsedMs / 1000, 3),
    })),
  );
}

function mean(values: (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

export interface MetricsInput {
  samples: ExperimentSamples;
  plan: ExperimentPlan;
  runs: FoldRun[];
  predictions: SamplePrediction[];
  status: RunMetrics['status'];
  backend: RunMetrics['backend'];
  engine: RunMetrics['engine'];
  seed: number;
  datasetFingerprint: string;
  seconds: number;
  misclassifiedSample: number;
  /** The loss became NaN or infinite: the curves end before it, so the diagnosis is told. */
  diverged: boolean;
  /** What the diagnosis reads besides the curves: loss and output, η, scaling and the features' spread. */
  diagnosis: Pick<DiagnosisInput, 'loss' | 'outputActivation' | 'learningRate' | 'scaling' | 'featureSpread'>;
}

/** metrics.json: accuracy and loss per part, the confusion matrix and per-class table, k-fold summary, curve diagnosis. */
export function experimentMetrics(input: MetricsInput): RunMetrics {
  const { samples, plan, runs, predictions } = input;
  const folds = runs.map((run) => run.outcome.folds[0]).filter((fold) => fold !== undefined);
  const tests = runs.map((run) => run.outcome.test);
  const kfold = plan.kind === 'kfold';
  const accuracy = {
    train: mean(folds.map((f) => f.train.accuracy)),
    val: mean(folds.map((f) => f.validation?.accuracy)),
    test: kfold ? null : (tests[0]?.accuracy ?? null),
  };
  const loss = {
    train: mean(folds.map((f) => f.train.loss)),
    val: mean(folds.map((f) => f.validation?.loss)),
    test: kfold ? null : (tests[0]?.loss ?? null),
  };
  const classification = samples.labels !== null;
  const report = classification
    ? classificationReport(
        predictions.map((p) => p.trueClass),
        predictions.map((p) => p.predictedClass),
        samples.classNames,
      )
    : null;
  const zero = { precision: 0, recall: 0, f1: 0 };
  const foldScores = kfold
    ? runs.flatMap((run, f) =>
        run.outcome.test ? [{ fold: f + 1, accuracy: run.outcome.test.accuracy ?? 0, loss: run.outcome.test.loss }] : [],
      )
    : [];
  const lastRecords = runs[runs.length - 1]?.outcome.folds[0]?.history ?? [];
  const kfoldAccuracy = kfold && foldScores.length ? meanAndStd(foldScores.map((f) => f.accuracy)) : null;
  // What the bias/variance readout and the hints judge: k-fold's held-out accuracy is the mean over its test folds.
  const judged = { train: accuracy.train, val: accuracy.val, test: accuracy.test, crossValidation: kfoldAccuracy?.mean ?? null };
  const misclassified = spreadMistakes(predictions, input.misclassifiedSample).map((p) => ({
    index: p.index,
    file: p.file,
    trueLabel: samples.classNames[p.trueClass] ?? String(p.trueClass),
    predictedLabel: samples.classNames[p.predictedClass] ?? String(p.predictedClass),
    probability: p.probabilities[p.predictedClass] ?? 0,
  }));
  return {
    formatVersion: RUN_FORMAT_VERSION,
    status: input.status,
    accuracy,
    loss,
    confusionMatrix: { labels: report?.labels ?? [], matrix: report?.confusionMatrix ?? [], split: kfold ? 'cross-validation' : 'test' },
    perClass: report?.perClass ?? [],
    macro: report?.macro ?? zero,
    weighted: report?.weighted ?? zero,
    backend: input.backend,
    engine: input.engine,
    seed: input.seed,
    datasetFingerprint: input.datasetFingerprint,
    epochsRun: folds.reduce((sum, f) => sum + f.history.length, 0),
    bestEpoch: kfold ? null : (folds[0]?.bestEpoch ?? null),
    seconds: round(input.seconds, 3),
    kfold: kfoldAccuracy ? { folds: foldScores, accuracy: kfoldAccuracy } : null,
    diagnosis: diagnoseTraining({
      ...input.diagnosis,
      history: lastRecords,
      classes: classification ? samples.classNames.length : null,
      accuracy: judged,
      diverged: input.diverged,
    }),
    biasVariance: classification ? biasVariance(judged) : null,
    deadUnits: lastRecords[lastRecords.length - 1]?.deadUnits ?? [],
    misclassified,
  };
}
