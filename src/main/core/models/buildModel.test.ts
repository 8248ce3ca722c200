import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseModelSpec, type ModelSpecInput } from '../../../shared/models/modelSpec';
import { MODEL_PRESET_IDS, modelPresets } from '../../../shared/models/presets';
import { buildModel } from './buildModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const extra: Record<string, ModelSpecInput> = {
  everyActivation: {
    inputShape: [5],
    layers: [
      { type: 'dense', units: 4, activation: 'arctan' },
      { type: 'dense', units: 4, activation: { kind: 'leakyRelu', alpha: 0.1 } },
      { type: 'dense', units: 4, activation: { kind: 'prelu', alpha: 0.2 } },
      { type: 'dense', units: 4, activation: { kind: 'elu', alpha: 0.5 } },
      { type: 'dense', units: 3, activation: 'softplus', useBias: false },
      { type: 'dense', units: 3, activation: 'step' },
      { type: 'batchNorm' },
      { type: 'dropout', rate: 0.3 },
      { type: 'output', units: 2, activation: 'identity' },
    ],
  },
  convVariety: {
    inputShape: [21, 17, 3],
    layers: [
      { type: 'conv2d', filters: 4, kernelSize: [3, 5], strides: 2, padding: 'same', activation: { kind: 'prelu', alpha: 0.1 } },
      { type: 'batchNorm' },
      { type: 'conv2d', filters: 5, kernelSize: 3, dilation: 2, activation: 'tanh', useBias: false },
      { type: 'avgPool', poolSize: 3, strides: 1 },
      { type: 'flatten' },
      { type: 'output', units: 1, activation: 'sigmoid' },
    ],
  },
};

const cases = { ...Object.fromEntries(MODEL_PRESET_IDS.map((id) => [id, modelPresets[id]])), ...extra };

describe('buildModel', () => {
  for (const [id, input] of Object.entries(cases)) {
    it(`${id}: our shapes and parameter counts equal tfjs's`, () => {
      const { model, summary } = buildModel(parseModelSpec(input));
      expect(summary.totalParams).toBe(model.countParams());
      const trainable = model.trainableWeights.reduce((sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
      expect(summary.trainableParams).toBe(trainable);
      expect([null, ...summary.outputShape]).toEqual(model.outputs[0].shape);
      // Every spec layer's own output shape: the tfjs layer of the same name (before a separate activation layer, same shape).
      summary.layers.forEach((layer, index) => {
        const tfLayer = model.getLayer(`L${index + 1}_${layer.type}`);
        expect(tfLayer.outputShape).toEqual([null, ...layer.outputShape]);
      });
      const x = tf.ones([2, ...summary.inputShape]);
      const y = model.predict(x) as tf.Tensor;
      expect(y.shape).toEqual([2, ...summary.outputShape]);
      expect(Array.from(y.dataSync()).every(Number.isFinite)).toBe(true);
      tf.dispose([x, y]);
      model.dispose();
    });
  }

  it('the same seed gives the same initial weights; another seed different ones', () => {
    const spec = parseModelSpec({ ...modelPresets.mlp320_18_10, seed: 7 });
    const a = buildModel(spec).model.getWeights()[0].dataSync();
    const b = buildModel(spec).model.getWeights()[0].dataSync();
    const c = buildModel({ ...spec, seed: 8 })
      .model.getWeights()[0]
      .dataSync();
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('scales initial weights by the initializer scale (the x0.1 experiment)', () => {
    const base = parseModelSpec({ inputShape: [4], layers: [{ type: 'output', units: 3, activation: 'sigmoid' }] });
    const scaled = parseModelSpec({
      inputShape: [4],
      layers: [{ type: 'output', units: 3, activation: 'sigmoid', initializer: { method: 'glorotUniform', scale: 0.1 } }],
    });
    const w1 = buildModel(base).model.getWeights()[0].dataSync();
    const w2 = buildModel(scaled).model.getWeights()[0].dataSync();
    w1.forEach((w, i) => expect(w2[i]).toBeCloseTo(w * 0.1, 6));
  });

  it('computes arctan and step as the lecture defines them', () => {
    const spec = parseModelSpec({
      inputShape: [1],
      layers: [
        { type: 'dense', units: 1, activation: 'arctan', useBias: false, initializer: { method: 'uniform', scale: 0 } },
        { type: 'output', units: 1, activation: 'step', useBias: false },
      ],
    });
    const { model } = buildModel(spec);
    model.layers[0].setWeights([tf.tensor2d([[1]])]);
    model.getLayer('L2_output').setWeights([tf.tensor2d([[1]])]);
    const hidden = tf.model({ inputs: model.inputs, outputs: model.getLayer('L1_dense_activation').output as tf.SymbolicTensor });
    expect(Array.from((hidden.predict(tf.tensor2d([[1], [-2]])) as tf.Tensor).dataSync())).toEqual([
      Math.fround(Math.atan(1)),
      Math.fround(Math.atan(-2)),
    ]);
    expect(Array.from((model.predict(tf.tensor2d([[1], [-2], [0]])) as tf.Tensor).dataSync())).toEqual([1, 0, 0]);
  });
});
