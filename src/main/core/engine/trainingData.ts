import { SinapsisError } from '../../../shared/contract/errors';

/**
 * Samples ready for either engine: features as one float32 block (sample after sample), targets as one block of
 * `outputs` values per sample (one-hot for several classes, 0/1 for one sigmoid output, values for regression),
 * and the class label of each sample when the task is classification (for accuracy).
 */
export interface TrainingData {
  /** Shape of one sample: [features] or [height, width, channels]. */
  sampleShape: number[];
  sampleSize: number;
  samples: number;
  features: Float32Array;
  outputs: number;
  targets: Float32Array;
  labels: Int32Array | null;
}

export interface RawData {
  sampleShape: number[];
  /** samples × sampleSize values; null stands for a missing value (NaN does not survive JSON). */
  features: ArrayLike<number | null>;
  /** Class index per sample (classification)… */
  labels?: ArrayLike<number>;
  /** …or samples × outputs target values (regression, or hand-made targets such as the XOR table). */
  targets?: ArrayLike<number | null>;
}

/** Checks every value and builds the target block; the messages say which sample and what to do. */
export function prepareTrainingData(raw: RawData, outputs: number): TrainingData {
  const sampleSize = raw.sampleShape.reduce((a, b) => a * b, 1);
  if (raw.features.length % sampleSize !== 0) {
    throw new SinapsisError(
      'data-shape-mismatch',
      `The features have ${raw.features.length} values, which is not a whole number of samples of ${sampleSize} values (the model's input shape ${raw.sampleShape.join('×')}).`,
      { values: raw.features.length, sampleSize },
    );
  }
  const samples = raw.features.length / sampleSize;
  if (samples === 0) throw new SinapsisError('data-empty', 'There are no samples to train on: the training data is empty.');
  const features = new Float32Array(raw.features.length);
  for (let i = 0; i < raw.features.length; i++) {
    const value = raw.features[i];
    if (value === null || !Number.isFinite(value)) {
      const sample = Math.floor(i / sampleSize);
      const feature = i % sampleSize;
      throw new SinapsisError(
        'data-not-finite',
        `Sample ${sample + 1}, feature ${feature + 1} is ${value === null ? 'missing' : String(value)}: every feature must be a finite number. Remove or fill in that value (e.g. with the column mean) before training.`,
        { sample: sample + 1, feature: feature + 1 },
      );
    }
    features[i] = value;
  }
  const targets = new Float32Array(samples * outputs);
  let labels: Int32Array | null = null;
  if (raw.labels) {
    if (raw.labels.length !== samples) {
      throw new SinapsisError(
        'data-label-count',
        `There are ${samples} samples but ${raw.labels.length} labels; give one label per sample.`,
        { samples, labels: raw.labels.length },
      );
    }
    labels = new Int32Array(samples);
    const classes = outputs === 1 ? 2 : outputs;
    for (let s = 0; s < samples; s++) {
      const label = raw.labels[s];
      if (!Number.isInteger(label) || label < 0 || label >= classes) {
        throw new SinapsisError(
          'data-label-out-of-range',
          outputs === 1
            ? `Sample ${s + 1} has label ${label}, but a network with one output neuron can only learn labels 0 and 1. Use one output neuron per class (softmax) for more classes.`
            : `Sample ${s + 1} has label ${label}, but the output layer has ${outputs} neurons (labels 0 to ${outputs - 1}). Set the output layer's units to the number of classes.`,
          { sample: s + 1, label, outputs },
        );
      }
      labels[s] = label;
      if (outputs === 1) targets[s] = label;
      else targets[s * outputs + label] = 1;
    }
  } else if (raw.targets) {
    if (raw.targets.length !== samples * outputs) {
      throw new SinapsisError(
        'data-target-count',
        `There are ${samples} samples and ${outputs} output neurons, so ${samples * outputs} target values are needed; got ${raw.targets.length}.`,
        { samples, outputs, targets: raw.targets.length },
      );
    }
    for (let i = 0; i < targets.length; i++) {
      const value = raw.targets[i];
      if (value === null || !Number.isFinite(value)) {
        throw new SinapsisError(
          'data-target-not-finite',
          `The target of sample ${Math.floor(i / outputs) + 1} is not a finite number. Fix or remove that sample.`,
          {
            sample: Math.floor(i / outputs) + 1,
          },
        );
      }
      targets[i] = value;
    }
  } else {
    throw new SinapsisError('data-no-targets', 'The training data has neither labels nor targets: say what the network should learn.');
  }
  return { sampleShape: [...raw.sampleShape], sampleSize, samples, features, outputs, targets, labels };
}

/** Training and validation sample indices of one run (or one fold). */
export interface DataSplit {
  train: number[];
  validation: number[];
}

export function checkSplit(split: DataSplit, samples: number, fold?: number): void {
  const where = fold === undefined ? '' : ` of fold ${fold + 1}`;
  if (split.train.length === 0) {
    throw new SinapsisError(
      'data-empty-training',
      `The training part${where} is empty: give the training split a larger fraction or load more samples.`,
      { fold: (fold ?? -1) + 1 },
    );
  }
  for (const index of [...split.train, ...split.validation]) {
    if (!Number.isInteger(index) || index < 0 || index >= samples) {
      throw new SinapsisError(
        'data-bad-index',
        `The split${where} refers to sample ${index}, but there are ${samples} samples. Make the split again.`,
        { index, samples },
      );
    }
  }
}
