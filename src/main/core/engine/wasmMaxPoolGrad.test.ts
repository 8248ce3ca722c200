import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { initBackend } from './backends';
import { lastMaxPoolGradPath, maxPoolGradOptions, registerWasmMaxPoolGrad } from './wasmMaxPoolGrad';

beforeAll(async () => {
  await initBackend('wasm');
  registerWasmMaxPoolGrad();
});

async function poolGradient(
  backend: 'wasm' | 'cpu',
  x: Float32Array,
  shape: number[],
  pool: number,
  strides: number,
  pad: 'same' | 'valid',
): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const grad = tf.grad((input: tf.Tensor) => {
      const y = tf.maxPool(input as tf.Tensor4D, pool, strides, pad);
      return tf.sum(tf.mul(y, tf.randomUniform(y.shape, -1, 1, 'float32', 3)));
    })(tf.tensor(x, shape));
    return grad.dataSync() as Float32Array;
  });
}

describe('wasm MaxPoolGrad (WebAssembly module for 2×2, JavaScript otherwise)', () => {
  const cases = [
    { shape: [2, 8, 8, 3], pool: 2, strides: 2, pad: 'valid' as const, ties: false },
    { shape: [3, 9, 7, 4], pool: 2, strides: 2, pad: 'valid' as const, ties: true },
    { shape: [1, 7, 5, 2], pool: 3, strides: 2, pad: 'same' as const, ties: false },
    { shape: [2, 6, 6, 2], pool: 3, strides: 1, pad: 'valid' as const, ties: true },
    { shape: [1, 9, 9, 1], pool: 2, strides: 2, pad: 'same' as const, ties: true },
    // 2×2 windows through the WebAssembly module: channels in fours, with a scalar tail (6, 3), odd sizes, ties.
    { shape: [4, 28, 28, 8], pool: 2, strides: 2, pad: 'valid' as const, ties: true },
    { shape: [2, 11, 10, 6], pool: 2, strides: 2, pad: 'valid' as const, ties: true },
    { shape: [2, 8, 8, 16], pool: 2, strides: 2, pad: 'valid' as const, ties: false },
    { shape: [2, 8, 8, 3], pool: 2, strides: 2, pad: 'valid' as const, ties: false, javascript: true },
    { shape: [3, 9, 7, 4], pool: 2, strides: 2, pad: 'valid' as const, ties: true, javascript: true },
  ];
  for (const c of cases) {
    const name = `${c.shape.join('×')}, pool ${c.pool}, stride ${c.strides}, ${c.pad}${c.ties ? ', many ties' : ''}${c.javascript ? ', JavaScript loop' : ''}`;
    it(`${name}: equals the cpu backend`, async () => {
      const random = createSeededRandom(c.shape.length + c.pool);
      // Small integers (as after ReLU) make equal maxima common, which checks the tie rule.
      const x = Float32Array.from({ length: c.shape.reduce((a, b) => a * b, 1) }, () => (c.ties ? random.int(3) : random.uniform(-1, 1)));
      const expected = await poolGradient('cpu', x, c.shape, c.pool, c.strides, c.pad);
      maxPoolGradOptions.heapKernels = !c.javascript;
      let actual: Float32Array;
      try {
        actual = await poolGradient('wasm', x, c.shape, c.pool, c.strides, c.pad);
      } finally {
        maxPoolGradOptions.heapKernels = true;
      }
      const is2x2 = c.pool === 2 && c.strides === 2 && c.pad === 'valid';
      expect(lastMaxPoolGradPath).toBe(is2x2 ? (c.javascript ? 'javascript-2x2' : 'wasm-2x2') : 'javascript');
      // Non-overlapping windows only move gradients around: every value must be the cpu backend's, bit for bit.
      // Overlapping ones add several gradients into one pixel, in another order than the cpu backend.
      if (is2x2) expect(Array.from(actual)).toEqual(Array.from(expected));
      else actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-5));
    });
  }
});
