import { describe, expect, it } from 'vitest';
import { EMBEDDING_MAX_SAMPLES } from '../../../shared/contract/embedding';
import { checkSampleCount } from './computeEmbedding';
import { embed } from './embed';

describe('feature map limits and shapes', () => {
  it('takes up to each method’s limit and refuses one more, naming the limit and PCA’s', () => {
    expect(() => checkSampleCount(EMBEDDING_MAX_SAMPLES.tsne, 'tsne')).not.toThrow();
    expect(() => checkSampleCount(EMBEDDING_MAX_SAMPLES.tsne + 1, 'tsne')).toThrow(
      expect.objectContaining({
        code: 'embedding-too-many-samples',
        params: {
          method: 't-SNE',
          samples: EMBEDDING_MAX_SAMPLES.tsne + 1,
          limit: EMBEDDING_MAX_SAMPLES.tsne,
          pcaLimit: EMBEDDING_MAX_SAMPLES.pca,
        },
      }),
    );
    expect(() => checkSampleCount(4, 'pca')).toThrow(expect.objectContaining({ code: 'embedding-too-few-samples' }));
  });

  it('PCA of one z-scored column lies on the x axis; a constant column adds nothing', () => {
    const values = Float64Array.from([1, 5, 2, 5, 3, 5, 4, 5, 5, 5, 6, 5]);
    const { coordinates, explainedVariance } = embed(
      { matrix: { rows: 6, columns: 2, values }, method: 'pca', seed: 0, standardize: true },
      () => {},
    );
    expect(explainedVariance?.[0]).toBeCloseTo(1, 12);
    for (let r = 0; r < 6; r++) expect(Math.abs(coordinates[2 * r + 1])).toBeLessThan(1e-12);
    // z-scores of 1..6, sign flipped so the largest |score| is positive.
    const z = [1, 2, 3, 4, 5, 6].map((v) => (v - 3.5) / Math.sqrt(35 / 12));
    const x = Array.from({ length: 6 }, (_, r) => coordinates[2 * r]);
    const sign = Math.sign(x[5]) || 1;
    x.forEach((value, r) => expect(sign * value).toBeCloseTo(z[r], 10));
  });
});
