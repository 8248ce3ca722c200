import { SinapsisError } from '../../../shared/contract';
import type { SplitRequest, SplitResult } from '../../../shared/contract/datasets';
import {
  countClasses,
  DEFAULT_HOLDOUT,
  DEFAULT_TRAIN_VAL_TEST,
  holdoutSplit,
  kFoldSplit,
  leaveOneOutSplit,
  type SplitRatios,
} from '../../../shared/datasets/splits';
import { labelsOf, type ImageDataset, type TableDataset } from './datasetTypes';

/** Leave-one-out makes one model per sample; beyond this it would take hours, so k-fold is suggested instead. */
export const MAX_LEAVE_ONE_OUT_SAMPLES = 2000;

/** How to split, whatever holds the samples: a loaded dataset (`dataset.split`) or an experiment's feature rows. */
export type SplitOptions = Omit<SplitRequest, 'datasetId'>;

export function ratiosFor(request: Omit<SplitOptions, 'seed'>): SplitRatios {
  if (request.method === 'holdout') {
    const test = request.test ?? (request.train !== undefined ? 1 - request.train : DEFAULT_HOLDOUT.test);
    return { train: request.train ?? 1 - test, validation: 0, test };
  }
  const defaults = DEFAULT_TRAIN_VAL_TEST;
  return {
    train: request.train ?? defaults.train,
    validation: request.validation ?? defaults.validation,
    test: request.test ?? defaults.test,
  };
}

/** Splits n samples (with their class labels, or null for regression) as asked; seeded, stratified when possible. */
export function splitSamples(
  n: number,
  labels: Int32Array | null,
  classCount: number,
  request: SplitOptions,
): Omit<SplitResult, 'datasetId'> {
  const stratified = request.stratified && labels !== null;
  const result: Omit<SplitResult, 'datasetId'> = {
    method: request.method,
    stratified,
    seed: request.seed,
    train: [],
    validation: [],
    test: [],
    folds: [],
    classCounts: {},
  };
  try {
    if (request.method === 'holdout' || request.method === 'train-val-test') {
      const split = holdoutSplit(n, { ratios: ratiosFor(request), seed: request.seed, labels: labels ?? undefined, stratified });
      Object.assign(result, split);
      if (labels) {
        result.classCounts = {
          train: countClasses(split.train, labels, classCount),
          validation: countClasses(split.validation, labels, classCount),
          test: countClasses(split.test, labels, classCount),
        };
      }
    } else if (request.method === 'k-fold') {
      result.folds = kFoldSplit(n, request.folds, { seed: request.seed, labels: labels ?? undefined, stratified });
      if (labels) result.folds.forEach((fold, i) => (result.classCounts[`fold${i + 1}`] = countClasses(fold, labels, classCount)));
    } else {
      if (n > MAX_LEAVE_ONE_OUT_SAMPLES) {
        throw new SinapsisError(
          'split-loo-too-large',
          `Leave-one-out would train ${n} models; use it for up to ${MAX_LEAVE_ONE_OUT_SAMPLES} samples, or choose k-fold.`,
          {
            samples: n,
            limit: MAX_LEAVE_ONE_OUT_SAMPLES,
          },
        );
      }
      result.folds = leaveOneOutSplit(n);
    }
  } catch (error) {
    if (error instanceof RangeError) throw new SinapsisError('split-invalid', error.message, { details: error.message });
    throw error;
  }
  return result;
}

/** Splits a loaded dataset as requested; the indices are returned for the run to save. */
export function splitDataset(dataset: ImageDataset | TableDataset, request: SplitRequest): SplitResult {
  const n = dataset.kind === 'images' ? dataset.images.length : dataset.rows;
  const result: SplitResult = { datasetId: dataset.id, ...splitSamples(n, labelsOf(dataset), dataset.classNames.length, request) };
  return result;
}
