import { z } from 'zod';
import { seedSchema } from '../seedSchema';
import { LOSS_NAMES, type LossName } from './lossTable';
import { OPTIMIZER_NAMES, type OptimizerName } from './optimizerTable';

/**
 * How a model is trained (seed 001, "Algoritmos de optimización" and "Funciones de pérdida"). Saved with every
 * run next to the model spec, so the run can be reproduced.
 */

export { LOSS_NAMES, type LossName } from './lossTable';
export { effectiveBatchSize, OPTIMIZER_NAMES, type OptimizerName } from './optimizerTable';

export const lossNameSchema = z.enum(LOSS_NAMES);
export const optimizerNameSchema = z.enum(OPTIMIZER_NAMES);

/**
 * The course lab's training settings: what Entrenamiento starts with, what `sinapsis train` uses without flags, and
 * the schema's defaults (a request that leaves a field out trains as the lab does). Mini-batch SGD, η = 0.1,
 * 30 epochs, batch 32: the HOG + MLP 320-18-10 lab reaches about 94 % on the bundled digits.
 */
export const LAB_TRAINING_DEFAULTS = {
  loss: 'categoricalCrossEntropy',
  optimizer: 'minibatch',
  learningRate: 0.1,
  momentum: 0,
  epochs: 30,
  batchSize: 32,
  l2: 0,
  seed: 1,
} as const satisfies {
  loss: LossName;
  optimizer: OptimizerName;
  learningRate: number;
  momentum: number;
  epochs: number;
  batchSize: number;
  l2: number;
  seed: number;
};

/** 'auto' uses the didactic engine for small dense networks (it is faster there) and tfjs for everything else. */
export const engineChoiceSchema = z.enum(['auto', 'didactic', 'tfjs']);
export const engineNameSchema = z.enum(['didactic', 'tfjs']);

/**
 * Worker threads that train a tfjs model: 'auto' uses two (data-parallel, half of each batch each) when the model is
 * big enough to gain and the machine has two cores, one otherwise (engine/dataParallel.ts, docs/training.md).
 */
export const workersChoiceSchema = z.union([z.literal('auto'), z.literal(1), z.literal(2)]);
export type WorkersChoice = z.infer<typeof workersChoiceSchema>;
export type EngineName = z.infer<typeof engineNameSchema>;

export const trainingSettingsSchema = z.object({
  loss: lossNameSchema.default(LAB_TRAINING_DEFAULTS.loss),
  optimizer: optimizerNameSchema.default(LAB_TRAINING_DEFAULTS.optimizer),
  learningRate: z.number().positive().max(100).default(LAB_TRAINING_DEFAULTS.learningRate),
  /** Mini-batch SGD only; 0 is plain SGD. */
  momentum: z.number().min(0).max(0.999).default(LAB_TRAINING_DEFAULTS.momentum),
  epochs: z.number().int().min(1).max(100_000).default(LAB_TRAINING_DEFAULTS.epochs),
  /** Used by minibatch, adam and rmsprop (gd and sgd fix it). */
  batchSize: z.number().int().min(1).max(1_000_000).default(LAB_TRAINING_DEFAULTS.batchSize),
  /** λ of the L2 penalty (λ/2) Σ w² added to the loss (kernels only, not biases). */
  l2: z.number().min(0).max(10).default(LAB_TRAINING_DEFAULTS.l2),
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
  seed: seedSchema.default(LAB_TRAINING_DEFAULTS.seed),
  shuffle: z.boolean().default(true),
  engine: engineChoiceSchema.default('auto'),
  workers: workersChoiceSchema.default('auto'),
});
export type TrainingSettings = z.output<typeof trainingSettingsSchema>;
export type TrainingSettingsInput = z.input<typeof trainingSettingsSchema>;
