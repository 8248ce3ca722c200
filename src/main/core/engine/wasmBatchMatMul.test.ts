import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { initBackend } from './backends';
import { lastBatchMatMulPath, registerWasmBatchMatMul } from './wasmBatchMatMul';

beforeAll(async () => {
  await initBackend('wasm');
  registerWasmBatchMatMul();
});

async function product(
  backend: 'wasm' | 'cpu',
  a: { values: Float32Array; shape: number[] },
  b: { values: Float32Array; shape: number[] },
  transposeA: boolean,
  transposeB: boolean,
): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(
    () => tf.matMul(tf.tensor(a.values, a.shape), tf.tensor(b.values, b.shape), transposeA, transposeB).dataSync() as Float32Array,
  );
}

describe('wasm BatchMatMul with transposed operands', () => {
  const random = createSeededRandom(17);
  const make = (shape: number[]) => ({
    values: Float32Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => random.uniform(-1, 1)),
    shape,
  });
  const cases = [
    { a: [13, 7], b: [13, 5], tA: true, tB: false },
    { a: [6, 9], b: [4, 9], tA: false, tB: true },
    { a: [8, 3], b: [5, 8], tA: true, tB: true },
    { a: [2, 6, 4], b: [2, 6, 3], tA: true, tB: false },
    { a: [3, 5, 7], b: [3, 2, 7], tA: false, tB: true },
  ];
  for (const c of cases) {
    it(`${c.a.join('×')}${c.tA ? 'ᵀ' : ''} · ${c.b.join('×')}${c.tB ? 'ᵀ' : ''} equals the cpu backend`, async () => {
      const a = make(c.a);
      const b = make(c.b);
      const expected = await product('cpu', a, b, c.tA, c.tB);
      const actual = await product('wasm', a, b, c.tA, c.tB);
      expect(lastBatchMatMulPath).toBe('pre-transposed');
      expect(actual).toHaveLength(expected.length);
      actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-5));
    });
  }

  it('plain products keep the backend kernel, and no tensor is leaked', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    tf.tidy(() => tf.matMul(tf.ones([4, 3]), tf.ones([3, 2])).dataSync());
    expect(lastBatchMatMulPath).toBe('original');
    tf.tidy(() => tf.matMul(tf.ones([3, 4]), tf.ones([3, 2]), true, false).dataSync());
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.memory().numBytes).toBe(bytes);
  });
});
