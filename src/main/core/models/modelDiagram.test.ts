import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutModelDiagram, diagramShapeText } from '../../../shared/models/modelDiagram';
import { parseModelSpec } from '../../../shared/models/modelSpec';
import { modelPresets } from '../../../shared/models/presets';
import { buildModel } from './buildModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const labels = {
  input: 'Input',
  layerType: {
    dense: 'Dense',
    conv2d: '2D convolution',
    maxPool: 'Max pooling',
    avgPool: 'Average pooling',
    flatten: 'Flatten',
    dropout: 'Dropout',
    batchNorm: 'Batch normalization',
    output: 'Output layer',
  },
  params: (_count: number, formatted: string) => `${formatted} parameters`,
  noParams: 'no parameters',
  title: 'Network diagram',
};

/** The diagram against tfjs's own model.summary(): the same output shape and parameter count for every layer. */
describe('model diagram against tfjs', () => {
  for (const id of ['lenet28', 'mlp320_18_10', 'cnnDesign28'] as const) {
    it(`${id}: each column's shape and parameters are tfjs's`, () => {
      const { model, summary } = buildModel(parseModelSpec(modelPresets[id]));
      const layout = layoutModelDiagram({
        spec: parseModelSpec(modelPresets[id]),
        layers: summary.layers,
        failedLayer: null,
        sample: null,
        labels,
        language: 'en',
      });
      const columns = layout.columns.slice(1);
      expect(columns).toHaveLength(summary.layers.length);
      columns.forEach((column, index) => {
        const tfLayer = model.getLayer(`L${index + 1}_${summary.layers[index].type}`);
        expect(column.params).toBe(tfLayer.countParams());
        expect(column.shapeText).toBe(diagramShapeText((tfLayer.outputShape as (number | null)[]).slice(1) as number[]));
      });
      expect(columns.reduce((sum, column) => sum + (column.params ?? 0), 0)).toBe(model.countParams());
      model.dispose();
    });
  }
});
