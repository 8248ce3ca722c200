import { describe, expect, it } from 'vitest';
import { rowNormalize, runConfigViewSchema, runMetricsViewSchema, specName } from './runDetails';

describe('run details', () => {
  it('row-normalizes a confusion matrix, leaving empty rows at 0', () => {
    expect(rowNormalize([[3, 1], [0, 0]])).toEqual([[0.75, 0.25], [0, 0]]);
  });

  it('reads partial configs and metrics without k-fold or diagnosis', () => {
    expect(runConfigViewSchema.parse({}).training).toEqual({});
    const metrics = runMetricsViewSchema.parse({
      status: 'completed',
      accuracy: { train: 1, val: null, test: 0.9 },
      loss: { train: 0.1, val: null, test: 0.3 },
      confusionMatrix: { labels: ['a'], matrix: [[1]], split: 'test' },
      perClass: [],
      macro: { precision: 1, recall: 1, f1: 1 },
      weighted: { precision: 1, recall: 1, f1: 1 },
      backend: 'wasm',
      engine: 'didactic',
      epochsRun: 3,
      bestEpoch: 3,
      seconds: 1,
    });
    expect(metrics.kfold).toBeNull();
    expect(metrics.diagnosis).toEqual([]);
    expect(specName({ name: 'MLP' })).toBe('MLP');
    expect(specName(null)).toBeNull();
  });
});
