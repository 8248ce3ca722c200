import * as tf from '@tensorflow/tfjs';
import type { TrainingSettings } from '../../../shared/models/trainingSettings';

/** gd, sgd and mini-batch differ only in batch size (see effectiveBatchSize); the update rule is the same. */
export function tfjsOptimizer(settings: Pick<TrainingSettings, 'optimizer' | 'learningRate' | 'momentum'>): tf.Optimizer {
  const { optimizer, learningRate, momentum } = settings;
  switch (optimizer) {
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'minibatch':
      return momentum > 0 ? tf.train.momentum(learningRate, momentum) : tf.train.sgd(learningRate);
    case 'gd':
    case 'sgd':
      return tf.train.sgd(learningRate);
  }
}
