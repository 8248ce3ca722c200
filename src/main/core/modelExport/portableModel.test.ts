import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { portableModel, samePadding } from './portableModel';

/** What the exporters refuse before writing anything, and TensorFlow's 'same' padding written out. */
describe('portableModel', () => {
  it("writes out TensorFlow's 'same' padding: the odd pixel at the bottom and right, none for 'valid'", () => {
    expect(samePadding('same', [20, 20], [3, 3], [1, 1], [1, 1])).toEqual({ top: 1, bottom: 1, left: 1, right: 1 });
    expect(samePadding('same', [20, 20], [3, 3], [2, 2], [1, 1])).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
    expect(samePadding('same', [10, 9], [3, 2], [1, 1], [1, 1])).toEqual({ top: 1, bottom: 1, left: 0, right: 1 });
    expect(samePadding('same', [8, 8], [3, 3], [1, 1], [2, 2])).toEqual({ top: 2, bottom: 2, left: 2, right: 2 });
    expect(samePadding('valid', [20, 20], [3, 3], [1, 1], [1, 1])).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });

  it('splits a fused activation into its own layer and keeps each layer name and shape', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [6, 6, 2], filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', name: 'c' }),
        tf.layers.flatten({ name: 'f' }),
        tf.layers.dense({ units: 2, activation: 'softmax', name: 'd' }),
      ],
    });
    const portable = portableModel(model);
    expect(portable.layers.map((l) => `${l.kind}:${l.name}:${l.outputShape.join('x')}`)).toEqual([
      'conv2d:c:6x6x3',
      'activation:c_relu:6x6x3',
      'flatten:f:108',
      'dense:d:2',
      'activation:d_softmax:2',
    ]);
    expect(portable.inputShape).toEqual([6, 6, 2]);
    model.dispose();
  });

  it('refuses, naming the layer, a dense layer on an image, a capped ReLU and an activation it has no equivalent for', () => {
    const cases: [tf.layers.Layer[], string, Record<string, string>][] = [
      [
        [tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, name: 'c' }), tf.layers.dense({ units: 2, name: 'd' })],
        'export-dense-on-image',
        { layer: 'd' },
      ],
      [
        [tf.layers.dense({ inputShape: [3], units: 2, name: 'd' }), tf.layers.reLU({ maxValue: 6, name: 'r6' })],
        'export-activation-unsupported',
        { layer: 'r6' },
      ],
      [
        [tf.layers.dense({ inputShape: [3], units: 2, activation: 'selu', name: 's' })],
        'export-activation-unsupported',
        { layer: 's', activation: 'selu' },
      ],
    ];
    for (const [layers, code, params] of cases) {
      const model = tf.sequential({ layers });
      expect(() => portableModel(model)).toThrow(expect.objectContaining({ code, params: expect.objectContaining(params) }));
      model.dispose();
    }
  });
});
