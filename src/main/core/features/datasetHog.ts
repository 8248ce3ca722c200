import type { HogPipeline } from '../../../shared/contract/features';
import type { ImageDataset } from '../datasets/datasetTypes';
import { extractHog, type ExtractHogOptions, type HogExtraction, type HogSourceItems } from './extractHog';
import { FeatureSetStore, type FeatureSet } from './featureSets';

/** A loaded dataset's images as extraction input: pixels already decoded, keyed by their files' hashes. */
export function datasetItems(dataset: ImageDataset): HogSourceItems {
  return {
    kind: 'images',
    images: dataset.images.map((image) => ({
      name: image.file,
      hash: image.hash,
      image: { width: image.width, height: image.height, channels: image.channels, data: image.pixels },
    })),
  };
}

/**
 * Packs the successful vectors of an extraction into a training matrix (one row per image that worked, in the
 * input order), with each row's file name and, for a dataset, its class.
 */
export function toFeatureSet(extraction: HogExtraction, pipeline: HogPipeline, names: string[], dataset: ImageDataset | null): FeatureSet {
  const rows = extraction.vectors.filter((v) => v !== null).length;
  const matrix = new Float64Array(rows * extraction.length);
  const rowNames: string[] = [];
  const labels = dataset ? new Int32Array(rows) : null;
  let row = 0;
  extraction.vectors.forEach((vector, index) => {
    if (!vector) return;
    matrix.set(vector, row * extraction.length);
    rowNames.push(names[index]);
    if (labels && dataset) labels[row] = dataset.images[index].label;
    row += 1;
  });
  return {
    id: FeatureSetStore.newId(),
    kind: 'hog',
    pipeline,
    length: extraction.length,
    rows,
    matrix,
    names: rowNames,
    labels,
    classNames: dataset ? dataset.classNames : null,
    datasetId: dataset ? dataset.id : null,
  };
}

/**
 * HOG features of every image of a loaded dataset, ready for training: workers, cache, progress and cancel as
 * in `extractHog`. Images that fail are left out of the matrix and listed in `extraction.failures`.
 */
export async function datasetHog(
  dataset: ImageDataset,
  options: ExtractHogOptions,
): Promise<{ featureSet: FeatureSet; extraction: HogExtraction }> {
  const extraction = await extractHog(datasetItems(dataset), options);
  return {
    featureSet: toFeatureSet(
      extraction,
      options.pipeline,
      dataset.images.map((image) => image.file),
      dataset,
    ),
    extraction,
  };
}
