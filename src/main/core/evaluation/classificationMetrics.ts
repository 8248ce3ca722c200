/** Per-class precision, recall, F1 and support: how a classifier does on each class. */
export interface ClassMetrics {
  label: string;
  /** Of the samples predicted as this class, the fraction that really are. */
  precision: number;
  /** Of the samples of this class, the fraction predicted as it. */
  recall: number;
  /** Harmonic mean of precision and recall. */
  f1: number;
  /** Number of samples of this class. */
  support: number;
}

export interface AveragedMetrics {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClassificationReport {
  accuracy: number;
  labels: string[];
  /** matrix[trueClass][predictedClass] = count. */
  confusionMatrix: number[][];
  perClass: ClassMetrics[];
  macro: AveragedMetrics;
  weighted: AveragedMetrics;
  total: number;
}

/** Counts matrix[true][predicted]; indices outside [0, labels) are a programming error, not data. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): number[][] {
  if (truth.length !== predicted.length) throw new Error(`confusionMatrix: ${truth.length} labels but ${predicted.length} predictions`);
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (!(t >= 0 && t < classCount && p >= 0 && p < classCount))
      throw new Error(`confusionMatrix: class index out of range at sample ${i} (true ${t}, predicted ${p})`);
    matrix[t][p] += 1;
  }
  return matrix;
}

/** Each row divided by its sum (the recall view); rows of an absent class stay at zero. */
export function rowNormalize(matrix: number[][]): number[][] {
  return matrix.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((value) => (sum === 0 ? 0 : value / sum));
  });
}

function safeDivide(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Accuracy, confusion matrix and per-class metrics, with the same conventions as scikit-learn (0 when undefined). */
export function classificationReport(truth: ArrayLike<number>, predicted: ArrayLike<number>, labels: string[]): ClassificationReport {
  const matrix = confusionMatrix(truth, predicted, labels.length);
  const total = truth.length;
  let correct = 0;
  const perClass = labels.map((label, k) => {
    const truePositives = matrix[k][k];
    correct += truePositives;
    const support = matrix[k].reduce((a, b) => a + b, 0);
    const predictedAsK = matrix.reduce((sum, row) => sum + row[k], 0);
    const precision = safeDivide(truePositives, predictedAsK);
    const recall = safeDivide(truePositives, support);
    const f1 = safeDivide(2 * precision * recall, precision + recall);
    return { label, precision, recall, f1, support };
  });
  const average = (weight: (m: ClassMetrics) => number): AveragedMetrics => {
    const weights = perClass.map(weight);
    const sum = weights.reduce((a, b) => a + b, 0);
    const mean = (pick: (m: ClassMetrics) => number) =>
      safeDivide(
        perClass.reduce((acc, m, i) => acc + pick(m) * weights[i], 0),
        sum,
      );
    return { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1) };
  };
  return {
    accuracy: safeDivide(correct, total),
    labels,
    confusionMatrix: matrix,
    perClass,
    macro: average(() => 1),
    weighted: average((m) => m.support),
    total,
  };
}

/** Index of the largest value in each row of a [samples x classes] probability array. */
export function argmaxRows(probabilities: ArrayLike<number>, classCount: number): Int32Array {
  const samples = Math.floor(probabilities.length / classCount);
  const result = new Int32Array(samples);
  for (let i = 0; i < samples; i++) {
    let best = 0;
    for (let k = 1; k < classCount; k++) if (probabilities[i * classCount + k] > probabilities[i * classCount + best]) best = k;
    result[i] = best;
  }
  return result;
}

/**
 * Mean and population standard deviation (divided by n, numpy's `np.std` default), as reported for k-fold results
 * (mean ± std): the number a student gets from scikit-learn's `cross_val_score(...).std()` on the same fold scores.
 */
export function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  if (values.length === 0) return { mean: 0, std: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}
