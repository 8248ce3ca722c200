import type { ExperimentRequest } from '../contract/experiment';
import type { SplitSettings } from '../contract/project';

/**
 * The experiment's split from the student's split settings: hold-out uses train and test, train/validation/test
 * all three, k-fold and leave-one-out none (the folds say it). Entrenamiento and `sinapsis check` both use it,
 * so the split a check expects is the one training made.
 */
export function experimentSplitOf(split: SplitSettings): ExperimentRequest['split'] {
  const ratios =
    split.method === 'holdout'
      ? { train: split.train, test: split.test }
      : split.method === 'train-val-test'
        ? { train: split.train, validation: split.validation, test: split.test }
        : {};
  return { method: split.method, folds: split.folds, stratified: split.stratified, ...ratios };
}
