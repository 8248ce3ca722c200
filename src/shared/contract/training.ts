import { z } from 'zod';
import { contractErrorSchema } from './errors';
import { method } from './define';
import { taskIdSchema } from './tasks';
import { backendNameSchema, backendPreferenceSchema } from './app';
import { modelSpecSchema } from '../models/modelSpec';
import { engineNameSchema, trainingSettingsSchema } from '../models/trainingSettings';
import { MODEL_PRESET_IDS } from '../models/presets';

/** Building models (`model.*`) and training them (`train.*`); training streams `train.batch`, `train.epoch`, `train.done`. */

const shapeSchema = z.array(z.number().int());

export const layerSummarySchema = z.object({
  index: z.number().int(),
  type: z.string(),
  outputShape: shapeSchema,
  params: z.number().int(),
  trainableParams: z.number().int(),
  arithmetic: z.string(),
});

export const modelWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const modelDescriptionSchema = z.object({
  inputShape: shapeSchema,
  outputShape: shapeSchema,
  layers: z.array(layerSummarySchema),
  totalParams: z.number().int(),
  trainableParams: z.number().int(),
  warnings: z.array(modelWarningSchema),
  /** Estimated bytes for training with the given batch size and samples. */
  memoryBytes: z.number(),
  /** Which engine 'auto' would pick, and why the didactic one cannot be used when it cannot. */
  engine: engineNameSchema,
  didacticUnsuitableBecause: z.string().nullable(),
});
export type ModelDescription = z.infer<typeof modelDescriptionSchema>;

/** Rows of numbers, at most 100k values per row; `null` is a missing value (reported, never trained on). */
const featureRowsSchema = z.array(z.array(z.number().or(z.null())).max(100_000)).max(1_000_000);

/** Which samples train and which validate. Indices refer to the rows of the data. */
export const validationPlanSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** A seeded (stratified when there are labels) hold-out of this fraction for validation. */
  z.object({ kind: z.literal('fraction'), fraction: z.number().min(0.01).max(0.9), seed: z.number().int().min(0).default(1) }),
  z.object({ kind: z.literal('indices'), train: z.array(z.number().int().min(0)), validation: z.array(z.number().int().min(0)) }),
  /** k-fold cross-validation: folds trained in sequence, each validated on its held-out fold. */
  z.object({ kind: z.literal('kFold'), k: z.number().int().min(2).max(100), seed: z.number().int().min(0).default(1) }),
]);

export const trainingDataRefSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('inline'),
    features: featureRowsSchema,
    /** Class index per row… */
    labels: z.array(z.number().int()).optional(),
    /** …or target values per row (regression, hand-made targets). */
    targets: featureRowsSchema.optional(),
    validation: validationPlanSchema.default({ kind: 'none' }),
  }),
  /** A dataset loaded through `dataset.*`; its last `dataset.split` says which samples train and validate. */
  z.object({ kind: z.literal('dataset'), datasetId: z.string().min(1).max(200) }),
]);
export type TrainingDataRef = z.output<typeof trainingDataRefSchema>;

export const gradientNormSchema = z.object({ layer: z.number().int(), norm: z.number() });

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

export const epochRecordSchema = z.object({
  fold: z.number().int(),
  epoch: z.number().int(),
  trainLoss: z.number(),
  trainAccuracy: z.number().nullable(),
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  learningRate: z.number(),
  gradientNorms: z.array(gradientNormSchema),
  elapsedMs: z.number(),
  etaMs: z.number().nullable(),
});

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

export const trainEpochEventSchema = z.object({ taskId: taskIdSchema, engine: engineNameSchema, ...epochRecordSchema.shape });

const evaluationSchema = z.object({ loss: z.number(), accuracy: z.number().nullable() });

export const foldResultSchema = z.object({
  fold: z.number().int(),
  history: z.array(epochRecordSchema),
  bestEpoch: z.number().int(),
  status: z.enum(['completed', 'earlyStopped', 'stopped', 'diverged']),
  train: evaluationSchema,
  validation: evaluationSchema.nullable(),
});

