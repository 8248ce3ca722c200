import { SinapsisError } from '../../../shared/contract';
import type { SplitRequest, SplitResult } from '../../../shared/contract/datasets';
import { countClasses, DEFAULT_HOLDOUT, DEFAULT_TRAIN_VAL_TEST, holdoutSplit, kFoldSplit, leaveOneOutSplit, type SplitRatios } from '../../../shared/datasets/splits';
import { labelsOf, type ImageDataset, type TableDataset } from './datasetTypes';

/** Leave-one-out makes one model per sample; beyond this it would take hours, so k-fold is suggested instead. */
export const MAX_LEAVE_ONE_OUT_SAMPLES = 2000;

function ratiosFor(request: SplitRequest): SplitRatios {
  if (request.method === 'holdout') {
    const test = request.test ?? (request.train !== undefined ? 1 - request.train : DEFAULT_HOLDOUT.test);
    return { train: request.train ?? 1 - test, validation: 0, test };
  }
  const defaults = DEFAULT_TRAIN_VAL_TEST;
  return { train: request.train ?? defaults.train, validation: request.validation ?? defaults.validation, test: request.test ?? defaults.test };
}

/** Splits a loaded dataset as requested; the indices are kept with the dataset and returned for the run to save. */
export function splitDataset(dataset: ImageDataset | TableDataset, request: SplitRequest): SplitResult {
  const n = dataset.kind === 'images' ? dataset.images.length : dataset.rows;
  const labels = labelsOf(dataset);
  const stratified = request.stratified && labels !== null;
  const classCount = dataset.classNames.length;
  const result: SplitResult = {
    datasetId: dataset.id,
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
        throw new SinapsisError('split-loo-too-large', `Leave-one-out would train ${n} models; use it for up to ${MAX_LEAVE_ONE_OUT_SAMPLES} samples, or choose k-fold.`, {
          samples: n,
          limit: MAX_LEAVE_ONE_OUT_SAMPLES,
        });
      }
      result.folds = leaveOneOutSplit(n);
    }
  } catch (error) {
    if (error instanceof RangeError) throw new SinapsisError('split-invalid', error.message, { details: error.message });
    throw error;
  }
  dataset.lastSplit = result;
  return result;
}
