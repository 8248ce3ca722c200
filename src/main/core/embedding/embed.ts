import { assertNever } from '../../../shared/assertNever';
import type { EmbeddingMethod, EmbeddingStage } from '../../../shared/contract/embedding';
import { standardized, type Matrix } from './matrix';
import { pca } from './pca';
import { tsne } from './tsne';
import { umap } from './umap';

export interface EmbedJob {
  matrix: Matrix;
  method: EmbeddingMethod;
  seed: number;
  standardize: boolean;
}

export interface EmbedOutput {
  /** rows × 2 coordinates, row-major. */
  coordinates: Float64Array;
  explainedVariance: [number, number] | null;
}

/** Two columns from PCA's one or two (a one-column table maps onto a line: y = 0). */
function twoColumns(scores: Float64Array, count: number, rows: number): Float64Array {
  if (count === 2) return scores;
  const out = new Float64Array(rows * 2);
  for (let r = 0; r < rows; r++) out[2 * r] = scores[r];
  return out;
}

/** The chosen method on the (optionally standardised) matrix: synchronous, so it runs in a worker (embedWorker.ts). */
export function embed(job: EmbedJob, onProgress: (stage: EmbeddingStage, done: number, total: number) => void): EmbedOutput {
  const matrix = job.standardize ? standardized(job.matrix) : job.matrix;
  switch (job.method) {
    case 'pca': {
      const result = pca(matrix, 2);
      onProgress('optimise', 1, 1);
      return {
        coordinates: twoColumns(result.scores, result.count, matrix.rows),
        explainedVariance: [result.explained[0] ?? 0, result.explained[1] ?? 0],
      };
    }
    case 'tsne':
      return { coordinates: tsne(matrix, { seed: job.seed, onProgress }).coordinates, explainedVariance: null };
    case 'umap':
      return { coordinates: umap(matrix, { seed: job.seed, onProgress }), explainedVariance: null };
    default:
      return assertNever(job.method);
  }
}
