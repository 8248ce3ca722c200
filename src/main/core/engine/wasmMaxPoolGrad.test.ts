import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { initBackend } from './backends';
import { lastMaxPoolGradPath, registerWasmMaxPoolGrad } from './wasmMaxPoolGrad';

beforeAll(async () => {
  await initBackend('wasm');
  registerWasmMaxPoolGrad();
});

async function poolGradient(backend: 'wasm' | 'cpu', x: Float32Array, shape: number[], pool: number, strides: number, pad: 'same' | 'valid'): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const grad = tf.grad((input: tf.Tensor) => {
      const y = tf.maxPool(input as tf.Tensor4D, pool, strides, pad);
      return tf.sum(tf.mul(y, tf.randomUniform(y.shape, -1, 1, 'float32', 3)));
    })(tf.tensor(x, shape));
    return grad.dataSync() as Float32Array;
  });
}

describe('wasm MaxPoolGrad in JavaScript', () => {
  const cases = [
    { shape: [2, 8, 8, 3], pool: 2, strides: 2, pad: 'valid' as const, ties: false },
    { shape: [3, 9, 7, 4], pool: 2, strides: 2, pad: 'valid' as const, ties: true },
    { shape: [1, 7, 5, 2], pool: 3, strides: 2, pad: 'same' as const, ties: false },
    { shape: [2, 6, 6, 2], pool: 3, strides: 1, pad: 'valid' as const, ties: true },
    { shape: [1, 9, 9, 1], pool: 2, strides: 2, pad: 'same' as const, ties: true },
  ];
  for (const c of cases) {
    it(`${c.shape.join('×')}, pool ${c.pool}, stride ${c.strides}, ${c.pad}${c.ties ? ', many ties' : ''}: equals the cpu backend`, async () => {
      const random = createSeededRandom(c.shape.length + c.pool);
      // Small integers (as after ReLU) make equal maxima common, which checks the tie rule.
      const x = Float32Array.from({ length: c.shape.reduce((a, b) => a * b, 1) }, () => (c.ties ? random.int(3) : random.uniform(-1, 1)));
      const expected = await poolGradient('cpu', x, c.shape, c.pool, c.strides, c.pad);
      const actual = await poolGradient('wasm', x, c.shape, c.pool, c.strides, c.pad);
      expect(lastMaxPoolGradPath).toBe(c.pool === 2 && c.strides === 2 && c.pad === 'valid' ? 'javascript-2x2' : 'javascript');
      actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-5));
    });
  }
});
