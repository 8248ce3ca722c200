import type { ExperimentRequest } from '../../../shared/contract/experiment';
import { complementOf } from '../../../shared/datasets/splits';
import { splitSamples } from '../datasets/splitDataset';
import type { RunConfig } from '../../../shared/contract/runs';

/** One model to train: which samples it learns from, which it watches while learning, which it is judged on. */
export interface PlannedFold {
  train: number[];
  validation: number[];
  /** Samples the final weights are evaluated on: the test part (hold-out) or the held-out fold (k-fold). */
  evaluation: number[];
}

export interface ExperimentPlan {
  kind: 'holdout' | 'kfold';
  folds: PlannedFold[];
  /** What config.json records: the ratios and every index, so the run can be reproduced. */
  record: RunConfig['split'];
}

/**
 * The split of an experiment's samples, seeded by the training seed. Hold-out trains one model (validated on the
 * validation part, judged on the test part); k-fold and leave-one-out train one per fold, each validated and
 * judged on its held-out fold (cross-validation has no separate test part).
 */
export function planExperiment(
  samples: number,
  labels: Int32Array | null,
  classCount: number,
  request: Pick<ExperimentRequest, 'split' | 'training'>,
): ExperimentPlan {
  const { split, training } = request;
  const result = splitSamples(samples, labels, classCount, { ...split, seed: training.seed });
  if (split.method === 'holdout' || split.method === 'train-val-test') {
    const total = result.train.length + result.validation.length + result.test.length;
    return {
      kind: 'holdout',
      folds: [{ train: result.train, validation: result.validation, evaluation: result.test }],
      record: {
        kind: 'holdout',
        ratios: [result.train.length / total, result.validation.length / total, result.test.length / total],
        indices: { train: result.train, validation: result.validation, test: result.test },
      },
    };
  }
  const folds = result.folds.map((held) => ({ train: complementOf(held, samples), validation: held, evaluation: held }));
  return {
    kind: 'kfold',
    folds,
    record: {
      kind: 'kfold',
      ratios: folds.map((fold) => fold.evaluation.length / samples),
      k: folds.length,
      indices: Object.fromEntries(result.folds.map((held, i) => [`fold${i + 1}`, held])),
    },
  };
}
