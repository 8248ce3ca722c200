import type { DatasetSummary } from '../contract/datasets';
import type { FeatureChoice } from '../contract/experiment';
import { hogPipelineSchema } from '../contract/features';
import { hogLength } from './hogLength';
import { pixelChannels } from './pixelOptions';

/** The input shape of a model fed by these features: [features] or [height, width, channels]. */
export type InputShape = [number] | [number, number, number];

/** The default features of a dataset when the Características step has not chosen any: the lab's HOG for images, every column for tables. */
export function defaultFeatureChoice(dataset: DatasetSummary | null): FeatureChoice | null {
  if (!dataset) return null;
  if (dataset.kind === 'table') return { kind: 'columns' };
  return { kind: 'hog', pipeline: hogPipelineSchema.parse({}) };
}

/**
 * What one sample looks like after feature extraction, from the dataset summary alone (the same geometry the
 * core uses): HOG length of the resized (or most common) image size, pixel count, or number of columns.
 * Null when it cannot be known (no dataset, or an image too small for one HOG block).
 */
export function featureInputShape(dataset: DatasetSummary | null, features: FeatureChoice | null): InputShape | null {
  if (!dataset || !features) return null;
  if (features.kind === 'columns') return dataset.kind === 'table' && dataset.features.length > 0 ? [dataset.features.length] : null;
  if (dataset.kind !== 'images') return null;
  const common = dataset.sizes.mostCommon;
  if (features.kind === 'hog') {
    const size = features.pipeline.resize ?? common;
    const length = hogLength(size.height, size.width, features.pipeline.params);
    return length > 0 ? [length] : null;
  }
  const size = features.resize ?? common;
  const channels = pixelChannels(features.colorMode, dataset.channels.colour);
  return features.keepShape ? [size.height, size.width, channels] : [size.height * size.width * channels];
}

/** Number of classes a classifier must output, or 1 for regression tables. */
export function outputUnitsFor(dataset: DatasetSummary | null): number | null {
  if (!dataset) return null;
  if (dataset.kind === 'table' && dataset.task === 'regression') return 1;
  return dataset.classes.length || null;
}
