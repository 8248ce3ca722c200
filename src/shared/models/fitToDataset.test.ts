import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../contract/datasets';
import type { FeatureChoice } from '../contract/experiment';
import { defaultFeatureChoice, featureInputShape } from '../features/featureShape';
import { datasetTraits, fitToDataset, type DatasetDependentChoices } from './fitToDataset';
import { parseModelSpec } from './modelSpec';
import { modelPresets } from './presets';

const images = (classes: number, side = 28) =>
  ({
    kind: 'images',
    name: 'digits',
    datasetId: 'd1',
    classes: Array.from({ length: classes }, (_, i) => ({ name: String(i), count: 50 })),
    total: 50 * classes,
    sizes: { mostCommon: { width: side, height: side, count: 50 * classes } },
    channels: { grey: 50 * classes, rgb: 0, colour: 0, withAlpha: 0, sixteenBit: 0 },
  }) as unknown as DatasetSummary;
const table = (columns: number, task: 'classification' | 'regression', classes = 0) =>
  ({
    kind: 'table',
    name: task === 'regression' ? 'casas' : 'wine',
    datasetId: 't1',
    features: Array.from({ length: columns }, (_, i) => `f${i}`),
    task,
    classes: Array.from({ length: classes }, (_, i) => ({ name: `c${i}`, count: 10 })),
  }) as unknown as DatasetSummary;

const pixels: FeatureChoice = { kind: 'pixels', resize: null, keepShape: true, colorMode: 'auto', resizeMode: 'stretch' };
const fit = (choices: DatasetDependentChoices, dataset: DatasetSummary, previous: DatasetSummary | null) =>
  fitToDataset(choices, dataset, previous && datasetTraits(previous), (features) =>
    featureInputShape(dataset, features ?? defaultFeatureChoice(dataset)),
  );

const lenet = (): DatasetDependentChoices => ({
  features: pixels,
  model: parseModelSpec(modelPresets.lenet28),
  followFeatures: true,
  loss: 'categoricalCrossEntropy',
});
const mlp = (): DatasetDependentChoices => ({
  features: null,
  model: parseModelSpec(modelPresets.mlp320_18_10),
  followFeatures: true,
  loss: 'categoricalCrossEntropy',
});

describe('fitToDataset', () => {
  it('images with raw pixels and a CNN, then a table: columns, the rule-of-thumb MLP, three softmax outputs', () => {
    const { choices, changes } = fit(lenet(), table(13, 'classification', 3), images(10));
    expect(choices.features).toBeNull();
    expect(choices.model.inputShape).toEqual([13]);
    expect(choices.model.layers.some((layer) => layer.type === 'conv2d')).toBe(false);
    expect(choices.model.layers.at(-1)).toMatchObject({ type: 'output', units: 3, activation: 'softmax' });
    expect(choices.loss).toBe('categoricalCrossEntropy');
    expect(changes.map((change) => change.kind)).toEqual(['features', 'model']);
    expect(changes[0]).toEqual({ kind: 'features', from: 'pixels', to: 'columns' });
    expect(changes[1]).toMatchObject({ kind: 'model', reason: 'needs-images', to: '13-8-4-3' });
  });

  it('classification, then regression: one identity output and MSE', () => {
    const { choices, changes } = fit(mlp(), table(8, 'regression'), images(10));
    expect(choices.model.inputShape).toEqual([8]);
    expect(choices.model.layers.at(-1)).toMatchObject({ units: 1, activation: 'identity' });
    expect(choices.loss).toBe('mse');
    expect(changes).toEqual([
      { kind: 'input', from: [320], to: [8] },
      { kind: 'output', from: 10, to: 1, task: 'regression' },
      { kind: 'outputActivation', from: 'softmax', to: 'identity', task: 'regression' },
      { kind: 'loss', from: 'categoricalCrossEntropy', to: 'mse', reason: 'task' },
    ]);
  });

  it('regression, then classification: softmax over the classes and cross-entropy', () => {
    const regression = fit(mlp(), table(8, 'regression'), null).choices;
    const { choices, changes } = fit(regression, table(4, 'classification', 3), table(8, 'regression'));
    expect(choices.model.layers.at(-1)).toMatchObject({ units: 3, activation: 'softmax' });
    expect(choices.loss).toBe('categoricalCrossEntropy');
    expect(changes.map((change) => change.kind)).toEqual(['input', 'output', 'outputActivation', 'loss']);
  });

  it('a table, then images: HOG features again; the MLP input follows them', () => {
    const onTable: DatasetDependentChoices = {
      ...mlp(),
      features: { kind: 'columns' },
      model: { ...mlp().model, inputShape: [13] },
      followFeatures: false,
    };
    const { choices, changes } = fit(onTable, images(10, 20), table(13, 'classification', 3));
    expect(choices.features).toBeNull();
    expect(choices.followFeatures).toBe(true);
    // 20x20 grey images, the lab HOG: 4x4 cells, 2x2 blocks, 8 bins.
    expect(choices.model.inputShape).toEqual(featureInputShape(images(10, 20), defaultFeatureChoice(images(10, 20))));
    expect(changes[0]).toEqual({ kind: 'features', from: 'columns', to: 'hog' });
    expect(changes[1]).toMatchObject({ kind: 'input', from: [13] });
  });

  it('fewer classes: the output shrinks; binary cross-entropy with more than two classes becomes categorical', () => {
    const binary: DatasetDependentChoices = {
      ...mlp(),
      model: {
        ...mlp().model,
        layers: [
          ...mlp().model.layers.slice(0, -1),
          { type: 'output', units: 1, activation: 'sigmoid', useBias: true, initializer: { method: 'glorotUniform', scale: 1 } },
        ],
      },
      loss: 'binaryCrossEntropy',
    };
    const { choices, changes } = fit(binary, images(4), images(2));
    expect(choices.model.layers.at(-1)).toMatchObject({ units: 4, activation: 'sigmoid' });
    expect(choices.loss).toBe('categoricalCrossEntropy');
    expect(changes.at(-1)).toEqual({ kind: 'loss', from: 'binaryCrossEntropy', to: 'categoricalCrossEntropy', reason: 'pairing' });
  });

  it('changes nothing that still fits (same kind of data again, or a deliberate MSE on classes)', () => {
    expect(fit(mlp(), images(10, 12 * 2), images(10)).changes.filter((change) => change.kind !== 'input')).toEqual([]);
    const mse = { ...mlp(), loss: 'mse' as const };
    expect(fit(mse, images(10), images(10)).choices.loss).toBe('mse');
    const onWine = fit(mlp(), table(13, 'classification', 3), null).choices;
    expect(fit(onWine, table(13, 'classification', 3), table(13, 'classification', 3)).changes).toEqual([]);
  });
});
