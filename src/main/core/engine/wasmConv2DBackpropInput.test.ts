import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backends';
import { lastConv2DBackpropInputPath, registerWasmConv2DBackpropInput } from './wasmConv2DBackpropInput';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';

beforeAll(async () => {
  await initBackend('wasm');
  registerWasmConv2DBackpropInput();
});

function randomTensor(shape: number[], seed: number): { values: Float32Array; shape: number[] } {
  const random = createSeededRandom(seed);
  return { values: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.uniform(-1, 1)), shape };
}

async function inputGradient(
  backend: 'wasm' | 'cpu',
  x: { values: Float32Array; shape: number[] },
  w: { values: Float32Array; shape: number[] },
  strides: number,
  pad: 'same' | 'valid',
): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const filter = tf.tensor4d(w.values, w.shape as [number, number, number, number]);
    // A random weighting of the outputs makes dy random too, so every filter tap is checked.
    const grad = tf.grad((input: tf.Tensor) => {
      const y = tf.conv2d(input as tf.Tensor4D, filter, strides, pad);
      return tf.sum(tf.mul(y, tf.randomUniform(y.shape, -1, 1, 'float32', 7)));
    })(tf.tensor(x.values, x.shape));
    return grad.dataSync() as Float32Array;
  });
}

describe('wasm Conv2DBackpropInput through Conv2D', () => {
  const cases = [
    { x: [2, 7, 6, 3], w: [3, 3, 3, 4], strides: 1, pad: 'same' as const, path: 'conv2d' },
    { x: [1, 8, 8, 2], w: [5, 3, 2, 3], strides: 1, pad: 'valid' as const, path: 'conv2d' },
    { x: [2, 6, 6, 4], w: [2, 2, 4, 2], strides: 1, pad: 'same' as const, path: 'conv2d' },
    { x: [1, 9, 9, 2], w: [3, 3, 2, 2], strides: 2, pad: 'same' as const, path: 'original' },
  ];
  for (const c of cases) {
    it(`x ${c.x.join('×')}, filter ${c.w.join('×')}, stride ${c.strides}, ${c.pad}: equals the cpu backend (${c.path})`, async () => {
      const x = randomTensor(c.x, 1);
      const w = randomTensor(c.w, 2);
      const expected = await inputGradient('cpu', x, w, c.strides, c.pad);
      const actual = await inputGradient('wasm', x, w, c.strides, c.pad);
      expect(lastConv2DBackpropInputPath).toBe(c.path);
      expect(actual.length).toBe(expected.length);
      actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-4));
    });
  }
});
