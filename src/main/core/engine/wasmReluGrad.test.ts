import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { initBackend } from './backends';
import { lastReluGradPath, registerWasmReluGrad } from './wasmReluGrad';

beforeAll(async () => {
  await initBackend('wasm');
  registerWasmReluGrad();
});

/** d(sum(relu(x) * w))/dx = w × step(x): tfjs's ReLU gradient with dy = w. */
async function reluGrad(backend: 'wasm' | 'cpu', x: Float32Array, dy: Float32Array, shape: number[]): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const w = tf.tensor(dy, shape);
    const g = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(tf.relu(input), w)))(tf.tensor(x, shape));
    return g.dataSync() as Float32Array;
  });
}

/** The bit patterns, with every NaN as one value (the payload of a NaN is not part of the result). */
const bits = (values: Float32Array): number[] =>
  Array.from(new Uint32Array(Float32Array.from(values, (v) => (Number.isNaN(v) ? NaN : v)).buffer));

describe('wasm ReLU gradient in one pass', () => {
  const random = createSeededRandom(19);
  for (const shape of [
    [4, 28, 28, 8],
    [3, 7],
    [5], // a tail shorter than one vector
  ]) {
    it(`${shape.join('×')}: equals the cpu backend's dy × step(x) bit for bit, zeros, signs and NaN included`, async () => {
      const size = shape.reduce((a, b) => a * b, 1);
      const x = Float32Array.from({ length: size }, () => (random.next() < 0.2 ? 0 : random.uniform(-1, 1)));
      const dy = Float32Array.from({ length: size }, () => random.uniform(-1, 1));
      // Special values: -0 and NaN inputs, an infinite dy where x ≤ 0 (inf × 0 = NaN) and where x > 0.
      x[0] = -0;
      x[size - 1] = NaN;
      if (size > 3) [x[1], dy[1], x[2], dy[2]] = [-0.5, Infinity, 0.5, -Infinity];
      const expected = await reluGrad('cpu', x, dy, shape);
      expect(lastReluGradPath).toBe('stock');
      const actual = await reluGrad('wasm', x, dy, shape);
      expect(lastReluGradPath).toBe('heap');
      expect(bits(actual)).toEqual(bits(expected));
    });
  }
});
