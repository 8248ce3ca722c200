import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { initBackend } from './backends';
import { lastSumPath, registerWasmSum } from './wasmSum';

beforeAll(async () => {
  await initBackend('wasm');
  registerWasmSum();
});

async function sum(
  backend: 'wasm' | 'cpu',
  values: Float32Array,
  shape: number[],
  axis: number | number[] | undefined,
  keepDims: boolean,
): Promise<{ values: Float32Array; shape: number[] }> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const out = tf.sum(tf.tensor(values, shape), axis, keepDims);
    return { values: out.dataSync() as Float32Array, shape: out.shape };
  });
}

describe('wasm Sum over every axis but the last (bias gradients)', () => {
  const random = createSeededRandom(23);
  const cases: { shape: number[]; axis: number | number[] | undefined; keepDims: boolean; ours: boolean }[] = [
    { shape: [64, 28, 28, 8], axis: [0, 1, 2], keepDims: false, ours: true },
    { shape: [5, 3, 3, 6], axis: [2, 0, 1], keepDims: true, ours: true },
    { shape: [7, 10], axis: 0, keepDims: false, ours: true },
    { shape: [9, 3], axis: [-2], keepDims: false, ours: true },
    { shape: [7, 10], axis: 1, keepDims: false, ours: false },
    { shape: [4, 5, 6], axis: [0, 2], keepDims: false, ours: false },
    { shape: [4, 5], axis: undefined, keepDims: false, ours: false },
  ];
  for (const c of cases) {
    it(`${c.shape.join('×')} over ${JSON.stringify(c.axis)}${c.keepDims ? ', keepDims' : ''}: equals the cpu backend${c.ours ? '' : ' (backend kernel)'}`, async () => {
      const values = Float32Array.from({ length: c.shape.reduce((a, b) => a * b, 1) }, () => random.uniform(-1, 1));
      const expected = await sum('cpu', values, c.shape, c.axis, c.keepDims);
      const actual = await sum('wasm', values, c.shape, c.axis, c.keepDims);
      expect(lastSumPath).toBe(c.ours ? 'column-sums' : 'original');
      expect(actual.shape).toEqual(expected.shape);
      actual.values.forEach((v, i) =>
        expect(Math.abs(v - expected.values[i])).toBeLessThan(
          1e-5 * Math.max(1, Math.abs(expected.values[i])) * (c.shape[0] > 50 ? 100 : 1),
        ),
      );
    });
  }

  it('int32 sums keep the backend kernel, and no tensor is leaked', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    expect(Array.from(tf.tidy(() => tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0).dataSync()))).toEqual([4, 6]);
    expect(lastSumPath).toBe('original');
    tf.tidy(() => tf.sum(tf.ones([3, 4]), 0).dataSync());
    expect(lastSumPath).toBe('column-sums');
    expect(tf.memory().numTensors).toBe(before);
  });
});
