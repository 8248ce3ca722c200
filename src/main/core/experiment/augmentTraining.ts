import type { FeatureChoice } from '../../../shared/contract/experiment';
import { augmentImage, type AugmentOptions } from '../../../shared/datasets/augment';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import type { ImageDataset, StoredImage } from '../datasets/datasetTypes';
import { experimentFeatures } from './experimentFeatures';
import type { ExperimentSamples } from './experimentSamples';

export interface AugmentationPlan {
  options: AugmentOptions;
  /** Random variants made of each training image. */
  copies: number;
}

/**
 * The features of `copies` random variants of every training image, described exactly like the originals (HOG or
 * pixels) and labelled like them. They join the training part only: validation and test keep the real images.
 * Seeded, so the same seed makes the same variants.
 */
export async function augmentedTrainingSamples(
  dataset: ImageDataset,
  samples: ExperimentSamples,
  train: readonly number[],
  plan: AugmentationPlan,
  choice: FeatureChoice,
  seed: number,
  signal: AbortSignal,
): Promise<{ values: Float32Array; labels: Int32Array }> {
  const byFile = new Map(dataset.images.map((image) => [image.file, image]));
  const random = createSeededRandom(seed >>> 0);
  const variants: StoredImage[] = [];
  for (let copy = 1; copy <= plan.copies; copy++) {
    for (const index of train) {
      const source = samples.files[index] === null ? undefined : byFile.get(samples.files[index]!);
      if (!source) continue;
      variants.push({ ...source, file: `${source.file}#variant${copy}`, hash: '', pixels: augmentImage(source, plan.options, random) });
    }
  }
  if (variants.length === 0) return { values: new Float32Array(0), labels: new Int32Array(0) };
  // No cache: every variant is new, and its content hash would have to be computed just to miss.
  const described = await experimentFeatures({ ...dataset, images: variants }, choice, { signal, cacheDir: null });
  return { values: described.values, labels: described.labels ?? new Int32Array(0) };
}
