import { z } from 'zod';

/**
 * How a model is trained (seed 001, "Algoritmos de optimización" and "Funciones de pérdida"). Saved with every
 * run next to the model spec, so the run can be reproduced.
 */

/**
 * - mse, mae, mape: regression (mape = 100 · mean |t - z| / |t|)
 * - binaryCrossEntropy: sigmoid outputs with targets in {0, 1}
 * - categoricalCrossEntropy: softmax outputs with one-hot targets (-Σ t ln z)
 * - hinge: max(0, 1 - t·z) with targets mapped from {0, 1} to {-1, +1}; pair it with a linear or tanh output
 */
export const lossNameSchema = z.enum(['mse', 'mae', 'mape', 'binaryCrossEntropy', 'categoricalCrossEntropy', 'hinge']);
export type LossName = z.infer<typeof lossNameSchema>;

/**
 * - gd: gradient descent, one update per epoch on the whole training set (batch size = training samples)
 * - sgd: stochastic gradient descent, one update per sample (batch size 1)
 * - minibatch: SGD on batches of `batchSize`, with optional momentum
 * - adam, rmsprop: adaptive learning rates per parameter, on batches of `batchSize`
 */
export const optimizerNameSchema = z.enum(['gd', 'sgd', 'minibatch', 'adam', 'rmsprop']);
export type OptimizerName = z.infer<typeof optimizerNameSchema>;

/** 'auto' uses the didactic engine for small dense networks (it is faster there) and tfjs for everything else. */
export const engineChoiceSchema = z.enum(['auto', 'didactic', 'tfjs']);
export const engineNameSchema = z.enum(['didactic', 'tfjs']);
export type EngineName = z.infer<typeof engineNameSchema>;

export const trainingSettingsSchema = z.object({
  loss: lossNameSchema.default('categoricalCrossEntropy'),
  optimizer: optimizerNameSchema.default('minibatch'),
  learningRate: z.number().positive().max(100).default(0.01),
  /** Mini-batch SGD only; 0 is plain SGD. */
  momentum: z.number().min(0).max(0.999).default(0),
  epochs: z.number().int().min(1).max(100_000).default(50),
  /** Used by minibatch, adam and rmsprop (gd and sgd fix it). */
  batchSize: z.number().int().min(1).max(1_000_000).default(32),
  /** λ of the L2 penalty (λ/2) Σ w² added to the loss (kernels only, not biases). */
  l2: z.number().min(0).max(10).default(0),
  /** Stop when the validation loss has not improved for `patience` epochs; needs a validation part. */
  earlyStopping: z
    .object({
      patience: z.number().int().min(1).max(10_000),
      restoreBestWeights: z.boolean().default(true),
      /** An improvement smaller than this does not count. */
      minDelta: z.number().min(0).default(0),
    })
    .nullable()
    .default(null),
  /** Seed of the presentation order (shuffle) of every epoch. */
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  shuffle: z.boolean().default(true),
  engine: engineChoiceSchema.default('auto'),
});
export type TrainingSettings = z.output<typeof trainingSettingsSchema>;
export type TrainingSettingsInput = z.input<typeof trainingSettingsSchema>;

/** The batch size an optimizer actually uses for `trainingSamples` samples. */
export function effectiveBatchSize(settings: Pick<TrainingSettings, 'optimizer' | 'batchSize'>, trainingSamples: number): number {
  if (settings.optimizer === 'gd') return Math.max(1, trainingSamples);
  if (settings.optimizer === 'sgd') return 1;
  return Math.max(1, Math.min(settings.batchSize, trainingSamples));
}
