import { SinapsisError } from '../../../shared/contract/errors';
import type { TrainingDataRef } from '../../../shared/contract/training';
import { complementOf, holdoutSplit, kFoldSplit } from '../../../shared/datasets/splits';
import type { DatasetStore } from '../datasets/datasetStore';
import type { DataSplit, RawData } from './trainingData';

/**
 * Turns a contract data reference (inline rows, or a dataset loaded through `dataset.*`) into the flat arrays
 * and splits the trainer works on. Runs in the main process, before the worker starts, so bad references fail
 * fast with a clear message.
 */
export interface ResolvedData {
  data: RawData;
  folds: DataSplit[];
}

function splitError(error: unknown): never {
  if (error instanceof RangeError) throw new SinapsisError('data-bad-split', error.message, { details: error.message });
  throw error;
}

function inline(ref: Extract<TrainingDataRef, { kind: 'inline' }>, inputShape: number[]): ResolvedData {
  const rows = ref.features.length;
  if (rows === 0) throw new SinapsisError('data-empty', 'There are no samples to train on: the feature rows are empty.');
  const width = ref.features[0].length;
  const bad = ref.features.findIndex((row) => row.length !== width);
  if (bad >= 0) throw new SinapsisError('data-ragged-rows', `Row ${bad + 1} has ${ref.features[bad].length} values but row 1 has ${width}; every row needs the same number of features.`, { row: bad + 1 });
  const inputSize = inputShape.reduce((a, b) => a * b, 1);
  const data: RawData = {
    sampleShape: width === inputSize ? inputShape : [width],
    features: ref.features.flat(),
    labels: ref.labels,
    targets: ref.targets?.flat(),
  };
  const all = Array.from({ length: rows }, (_, i) => i);
  const plan = ref.validation;
  try {
    switch (plan.kind) {
      case 'none':
        return { data, folds: [{ train: all, validation: [] }] };
      case 'indices':
        return { data, folds: [{ train: plan.train, validation: plan.validation }] };
      case 'fraction': {
        const split = holdoutSplit(rows, { ratios: { train: 1 - plan.fraction, validation: plan.fraction, test: 0 }, seed: plan.seed, labels: ref.labels, stratified: ref.labels !== undefined });
        return { data, folds: [{ train: split.train, validation: split.validation }] };
      }
      case 'kFold': {
        const folds = kFoldSplit(rows, plan.k, { seed: plan.seed, labels: ref.labels, stratified: ref.labels !== undefined });
        return { data, folds: folds.map((test) => ({ train: complementOf(test, rows), validation: test })) };
      }
    }
  } catch (error) {
    splitError(error);
  }
}

function fromDataset(datasetId: string, inputShape: number[], store: DatasetStore): ResolvedData {
  const dataset = store.get(datasetId, 'table', 'images');
  const split = dataset.lastSplit;
  if (!split) throw new SinapsisError('dataset-not-split', `Dataset "${datasetId}" has not been split yet. Split it (train/validation/test or k-fold) before training.`, { datasetId });
  let data: RawData;
  if (dataset.kind === 'table') {
    const classification = dataset.summary.task === 'classification';
    data = {
      sampleShape: [dataset.featureNames.length],
      features: dataset.features,
      ...(classification ? { labels: Array.from(dataset.targets) } : { targets: dataset.targets }),
    };
  } else {
    const first = dataset.images[0];
    if (!first) throw new SinapsisError('data-empty', `Dataset "${datasetId}" has no images.`);
    const odd = dataset.images.find((image) => image.width !== first.width || image.height !== first.height || image.channels !== first.channels);
    if (odd) {
      throw new SinapsisError(
        'data-image-sizes-differ',
        `${odd.file} is ${odd.width}×${odd.height}×${odd.channels} but ${first.file} is ${first.width}×${first.height}×${first.channels}. Resize the images to one size (or use features such as HOG) before training.`,
        { file: odd.file },
      );
    }
    const size = first.width * first.height * first.channels;
    const features = new Float32Array(dataset.images.length * size);
    // Pixels 0..255 scaled to 0..1: unscaled inputs make the first layer's gradients explode.
    dataset.images.forEach((image, i) => {
      for (let k = 0; k < size; k++) features[i * size + k] = image.pixels[k] / 255;
    });
    const inputSize = inputShape.reduce((a, b) => a * b, 1);
    data = { sampleShape: inputSize === size ? inputShape : [first.height, first.width, first.channels], features, labels: dataset.images.map((image) => image.label) };
  }
  const rows = dataset.kind === 'table' ? dataset.rows : dataset.images.length;
  if (split.folds.length > 0) return { data, folds: split.folds.map((test) => ({ train: complementOf(test, rows), validation: test })) };
  return { data, folds: [{ train: split.train, validation: split.validation }] };
}

export function resolveTrainingData(ref: TrainingDataRef, inputShape: number[], store: DatasetStore): ResolvedData {
  return ref.kind === 'inline' ? inline(ref, inputShape) : fromDataset(ref.datasetId, inputShape, store);
}
