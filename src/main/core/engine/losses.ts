import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../../shared/models/trainingSettings';

/**
 * The course's losses (seed 001, eq. 3-7) as tfjs functions of targets t and outputs z, averaged over the batch
 * (and over output neurons for the elementwise ones, as Keras does). The didactic engine implements the same
 * definitions (`denseMath.ts`), and the tests check that both give the same values and gradients.
 */

import { PROBABILITY_EPSILON } from './probabilityEpsilon';

export { PROBABILITY_EPSILON };

export function lossFunction(name: LossName): (targets: tf.Tensor, outputs: tf.Tensor) => tf.Scalar {
  switch (name) {
    case 'mse':
      return (t, z) => tf.mean(tf.square(tf.sub(t, z))) as tf.Scalar;
    case 'mae':
      return (t, z) => tf.mean(tf.abs(tf.sub(t, z))) as tf.Scalar;
    case 'mape':
      // |t| is floored at ε so that a zero target does not divide by zero (Keras does the same).
      return (t, z) => tf.mul(100, tf.mean(tf.div(tf.abs(tf.sub(t, z)), tf.maximum(tf.abs(t), PROBABILITY_EPSILON)))) as tf.Scalar;
    case 'binaryCrossEntropy':
      return (t, z) => {
        const p = tf.clipByValue(z, PROBABILITY_EPSILON, 1 - PROBABILITY_EPSILON);
        return tf.neg(tf.mean(tf.add(tf.mul(t, tf.log(p)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, p)))))) as tf.Scalar;
      };
    case 'categoricalCrossEntropy':
      return (t, z) => {
        const p = tf.clipByValue(z, PROBABILITY_EPSILON, 1 - PROBABILITY_EPSILON);
        return tf.neg(tf.mean(tf.sum(tf.mul(t, tf.log(p)), -1))) as tf.Scalar;
      };
    case 'hinge':
      // Targets 0/1 become -1/+1, so that t·z > 1 means "right side of the margin".
      return (t, z) => tf.mean(tf.relu(tf.sub(1, tf.mul(tf.sub(tf.mul(t, 2), 1), z)))) as tf.Scalar;
  }
}
