import { z } from 'zod';

/**
 * The scalings an experiment offers, one list for contract, run files, UI and CLI: none, z-score per feature,
 * min-max per feature, or z-score per colour channel (`channel`: one mean and deviation per channel over every pixel
 * of the training images, as torchvision's `Normalize(mean, std)`; it keeps the relations between pixels that a
 * per-pixel z-score would erase, and it is stored as a per-feature standardizer so every reader applies it alike).
 */
export const SCALING_NAMES = ['none', 'zscore', 'minmax', 'channel'] as const;
export const scalingNameSchema = z.enum(SCALING_NAMES);
export type ScalingName = z.infer<typeof scalingNameSchema>;

/**
 * Feature scaling fitted on the training part only. Fitting on all data would leak the test set's mean and
 * range into training (the model would have "seen" the test data), so every fit takes the training indices.
 * Features are a row-major matrix: `rows` samples x `columns` features.
 */
export interface FeatureMatrix {
  values: Float64Array | Float32Array | number[];
  rows: number;
  columns: number;
}

export interface Standardizer {
  kind: 'standard';
  mean: number[];
  /** Standard deviation (population, like scikit-learn's StandardScaler); 1 for constant features so they stay 0. */
  std: number[];
}

export interface MinMaxScaler {
  kind: 'minmax';
  min: number[];
  /** max - min; 1 for constant features. */
  range: number[];
}

export type Scaler = Standardizer | MinMaxScaler;

function checkIndices(matrix: FeatureMatrix, trainIndices: readonly number[]): void {
  if (trainIndices.length === 0) throw new RangeError('Cannot fit scaling on an empty training part.');
  for (const index of trainIndices) {
    if (!Number.isInteger(index) || index < 0 || index >= matrix.rows)
      throw new RangeError(`Training index ${index} is outside 0..${matrix.rows - 1}.`);
  }
}

/** z-score: mean and standard deviation of each feature over the training rows. */
export function fitStandardizer(matrix: FeatureMatrix, trainIndices: readonly number[]): Standardizer {
  checkIndices(matrix, trainIndices);
  const { columns, values } = matrix;
  const mean = new Array<number>(columns).fill(0);
  const squares = new Array<number>(columns).fill(0);
  for (const row of trainIndices) for (let c = 0; c < columns; c++) mean[c] += values[row * columns + c];
  for (let c = 0; c < columns; c++) mean[c] /= trainIndices.length;
  // Two passes: summing squared deviations is numerically safer than E[x^2] - E[x]^2.
  for (const row of trainIndices) {
    for (let c = 0; c < columns; c++) {
      const d = values[row * columns + c] - mean[c];
      squares[c] += d * d;
    }
  }
  const std = squares.map((s) => {
    const value = Math.sqrt(s / trainIndices.length);
    return value > 1e-12 ? value : 1;
  });
  return { kind: 'standard', mean, std };
}

/**
 * z-score per channel: features are pixels with `channels` interleaved channels (HWC order, so feature i belongs to
 * channel i % channels); each channel's mean and population deviation over all its pixels of the training rows,
 * written out for every feature so that `applyScaler` needs nothing new.
 */
export function fitChannelStandardizer(matrix: FeatureMatrix, trainIndices: readonly number[], channels: number): Standardizer {
  checkIndices(matrix, trainIndices);
  const { columns, values } = matrix;
  if (!Number.isInteger(channels) || channels < 1 || columns % channels !== 0)
    throw new RangeError(`${columns} features cannot be split into ${channels} channels.`);
  const sums = new Array<number>(channels).fill(0);
  for (const row of trainIndices) for (let c = 0; c < columns; c++) sums[c % channels] += values[row * columns + c];
  const perChannel = (trainIndices.length * columns) / channels;
  const means = sums.map((sum) => sum / perChannel);
  const squares = new Array<number>(channels).fill(0);
  for (const row of trainIndices) {
    for (let c = 0; c < columns; c++) {
      const d = values[row * columns + c] - means[c % channels];
      squares[c % channels] += d * d;
    }
  }
  const deviations = squares.map((s) => {
    const value = Math.sqrt(s / perChannel);
    return value > 1e-12 ? value : 1;
  });
  return {
    kind: 'standard',
    mean: Array.from({ length: columns }, (_, c) => means[c % channels]),
    std: Array.from({ length: columns }, (_, c) => deviations[c % channels]),
  };
}

/** Min-max to [0, 1] using the training rows' range; test values outside it map outside [0, 1], as they should. */
export function fitMinMax(matrix: FeatureMatrix, trainIndices: readonly number[]): MinMaxScaler {
  checkIndices(matrix, trainIndices);
  const { columns, values } = matrix;
  const min = new Array<number>(columns).fill(Infinity);
  const max = new Array<number>(columns).fill(-Infinity);
  for (const row of trainIndices) {
    for (let c = 0; c < columns; c++) {
      const v = values[row * columns + c];
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
    }
  }
  const range = min.map((low, c) => (max[c] - low > 1e-12 ? max[c] - low : 1));
  return { kind: 'minmax', min, range };
}

/** Applies a fitted scaler to every row, returning a new matrix (the input is not changed). */
export function applyScaler(scaler: Scaler, matrix: FeatureMatrix): Float64Array {
  const { rows, columns, values } = matrix;
  const offset = scaler.kind === 'standard' ? scaler.mean : scaler.min;
  const divisor = scaler.kind === 'standard' ? scaler.std : scaler.range;
  if (offset.length !== columns) throw new RangeError(`The scaler was fitted on ${offset.length} features, the data has ${columns}.`);
  const out = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) out[r * columns + c] = (values[r * columns + c] - offset[c]) / divisor[c];
  }
  return out;
}
