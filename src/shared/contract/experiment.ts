import { z } from 'zod';
import { backendPreferenceSchema } from './app';
import { augmentOptionsSchema, datasetIdSchema, splitMethodSchema } from './datasets';
import { method } from './define';
import { hogPipelineSchema } from './features';
import { scalingNameSchema } from '../datasets/scaling';
import { colorModeSchema, MAX_PIXEL_SIDE, resizeModeSchema } from '../features/pixelOptions';
import { languageSchema, runIdSchema } from './runId';
import { contractErrorSchema } from './errors';
import { taskIdSchema } from './tasks';
import { LAB_SPLIT } from '../datasets/splits';
import { modelSpecSchema } from '../models/modelSpec';
import { trainingSettingsSchema } from '../models/trainingSettings';
import { trainBatchEventSchema, trainEpochEventSchema, trainInspectionEventSchema } from './training';

/**
 * How samples become vectors: HOG of each image (skimage-compatible), the raw pixels of each image
 * (grey or RGB, optionally resized, scaled to 0..1), or the numeric columns of a table.
 */
export const featureChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hog'), pipeline: hogPipelineSchema.default(hogPipelineSchema.parse({})) }),
  z.object({
    kind: z.literal('pixels'),
    resize: z
      .object({ width: z.number().int().min(1).max(MAX_PIXEL_SIDE), height: z.number().int().min(1).max(MAX_PIXEL_SIDE) })
      .nullable()
      .default(null),
    /** Keep the image shape [h, w, channels] for CNNs instead of a flat vector. */
    keepShape: z.boolean().default(false),
    /** RGB, grey, or RGB when the dataset has colour (see pixelOptions.ts). */
    colorMode: colorModeSchema.default('auto'),
    /** How `resize` treats another aspect: stretch, centre crop or letterbox. */
    resizeMode: resizeModeSchema.default('stretch'),
  }),
  z.object({ kind: z.literal('columns') }),
]);
export type FeatureChoice = z.infer<typeof featureChoiceSchema>;

export const experimentSplitSchema = z.object({
  method: splitMethodSchema.default(LAB_SPLIT.method),
  train: z.number().gt(0).lt(1).optional(),
  validation: z.number().min(0).lt(1).optional(),
  test: z.number().gt(0).lt(1).optional(),
  folds: z.number().int().min(2).max(100).default(LAB_SPLIT.folds),
  stratified: z.boolean().default(LAB_SPLIT.stratified),
});

export const experimentRequestSchema = z.object({
  taskId: taskIdSchema,
  datasetId: datasetIdSchema,
  features: featureChoiceSchema,
  /** Fitted on the training part only (never on validation or test data). */
  scaling: scalingNameSchema.default('zscore'),
  split: experimentSplitSchema.default(experimentSplitSchema.parse({})),
  model: modelSpecSchema,
  training: trainingSettingsSchema.default(trainingSettingsSchema.parse({})),
  backend: backendPreferenceSchema.default('auto'),
  /** Misclassified test samples kept in metrics.json for the gallery and the report. */
  misclassifiedSample: z.number().int().min(0).max(500).default(24),
  /**
   * Random variants of every training image (rotation, shift, zoom, flip, brightness, contrast, noise) added to
   * the training part only; null trains on the images as they are. Images only.
   */
  augmentation: z
    .object({ options: augmentOptionsSchema, copies: z.number().int().min(1).max(10).default(1) })
    .nullable()
    .default(null),
  /** Language of the report.html written with the run (Informe re-renders it in any language). */
  language: languageSchema.default('es'),
});
export type ExperimentRequest = z.infer<typeof experimentRequestSchema>;

/** `queued`: waiting for a free place to train (a lab server trains at most one experiment per processor core). */
export const experimentPhaseSchema = z.enum(['preparing', 'queued', 'features', 'training', 'evaluating', 'writing']);

export const experimentProgressEventSchema = z.object({
  taskId: taskIdSchema,
  runId: runIdSchema,
  phase: experimentPhaseSchema,
  /** 1-based fold in k-fold runs, null otherwise. */
  fold: z.number().int().nullable(),
  folds: z.number().int().nullable(),
  /** Feature extraction: images described so far, of `total`. */
  done: z.number().int().optional(),
  total: z.number().int().optional(),
  /** While queued: this experiment's place in line (1 = next to start). */
  position: z.number().int().positive().optional(),
});

export const experimentResultSchema = z.object({
  runId: runIdSchema,
  dir: z.string(),
  status: z.enum(['completed', 'stopped', 'failed']),
  accuracy: z.object({ train: z.number().nullable(), val: z.number().nullable(), test: z.number().nullable() }),
  engine: z.string(),
  backend: z.string(),
  /** Threads that trained the last run (2: data-parallel, docs/training.md); absent when read back from a runs list. */
  workers: z.number().int().min(1).max(2).optional(),
  epochsRun: z.number().int(),
  seconds: z.number(),
  /** Why the run ended early (e.g. the loss became NaN), with what to try; null when it did not. */
  problem: contractErrorSchema.nullable(),
});
export type ExperimentResult = z.infer<typeof experimentResultSchema>;

/** One test sample's prediction, for the confusion-matrix gallery and top-k views. */
export const predictionSchema = z.object({
  index: z.number().int(),
  file: z.string().nullable(),
  trueClass: z.number().int(),
  predictedClass: z.number().int(),
  probabilities: z.array(z.number()),
});

/**
 * One event a running experiment streamed, kept by the core so that a page that reattaches can replay it (the
 * epoch events with their live diagnosis).
 */
export const journalEventSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('experiment.progress'), payload: experimentProgressEventSchema }),
  z.object({ name: z.literal('train.epoch'), payload: trainEpochEventSchema }),
  z.object({ name: z.literal('train.batch'), payload: trainBatchEventSchema }),
  z.object({ name: z.literal('train.inspection'), payload: trainInspectionEventSchema }),
]);
export type JournalEvent = z.infer<typeof journalEventSchema>;

/** An experiment still training in this workspace, whichever page started it. */
export const activeExperimentSchema = z.object({
  taskId: taskIdSchema,
  status: z.enum(['running', 'paused', 'stopping']),
  epochsPlanned: z.number().int(),
  /** What it streamed so far, oldest first (the latest batches only). */
  events: z.array(journalEventSchema),
});
export type ActiveExperiment = z.infer<typeof activeExperimentSchema>;

/** Sent to every page of the workspace when an experiment ends: its result, or why it failed. */
export const experimentDoneEventSchema = z.object({
  taskId: taskIdSchema,
  result: experimentResultSchema.nullable(),
  error: contractErrorSchema.nullable(),
});

export const experimentMethods = {
  /**
   * Features -> split -> scaling -> training -> evaluation -> run folder, as one cancellable task. Streams
   * `experiment.progress` and the trainer's `train.batch` / `train.epoch` events (same taskId); pause, resume
   * and stop go through `train.pause` / `train.resume` / `train.stop` with that taskId.
   */
  'experiment.run': method(experimentRequestSchema, experimentResultSchema),
  /** Per-sample test predictions of a run (written as predictions.json in its folder). */
  /** The experiments still training in this workspace, with their curves so far: what a reloaded page reattaches to. */
  'experiment.active': method(z.object({}), z.object({ experiments: z.array(activeExperimentSchema) })),
};

export const experimentEvents = {
  'experiment.progress': experimentProgressEventSchema,
  'experiment.done': experimentDoneEventSchema,
};
