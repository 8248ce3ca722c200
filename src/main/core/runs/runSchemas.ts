import { z } from 'zod';
import { scalingNameSchema } from '../../../shared/datasets/scaling';
import { biasVarianceSchema, diagnosisHintSchema } from '../../../shared/contract/diagnosisSchemas';
import { layerDeadUnitsSchema } from '../../../shared/contract/training';

/** What a run's `config.json` holds: everything needed to reproduce it and to write its report. */
export const runConfigSchema = z.object({
  formatVersion: z.literal(1),
  runId: z.string(),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string(), tfjs: z.string(), node: z.string(), platform: z.string(), electron: z.string().nullable() }),
  backend: z.string(),
  engine: z.string(),
  dataset: z.object({
    name: z.string(),
    kind: z.enum(['images', 'csv', 'builtin']),
    source: z.string(),
    fingerprint: z.string(),
    classes: z.array(z.string()),
    counts: z.array(z.number()),
    samples: z.number(),
    problems: z.array(z.object({ file: z.string(), reason: z.string() })),
  }),
  features: z.object({
    kind: z.enum(['hog', 'pixels', 'columns']),
    length: z.number(),
    /** HOG parameters, image size for pixels, or column names for tabular data. */
    details: z.record(z.string(), z.unknown()),
  }),
  preprocessing: z.object({ scaling: scalingNameSchema }),
  model: z.object({
    spec: z.unknown(),
    layers: z.array(z.object({ name: z.string(), type: z.string(), outputShape: z.array(z.number().nullable()), params: z.number(), activation: z.string().optional() })),
    totalParams: z.number(),
  }),
  training: z.object({
    optimizer: z.string(),
    learningRate: z.number(),
    /** Mini-batch SGD's momentum (absent in runs written before it was recorded). */
    momentum: z.number().optional(),
    batchSize: z.number(),
    epochs: z.number(),
    loss: z.string(),
    l2: z.number(),
    earlyStopping: z.object({ patience: z.number(), restoreBest: z.boolean() }).nullable(),
    seed: z.number(),
  }),
  /** Training images' random variants (absent in runs written before augmentation was recorded). */
  augmentation: z.object({ options: z.record(z.string(), z.unknown()), copies: z.number() }).nullable().optional(),
  split: z.object({
    kind: z.enum(['holdout', 'kfold']),
    ratios: z.array(z.number()),
    k: z.number().optional(),
    /** Sample indices of each part (holdout) or of each fold's test part (k-fold). */
    indices: z.record(z.string(), z.array(z.number())),
  }),
  /** Set on runs made by model.import: where the model came from (such a run was not trained here). */
  imported: z
    .object({ from: z.string(), at: z.string(), withPreprocessing: z.boolean(), sourceRunId: z.string().nullable() })
    .optional(),
});
export type RunConfig = z.infer<typeof runConfigSchema>;

const averagedSchema = z.object({ precision: z.number(), recall: z.number(), f1: z.number() });

/** What a run's `metrics.json` holds (the fields graders script against are documented in docs/runs-and-reports.md). */
export const runMetricsSchema = z.object({
  status: z.enum(['completed', 'stopped', 'failed']),
  accuracy: z.object({ train: z.number().nullable(), val: z.number().nullable(), test: z.number().nullable() }),
  loss: z.object({ train: z.number().nullable(), val: z.number().nullable(), test: z.number().nullable() }),
  confusionMatrix: z.object({ labels: z.array(z.string()), matrix: z.array(z.array(z.number())), split: z.string() }),
  perClass: z.array(z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number() })),
  macro: averagedSchema,
  weighted: averagedSchema,
  backend: z.string(),
  engine: z.string(),
  seed: z.number(),
  datasetFingerprint: z.string(),
  epochsRun: z.number(),
  bestEpoch: z.number().nullable(),
  seconds: z.number(),
  kfold: z
    .object({
      folds: z.array(z.object({ fold: z.number(), accuracy: z.number(), loss: z.number() })),
      accuracy: z.object({ mean: z.number(), std: z.number() }),
    })
    .nullable(),
  diagnosis: z.array(diagnosisHintSchema),
  /** Training against held-out error and its verdict (the same readout as the high-bias/high-variance hints); null for regression and in runs older than it. */
  biasVariance: biasVarianceSchema.nullable().default(null),
  /** Per hidden ReLU layer, the units that never fired on a training batch after the last epoch (empty in older runs). */
  deadUnits: z.array(layerDeadUnitsSchema).default([]),
  misclassified: z.array(
    z.object({ index: z.number(), file: z.string().nullable(), trueLabel: z.string(), predictedLabel: z.string(), probability: z.number() }),
  ),
});
export type RunMetrics = z.infer<typeof runMetricsSchema>;

/** One row of `history.csv`. Validation columns are empty without a validation split; `fold` is set in k-fold runs. */
export interface HistoryRow {
  [column: string]: number | null;
  fold: number | null;
  epoch: number;
  trainLoss: number;
  trainAccuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
  learningRate: number;
  seconds: number;
}

export const HISTORY_COLUMNS = ['fold', 'epoch', 'trainLoss', 'trainAccuracy', 'valLoss', 'valAccuracy', 'learningRate', 'seconds'] as const;
