import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { initBackend } from './backends';
import { lastAddPath, registerWasmAdd } from './wasmAdd';

beforeAll(async () => {
  await initBackend('wasm');
  registerWasmAdd();
});

async function add(
  backend: 'wasm' | 'cpu',
  a: { values: Float32Array; shape: number[] },
  b: { values: Float32Array; shape: number[] },
): Promise<{ values: Float32Array; shape: number[] }> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const out = tf.add(tf.tensor(a.values, a.shape), tf.tensor(b.values, b.shape));
    return { values: out.dataSync() as Float32Array, shape: out.shape };
  });
}

describe('wasm Add of a per-channel bias', () => {
  const random = createSeededRandom(31);
  const make = (shape: number[]) => ({
    values: Float32Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => random.uniform(-1, 1)),
    shape,
  });
  const cases = [
    { a: [8, 28, 28, 8], b: [8], ours: true },
    { a: [3, 5, 5, 6], b: [1, 1, 1, 6], ours: true },
    { a: [7], b: [4, 7], ours: true }, // the bias first
    { a: [9, 13], b: [13], ours: true }, // a scalar tail of 1 after three blocks of 4
    { a: [9, 13], b: [9, 13], ours: false },
    { a: [9, 13], b: [9, 1], ours: false },
    { a: [4, 5], b: [], ours: false },
  ];
  for (const c of cases) {
    it(`${c.a.join('×')} + ${c.b.join('×') || 'scalar'}: equals the cpu backend bit for bit${c.ours ? '' : ' (backend kernel)'}`, async () => {
      const a = make(c.a);
      const b = make(c.b);
      const expected = await add('cpu', a, b);
      const actual = await add('wasm', a, b);
      expect(lastAddPath).toBe(c.ours ? 'bias-add' : 'original');
      expect(actual.shape).toEqual(expected.shape);
      expect(Array.from(actual.values)).toEqual(Array.from(expected.values));
    });
  }

  it('int32 adds keep the backend kernel', async () => {
    await tf.setBackend('wasm');
    expect(
      Array.from(tf.tidy(() => tf.add(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), tf.tensor1d([10, 20], 'int32')).dataSync())),
    ).toEqual([11, 22, 13, 24]);
    expect(lastAddPath).toBe('original');
  });
});
