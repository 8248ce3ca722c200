import { z } from 'zod';

/**
 * The parts of a run's metrics.json and config.json the evaluation views read. The core validates both files
 * when it writes and reads them (core/runs/runSchemas.ts); these mirror the fields used here, so that an older
 * or partial run still opens with what it has.
 */
const averagedSchema = z.object({ precision: z.number(), recall: z.number(), f1: z.number() });

export const runMetricsViewSchema = z.object({
  status: z.string(),
  accuracy: z.object({ train: z.number().nullable(), val: z.number().nullable(), test: z.number().nullable() }),
  loss: z.object({ train: z.number().nullable(), val: z.number().nullable(), test: z.number().nullable() }),
  confusionMatrix: z.object({ labels: z.array(z.string()), matrix: z.array(z.array(z.number())), split: z.string() }),
  perClass: z.array(z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number() })),
  macro: averagedSchema,
  weighted: averagedSchema,
  backend: z.string(),
  engine: z.string(),
  epochsRun: z.number(),
  bestEpoch: z.number().nullable(),
  seconds: z.number(),
  kfold: z
    .object({
      folds: z.array(z.object({ fold: z.number(), accuracy: z.number(), loss: z.number() })),
      accuracy: z.object({ mean: z.number(), std: z.number() }),
    })
    .nullable()
    .default(null),
  diagnosis: z.array(z.object({ code: z.string(), severity: z.string(), params: z.record(z.string(), z.number()), message: z.string() })).default([]),
});
export type RunMetricsView = z.infer<typeof runMetricsViewSchema>;

export const runConfigViewSchema = z.object({
  dataset: z.object({ name: z.string(), fingerprint: z.string(), classes: z.array(z.string()), samples: z.number() }).partial().default({}),
  features: z.object({ kind: z.string(), length: z.number(), details: z.record(z.string(), z.unknown()) }).partial().default({}),
  model: z.object({ spec: z.unknown(), totalParams: z.number(), layers: z.array(z.object({ type: z.string() })) }).partial().default({}),
  training: z
    .object({ optimizer: z.string(), learningRate: z.number(), batchSize: z.number(), epochs: z.number(), loss: z.string(), l2: z.number(), seed: z.number() })
    .partial()
    .default({}),
  split: z.object({ kind: z.string(), k: z.number().optional() }).partial().default({}),
  /** Present on runs made by model.import. */
  imported: z.object({ from: z.string() }).optional(),
});
export type RunConfigView = z.infer<typeof runConfigViewSchema>;

/** Row-normalized confusion matrix: each row divided by its total (the recall of that class on the diagonal). */
export function rowNormalize(matrix: number[][]): number[][] {
  return matrix.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((value) => (total ? value / total : 0));
  });
}

/** Model name of a stored spec, if it has one. */
export function specName(spec: unknown): string | null {
  const parsed = z.object({ name: z.string() }).safeParse(spec);
  return parsed.success && parsed.data.name ? parsed.data.name : null;
}

/** Whether a run's model has convolutional layers (its filters and feature maps can be shown). */
export function hasConvLayers(config: RunConfigView): boolean {
  return (config.model.layers ?? []).some((layer) => layer.type.toLowerCase() === 'conv2d');
}
