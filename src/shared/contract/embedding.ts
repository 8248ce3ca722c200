import { z } from 'zod';
import { seedSchema } from '../seedSchema';
import { datasetIdSchema } from './datasets';
import { method } from './define';
import { featureChoiceSchema } from './experiment';
import { runIdSchema } from './runId';
import { taskIdSchema } from './tasks';
import { viewedWorkspaceSchema } from './workspaces';

/**
 * The feature map (Características and Evaluación, `sinapsis embed`): every sample of a dataset's features or of a
 * trained run's layer activations placed on a plane by PCA, t-SNE or UMAP (core/embedding). See docs/embedding.md.
 */

export const EMBEDDING_METHODS = ['pca', 'tsne', 'umap'] as const;
export const embeddingMethodSchema = z.enum(EMBEDDING_METHODS);
export type EmbeddingMethod = z.infer<typeof embeddingMethodSchema>;

/** Seed of t-SNE's and UMAP's random start when the request names none (PCA has no randomness). */
export const EMBEDDING_DEFAULT_SEED = 0;
/** Below this many samples a map says nothing (t-SNE's perplexity 30 needs ~3·30 neighbours to mean what it says). */
export const EMBEDDING_MIN_SAMPLES = 5;
/**
 * Most samples one map takes, per method: t-SNE's time grows as n·log n per iteration for 1,000 iterations (10,000
 * samples take about twice the 5,000 that must fit in 10 s on a 2-core machine), UMAP's neighbour graph in memory;
 * PCA is linear in n. Past a limit the request is refused, saying to choose PCA or fewer samples.
 */
export const EMBEDDING_MAX_SAMPLES = { pca: 200_000, tsne: 10_000, umap: 20_000 } as const satisfies Record<EmbeddingMethod, number>;

/** The split parts of a run a sample can belong to; `null` in k-fold runs (every sample was tested once). */
export const embeddingPartSchema = z.enum(['train', 'validation', 'test']);
export type EmbeddingPart = z.infer<typeof embeddingPartSchema>;

export const embeddingSourceSchema = z.discriminatedUnion('kind', [
  /** A loaded dataset's features, computed as Características and the experiment compute them. */
  z.object({ kind: z.literal('dataset'), datasetId: datasetIdSchema, features: featureChoiceSchema }),
  /**
   * A run's layer activations for its own samples. `datasetId` is the loaded dataset the run was trained on (its
   * fingerprint must match the run's); `layer` indexes `layers` of the answer (default: the last hidden layer).
   */
  z.object({
    kind: z.literal('run'),
    runId: runIdSchema,
    datasetId: datasetIdSchema,
    layer: z.number().int().nonnegative().max(10_000).optional(),
    ...viewedWorkspaceSchema.shape,
  }),
]);
export type EmbeddingSource = z.infer<typeof embeddingSourceSchema>;

/** One layer of a run's model whose output can be mapped. */
export const embeddingLayerSchema = z.object({
  /** Index in the model's layer list (tfjs `model.layers`), what `source.layer` takes. */
  index: z.number().int().nonnegative(),
  name: z.string(),
  /** tfjs class name, e.g. Dense, Conv2D, Flatten. */
  type: z.string(),
  /** Values per sample (a conv layer's output is flattened). */
  units: z.number().int().positive(),
  /** The output layer (its values are the class scores). */
  output: z.boolean(),
});
export type EmbeddingLayer = z.infer<typeof embeddingLayerSchema>;

export const embeddingPointSchema = z.object({
  x: z.number(),
  y: z.number(),
  /** Position of the sample in its dataset (for a table, its row; for images, the index in the loaded dataset). */
  index: z.number().int().nonnegative(),
  /** The image's relative path in the dataset, as `dataset.image` and the prediction gallery take it; null for a table row. */
  file: z.string().nullable(),
  /** True class, index into `classNames`; null for regression targets. */
  classIndex: z.number().int().nullable(),
  /** Run sources only: the part of the split the sample was in (null in k-fold runs). */
  part: embeddingPartSchema.nullable().optional(),
  /** Run sources only: the class the model predicts. */
  predictedIndex: z.number().int().optional(),
});
export type EmbeddingPoint = z.infer<typeof embeddingPointSchema>;

export const embeddingResultSchema = z.object({
  method: embeddingMethodSchema,
  seed: z.number().int(),
  points: z.array(embeddingPointSchema),
  classNames: z.array(z.string()),
  /** Values per sample that were mapped. */
  dimensions: z.number().int().positive(),
  /** PCA only: the fraction of the variance each of the two axes explains. */
  explainedVariance: z.tuple([z.number(), z.number()]).nullable(),
  /** Run sources: the layers that can be mapped, and the one mapped; null for datasets. */
  layers: z.array(embeddingLayerSchema).nullable(),
  layer: embeddingLayerSchema.nullable(),
  seconds: z.number().nonnegative(),
});
export type EmbeddingResult = z.infer<typeof embeddingResultSchema>;

/** What the core is doing: computing features or activations, then the method's own steps (t-SNE's iterations). */
export const EMBEDDING_STAGES = ['features', 'activations', 'neighbours', 'optimise'] as const;
export const embeddingStageSchema = z.enum(EMBEDDING_STAGES);
export type EmbeddingStage = z.infer<typeof embeddingStageSchema>;

export const embeddingProgressEventSchema = z.object({
  taskId: taskIdSchema,
  stage: embeddingStageSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type EmbeddingProgressEvent = z.infer<typeof embeddingProgressEventSchema>;

export const embeddingMethods = {
  /**
   * Places every sample on a plane; streams `embedding.progress`, cancellable with `task.cancel`. Refused with a
   * translated code for a run without a model, a layer out of range, fewer than EMBEDDING_MIN_SAMPLES samples or
   * more than the method's EMBEDDING_MAX_SAMPLES.
   */
  'embedding.compute': method(
    z.object({
      taskId: taskIdSchema,
      source: embeddingSourceSchema,
      method: embeddingMethodSchema.default('pca'),
      seed: seedSchema.default(EMBEDDING_DEFAULT_SEED),
    }),
    embeddingResultSchema,
  ),
  /** The layers of a run's model that can be mapped, and the default one (the last hidden layer). */
  'embedding.layers': method(
    z.object({ runId: runIdSchema, ...viewedWorkspaceSchema.shape }),
    z.object({ layers: z.array(embeddingLayerSchema), defaultLayer: z.number().int().nonnegative() }),
  ),
};

export const embeddingEvents = {
  'embedding.progress': embeddingProgressEventSchema,
};