export const trainingResultSchema = z.object({
  taskId: taskIdSchema,
  engine: engineNameSchema,
  backend: backendNameSchema.nullable(),
  folds: z.array(foldResultSchema),
  stopped: z.boolean(),
  /** Why the run ended early (e.g. the loss became NaN), translated in the UI by its code. */
  problem: contractErrorSchema.nullable(),
  elapsedMs: z.number(),
});
export type TrainingResult = z.infer<typeof trainingResultSchema>;

export const suggestionSchema = z.object({
  hiddenUnits: z.tuple([z.number().int(), z.number().int()]),
  hiddenParams: z.number().int(),
  outputParams: z.number().int(),
  totalParams: z.number().int(),
  arithmetic: z.string(),
  spec: modelSpecSchema,
});

/** One row of the perceptron rule's iteration table (src/shared/didactic/perceptronRule.ts). */
export const perceptronIterationSchema = z.object({
  iteration: z.number().int(),
  epoch: z.number().int(),
  patternIndex: z.number().int(),
  input: z.array(z.number()),
  weightedSum: z.number(),
  output: z.number(),
  target: z.number(),
  error: z.number(),
  newWeights: z.array(z.number()),
  newBias: z.number(),
  weightsChanged: z.boolean(),
  biasChanged: z.boolean(),
});

export const perceptronRequestSchema = z.object({
  patterns: z.array(z.object({ input: z.array(z.number()).min(1).max(10_000), target: z.union([z.literal(0), z.literal(1)]) })).min(1).max(100_000),
  initialWeights: z.array(z.number()).min(1).max(10_000),
  initialBias: z.number(),
  learningRate: z.number().positive().max(100).default(1),
  order: z.enum(['cycle', 'repeatUntilCorrect']).default('cycle'),
  maxIterations: z.number().int().min(1).max(100_000).default(1000),
});

const taskOnly = z.object({ taskId: taskIdSchema });
const controlResponse = z.object({ ok: z.boolean() });

export const trainingMethods = {
  /** Shapes, parameters, warnings and memory of a spec; a spec that cannot be built fails with the layer and numbers. */
  'model.describe': method(
    z.object({ spec: modelSpecSchema, trainingSamples: z.number().int().min(0).optional(), batchSize: z.number().int().min(1).default(32) }),
    modelDescriptionSchema,
  ),
  /** The course's rule of thumb: 2 hidden layers, powers of 2, half the features, then half again. */
  'model.suggest': method(z.object({ features: z.number().int().min(1).max(1_000_000), outputs: z.number().int().min(1).max(100_000) }), suggestionSchema),
  'model.preset': method(z.object({ id: z.enum(MODEL_PRESET_IDS) }), modelSpecSchema),
  /** Trains in a worker thread; resolves when training ends (completed, early-stopped, stopped or diverged). */
  'train.start': method(
    z.object({
      taskId: taskIdSchema,
      spec: modelSpecSchema,
      settings: trainingSettingsSchema,
      data: trainingDataRefSchema,
      backend: backendPreferenceSchema.default('auto'),
    }),
    trainingResultSchema,
  ),
  /** The perceptron learning rule w ← w + η (t - a) p, b ← b + η (t - a), every iteration recorded (seed 001). */
  'train.perceptron': method(
    perceptronRequestSchema,
    z.object({ iterations: z.array(perceptronIterationSchema), weights: z.array(z.number()), bias: z.number(), status: z.enum(['running', 'converged', 'maxIterations']), epochs: z.number().int() }),
  ),
  'train.pause': method(taskOnly, controlResponse),
  'train.resume': method(taskOnly, controlResponse),
  /** Ends training after the current batch, keeping the best weights and everything measured so far. */
  'train.stop': method(taskOnly, controlResponse),
};

export const trainingEvents = {
  'train.batch': trainBatchEventSchema,
  'train.epoch': trainEpochEventSchema,
  'train.inspection': trainInspectionEventSchema,
  'train.done': trainingResultSchema,
};
