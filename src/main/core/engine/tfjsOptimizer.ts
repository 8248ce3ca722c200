import * as tf from '@tensorflow/tfjs';
import { assertNever } from '../../../shared/assertNever';
import { optimizerRule } from '../../../shared/models/optimizerTable';
import type { TrainingSettings } from '../../../shared/models/trainingSettings';

/** tfjs's optimizer for the setting's update rule (gd, sgd and mini-batch differ only in batch size: see effectiveBatchSize). */
export function tfjsOptimizer(settings: Pick<TrainingSettings, 'optimizer' | 'learningRate' | 'momentum'>): tf.Optimizer {
  const { learningRate, momentum } = settings;
  const rule = optimizerRule(settings);
  switch (rule) {
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, momentum);
    case 'sgd':
      return tf.train.sgd(learningRate);
    default:
      return assertNever(rule, 'optimizer rule');
  }
}
