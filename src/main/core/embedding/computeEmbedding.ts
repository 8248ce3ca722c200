import { SinapsisError } from '../../../shared/contract/errors';
import {
  EMBEDDING_MAX_SAMPLES,
  EMBEDDING_MIN_SAMPLES,
  type EmbeddingMethod,
  type EmbeddingResult,
  type EmbeddingStage,
} from '../../../shared/contract/embedding';
import type { EmbeddingInput } from './embeddingSamples';
import { runEmbedJob } from './runEmbedJob';

const METHOD_NAMES = { pca: 'PCA', tsne: 't-SNE', umap: 'UMAP' } as const satisfies Record<EmbeddingMethod, string>;

/** Refuses a map of too few samples to mean anything, or of more than the method's limit. */
export function checkSampleCount(samples: number, method: EmbeddingMethod): void {
  if (samples < EMBEDDING_MIN_SAMPLES) {
    throw new SinapsisError(
      'embedding-too-few-samples',
      `There are ${samples} samples; a feature map needs at least ${EMBEDDING_MIN_SAMPLES}. Load a dataset with more samples.`,
      { samples, minimum: EMBEDDING_MIN_SAMPLES },
    );
  }
  const limit = EMBEDDING_MAX_SAMPLES[method];
  if (samples > limit) {
    throw new SinapsisError(
      'embedding-too-many-samples',
      `${METHOD_NAMES[method]} maps at most ${limit} samples here and this data has ${samples}. Choose PCA, which takes up to ${EMBEDDING_MAX_SAMPLES.pca}, or load a subset of the data.`,
      { method: METHOD_NAMES[method], samples, limit, pcaLimit: EMBEDDING_MAX_SAMPLES.pca },
    );
  }
}

/** Places the samples with the method (in a worker thread) and joins each point's coordinates to what it carries. */
export async function computeEmbedding(
  input: EmbeddingInput,
  method: EmbeddingMethod,
  seed: number,
  options: { signal: AbortSignal; onProgress: (stage: EmbeddingStage, done: number, total: number) => void },
): Promise<EmbeddingResult> {
  checkSampleCount(input.matrix.rows, method);
  const started = performance.now();
  const output = await runEmbedJob({ matrix: input.matrix, method, seed, standardize: input.standardize }, options);
  const { coordinates } = output;
  return {
    method,
    seed,
    points: input.points.map((point, row) => ({ ...point, x: coordinates[2 * row], y: coordinates[2 * row + 1] })),
    classNames: input.classNames,
    dimensions: input.matrix.columns,
    explainedVariance: output.explainedVariance,
    layers: input.layers,
    layer: input.layer,
    seconds: (performance.now() - started) / 1000,
  };
}
