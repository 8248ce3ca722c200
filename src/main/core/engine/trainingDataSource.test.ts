import { describe, expect, it } from 'vitest';
import type { ImageSummary, SplitResult, TableSummary } from '../../../shared/contract/datasets';
import { SinapsisError } from '../../../shared/contract/errors';
import { DatasetStore } from '../datasets/datasetStore';
import type { ImageDataset, TableDataset } from '../datasets/datasetTypes';
import { resolveTrainingData } from './trainingDataSource';

function split(datasetId: string, part: Partial<SplitResult>): SplitResult {
  return { datasetId, method: 'holdout', stratified: false, seed: 1, train: [], validation: [], test: [], folds: [], classCounts: {}, ...part } as SplitResult;
}

function table(lastSplit: SplitResult | null): TableDataset {
  return {
    kind: 'table',
    id: 't1',
    featureNames: ['a', 'b'],
    features: Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7]),
    rows: 4,
    targets: Float64Array.from([0, 1, 2, 1]),
    classNames: ['x', 'y', 'z'],
    summary: { task: 'classification' } as TableSummary,
    lastSplit,
  };
}

describe('resolveTrainingData', () => {
  it('inline rows with a stratified validation fraction', () => {
    const { data, folds } = resolveTrainingData(
      { kind: 'inline', features: [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [3, 3]], labels: [0, 1, 0, 1, 0, 1], validation: { kind: 'fraction', fraction: 0.5, seed: 1 } },
      [2],
      new DatasetStore(),
    );
    expect(data.features).toHaveLength(12);
    expect(folds).toHaveLength(1);
    expect(folds[0].train.length + folds[0].validation.length).toBe(6);
    expect(folds[0].validation.length).toBe(3);
  });

  it('inline k-fold gives k folds whose validation parts cover every row once', () => {
    const { folds } = resolveTrainingData({ kind: 'inline', features: Array.from({ length: 9 }, (_, i) => [i]), labels: Array.from({ length: 9 }, (_, i) => i % 3), validation: { kind: 'kFold', k: 3, seed: 2 } }, [1], new DatasetStore());
    expect(folds).toHaveLength(3);
    expect(folds.flatMap((f) => f.validation).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("a table dataset uses its last split and its class labels", () => {
    const store = new DatasetStore();
    store.put(table(split('t1', { train: [0, 1, 2], validation: [3] })));
    const { data, folds } = resolveTrainingData({ kind: 'dataset', datasetId: 't1' }, [2], store);
    expect(Array.from(data.labels!)).toEqual([0, 1, 2, 1]);
    expect(folds).toEqual([{ train: [0, 1, 2], validation: [3] }]);
  });

  it('refuses a dataset that was never split, and images of different sizes', () => {
    const store = new DatasetStore();
    store.put(table(null));
    expect(() => resolveTrainingData({ kind: 'dataset', datasetId: 't1' }, [2], store)).toThrow(/has not been split/);
    const image = (file: string, width: number) => ({ file, label: 0, width, height: 2, channels: 1 as const, pixels: new Uint8Array(width * 2).fill(255), hash: file });
    const images: ImageDataset = {
      kind: 'images',
      id: 'i1',
      root: '/x',
      classNames: ['a'],
      images: [image('a.png', 2), image('b.png', 3)],
      summary: {} as ImageSummary,
      lastSplit: split('i1', { train: [0, 1] }),
    };
    store.put(images);
    let error: unknown;
    try {
      resolveTrainingData({ kind: 'dataset', datasetId: 'i1' }, [2, 2, 1], store);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SinapsisError);
    expect((error as SinapsisError).message).toMatch(/b\.png is 3×2×1 but a\.png is 2×2×1/);
  });

  it('image pixels are scaled to 0..1 and shaped like the model input', () => {
    const store = new DatasetStore();
    const pixels = Uint8Array.from([0, 51, 102, 255]);
    store.put({ kind: 'images', id: 'i2', root: '/x', classNames: ['a', 'b'], images: [{ file: 'a.png', label: 1, width: 2, height: 2, channels: 1, pixels, hash: 'h' }], summary: {} as ImageSummary, lastSplit: split('i2', { train: [0] }) });
    const { data } = resolveTrainingData({ kind: 'dataset', datasetId: 'i2' }, [2, 2, 1], store);
    expect(data.sampleShape).toEqual([2, 2, 1]);
    expect(Array.from(data.features, (v) => Number(v?.toFixed(2)))).toEqual([0, 0.2, 0.4, 1]);
    expect(Array.from(data.labels!)).toEqual([1]);
  });
});
