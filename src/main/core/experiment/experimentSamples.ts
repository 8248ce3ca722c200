/**
 * The samples an experiment trains and evaluates on, after feature extraction: one row per sample that could be
 * described, with where it came from so predictions can point back at the image file or table row.
 */
import type { RunFeatures } from '../../../shared/contract/runs';

export interface ExperimentSamples {
  /** What the run's config records about the features (HOG parameters, image size, column names) and their length. */
  features: RunFeatures;
  /** Shape of one sample: [length] for vectors, [height, width, channels] for images kept whole (CNNs). */
  sampleShape: number[];
  /** Raw pixels only: channels per pixel (1 grey, 3 RGB), interleaved; per-channel scaling needs it. */
  channels?: 1 | 3;
  /** samples × prod(sampleShape), row-major. */
  values: Float32Array;
  /** Class index per sample (classification), or null for regression. */
  labels: Int32Array | null;
  /** Target value per sample (regression), or null for classification. */
  targets: Float64Array | null;
  classNames: string[];
  /** Relative image file of each sample (null for table rows). */
  files: (string | null)[];
  /** Images left out because their features could not be computed. */
  skipped: { file: string; reason: string }[];
}

export function sampleCount(samples: ExperimentSamples): number {
  return samples.files.length;
}

/** Values per sample (the product of the sample shape). */
export function featureLength(samples: Pick<ExperimentSamples, 'sampleShape'>): number {
  return samples.sampleShape.reduce((a, b) => a * b, 1);
}
