import { z } from 'zod';
import { diagnosisHintSchema } from './diagnosisSchemas';
import { method } from './define';
import { taskIdSchema } from './tasks';
import { engineNameSchema } from '../models/trainingSettings';

/** Controls of a running training (`train.*`) and what it streams (`train.batch`, `train.epoch`, `train.inspection`); `experiment.run` starts it. */

/** ‖∂J/∂w‖₂ over every trainable weight of one spec layer (`layer` indexes the spec's layers). */
export const gradientNormSchema = z.object({ layer: z.number().int(), norm: z.number() });
export type LayerGradientNorm = z.infer<typeof gradientNormSchema>;

const progressBase = {
  taskId: taskIdSchema,
  engine: engineNameSchema,
  fold: z.number().int(),
  epoch: z.number().int(),
  learningRate: z.number(),
  gradientNorms: z.array(gradientNormSchema),
  elapsedMs: z.number(),
  etaMs: z.number().nullable(),
};

export const trainBatchEventSchema = z.object({
  ...progressBase,
  batch: z.number().int(),
  batches: z.number().int(),
  loss: z.number(),
  accuracy: z.number().nullable(),
});

/** The hidden units of one ReLU layer that never fired on a training batch (core/engine/deadUnits.ts). */
export const layerDeadUnitsSchema = z.object({ layer: z.number().int(), units: z.number().int(), dead: z.number().int() });
export type LayerDeadUnits = z.infer<typeof layerDeadUnitsSchema>;

export const epochRecordSchema = z.object({
  fold: z.number().int(),
  epoch: z.number().int(),
  trainLoss: z.number(),
  trainAccuracy: z.number().nullable(),
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  learningRate: z.number(),
  gradientNorms: z.array(gradientNormSchema),
  // Defaults to none for epoch events recorded before it was measured.
  deadUnits: z.array(layerDeadUnitsSchema).default([]),
  elapsedMs: z.number(),
  etaMs: z.number().nullable(),
});
/** One epoch of one fold, as the training loop records it (history.csv's row adds nothing; the events add the task). */
export type EpochRecord = z.infer<typeof epochRecordSchema>;

export const weightHistogramSchema = z.object({
  /** Index of the spec layer. */
  layer: z.number().int(),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  std: z.number(),
  /** Equal-width bins over [min, max]. */
  counts: z.array(z.number().int()),
});

/** The plane of a two-feature dataset, in the features' own units (before scaling). */
export const decisionPlaneSchema = z.object({
  features: z.tuple([z.string(), z.string()]),
  xMin: z.number(),
  xMax: z.number(),
  yMin: z.number(),
  yMax: z.number(),
  /** The grid is resolution × resolution cells, row 0 at the top (yMax), column 0 at xMin. */
  resolution: z.number().int(),
  outputs: z.number().int(),
});

/** Weight histograms after an epoch and, for two-feature data, the model's outputs over the plane. */
export const trainInspectionEventSchema = z.object({
  taskId: taskIdSchema,
  fold: z.number().int(),
  epoch: z.number().int(),
  final: z.boolean(),
  histograms: z.array(weightHistogramSchema),
  boundary: z
    .object({
      plane: decisionPlaneSchema,
      /** resolution² × outputs model outputs, cell after cell. */
      values: z.array(z.number()),
      /** Samples drawn on top: x, y, class, and whether the sample is held out (test / held-out fold). */
      points: z.array(z.tuple([z.number(), z.number(), z.number().int(), z.boolean()])),
    })
    .nullable(),
});

/** A run's inspection.json: what Entrenamiento showed live, kept for Evaluación. */
export const runInspectionSchema = z.object({
  folds: z.array(
    z.object({
      fold: z.number().int(),
      inspections: z.array(z.object({ epoch: z.number().int(), final: z.boolean(), histograms: z.array(weightHistogramSchema) })),
    }),
  ),
  boundary: trainInspectionEventSchema.shape.boundary,
});
export type RunInspection = z.infer<typeof runInspectionSchema>;

/** A batch's progress as the training loop reports it, before the door adds the task and the engine. */
export type BatchProgress = Omit<z.infer<typeof trainBatchEventSchema>, 'taskId' | 'engine'>;

export const trainEpochEventSchema = z.object({
  taskId: taskIdSchema,
  engine: engineNameSchema,
  ...epochRecordSchema.shape,
  /** The diagnosis of the epochs so far (experiment.run attaches it; core/evaluation/diagnosis.ts, as metrics.json's). */
  diagnosis: z.array(diagnosisHintSchema).optional(),
});

/** Loss and accuracy on some samples; accuracy is the fraction whose predicted class is their label, null for regression. */
export const evaluationSchema = z.object({ loss: z.number(), accuracy: z.number().nullable() });
export type Evaluation = z.infer<typeof evaluationSchema>;

export const foldStatusSchema = z.enum(['completed', 'earlyStopped', 'stopped', 'diverged']);
export type FoldStatus = z.infer<typeof foldStatusSchema>;

/** One fold's training, as the trainer returns it. */
export const foldResultSchema = z.object({
  fold: z.number().int(),
  history: z.array(epochRecordSchema),
  /**
   * 1-based epoch of the lowest validation loss (training loss without a validation part), 0 if none finished: what
   * "best epoch" means in the report, Evaluación and metrics.json, whether or not its weights were restored.
   */
  bestEpoch: z.number().int(),
  status: foldStatusSchema,
  /** Evaluation with the final weights. */
  train: evaluationSchema,
  validation: evaluationSchema.nullable(),
});
export type FoldResult = z.infer<typeof foldResultSchema>;

const taskOnly = z.object({ taskId: taskIdSchema });
const controlResponse = z.object({ ok: z.boolean() });

export const trainingMethods = {
  'train.pause': method(taskOnly, controlResponse),
  'train.resume': method(taskOnly, controlResponse),
  /** Ends training after the current batch, keeping the best weights and everything measured so far. */
  'train.stop': method(taskOnly, controlResponse),
};

/**
 * Sent to every page of the workspace when a page pauses, resumes or stops a training, so that a second tab of the
 * same person shows the same state (and its buttons) as the tab that pressed them.
 */
export const trainControlEventSchema = z.object({ taskId: taskIdSchema, status: z.enum(['running', 'paused', 'stopping']) });

export const trainingEvents = {
  'train.control': trainControlEventSchema,
  'train.batch': trainBatchEventSchema,
  'train.epoch': trainEpochEventSchema,
  'train.inspection': trainInspectionEventSchema,
};
