import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backends';
import { conv2DBackpropFilterOptions, lastConv2DBackpropFilterPath, registerWasmConv2DBackpropFilter } from './wasmConv2DBackpropFilter';

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];

/** Seeded so a failure reproduces; mulberry32. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomArray(size: number, rand: () => number): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = rand() * 2 - 1;
  return out;
}

const sizeOf = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

interface Case {
  x: [number, number, number, number];
  f: [number, number, number, number];
  strides: number | [number, number];
  pad: Pad;
  round?: 'floor' | 'round' | 'ceil';
}

/**
 * dLoss/dFilter for loss = sum(conv2d(x, f) * w): the random weights w make dy random rather than all ones,
 * so a transposed or shifted dW cannot pass by symmetry.
 */
async function filterGradient(backend: 'cpu' | 'wasm', c: Case, seed: number): Promise<{ values: Float32Array; shape: number[] }> {
  await tf.setBackend(backend);
  const rand = random(seed);
  return tf.tidy(() => {
    const x = tf.tensor4d(randomArray(sizeOf(c.x), rand), c.x);
    const f = tf.tensor4d(randomArray(sizeOf(c.f), rand), c.f);
    const outShape = tf.conv2d(x, f, c.strides, c.pad, 'NHWC', 1, c.round).shape;
    const w = tf.tensor(randomArray(sizeOf(outShape), rand), outShape);
    const grad = tf.grad((filter: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(x, filter as tf.Tensor4D, c.strides, c.pad, 'NHWC', 1, c.round), w)),
    );
    const g = grad(f);
    return { values: g.dataSync() as Float32Array, shape: g.shape };
  });
}

function relativeMaxDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let diff = 0;
  let magnitude = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    magnitude = Math.max(magnitude, Math.abs(b[i]));
  }
  return diff / Math.max(1, magnitude);
}

const cases: Case[] = [
  { x: [1, 5, 5, 1], f: [1, 1, 1, 1], strides: 1, pad: 'valid' },
  { x: [1, 8, 6, 1], f: [3, 3, 1, 4], strides: 1, pad: 'same' },
  { x: [4, 9, 7, 3], f: [3, 3, 3, 8], strides: 1, pad: 'valid' },
  { x: [3, 10, 13, 3], f: [5, 5, 3, 2], strides: 1, pad: 'same' },
  { x: [2, 12, 9, 1], f: [5, 3, 1, 6], strides: 1, pad: 'valid' },
  // Even kernels make 'same' pad asymmetrically (top 1, bottom 2), which catches a swapped split.
  { x: [2, 9, 8, 2], f: [4, 2, 2, 3], strides: 1, pad: 'same' },
  { x: [5, 28, 28, 1], f: [3, 3, 1, 8], strides: 1, pad: 'same' },
  { x: [2, 11, 8, 3], f: [3, 3, 3, 5], strides: 2, pad: 'same' },
  { x: [2, 11, 8, 3], f: [3, 3, 3, 5], strides: 2, pad: 'valid' },
  { x: [3, 12, 10, 1], f: [4, 4, 1, 3], strides: 2, pad: 'same' },
  { x: [1, 8, 8, 3], f: [3, 3, 3, 7], strides: 2, pad: 'valid' },
  { x: [2, 14, 11, 3], f: [5, 5, 3, 4], strides: 3, pad: 'valid' },
  { x: [2, 14, 11, 3], f: [5, 5, 3, 4], strides: 3, pad: 'same' },
  { x: [3, 13, 10, 1], f: [1, 1, 1, 2], strides: 3, pad: 'valid' },
  { x: [2, 10, 9, 2], f: [3, 2, 2, 3], strides: [2, 3], pad: 'same' },
  { x: [2, 9, 10, 2], f: [3, 3, 2, 3], strides: 1, pad: 2 },
  { x: [2, 9, 11, 2], f: [3, 3, 2, 3], strides: 2, pad: 1, round: 'ceil' },
  {
    x: [2, 9, 10, 2],
    f: [3, 3, 2, 3],
    strides: 2,
    pad: [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0],
    ],
  },
  // Output channels in fours take our SIMD blocks: 2 × 16 (the DESIGN.md CNN's second layer), 1 × 8 + 1 × 4, odd inputs.
  { x: [3, 14, 14, 8], f: [3, 3, 8, 16], strides: 1, pad: 'same' },
  { x: [2, 9, 11, 2], f: [3, 3, 2, 12], strides: 2, pad: 'same' },
  {
    x: [2, 10, 9, 4],
    f: [3, 3, 4, 32],
    strides: [2, 1],
    pad: [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0],
    ],
  },
  { x: [2, 8, 8, 3], f: [2, 2, 3, 16], strides: 1, pad: 'valid' },
  { x: [2, 7, 7, 2], f: [7, 7, 2, 4], strides: 3, pad: 'same' },
];

describe('wasm Conv2DBackpropFilter', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('is registered for wasm and registering again changes nothing', () => {
    const before = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    expect(before).toBeDefined();
    expect(registerWasmConv2DBackpropFilter()).toBe(false);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBe(before);
  });

  it.each(
    cases.map(
      (c, i) =>
        [
          `x${c.x.join('x')} f${c.f.join('x')} s${String(c.strides)} ${JSON.stringify(c.pad)}${c.round ? ' ' + c.round : ''}`,
          c,
          i,
        ] as const,
    ),
  )('matches the cpu backend: %s', async (_name, c, i) => {
    const cpu = await filterGradient('cpu', c, 1000 + i);
    // Both wasm paths: our SIMD blocks (output channels in fours) and transpose + XNNPACK Conv2D.
    for (const heap of [true, false]) {
      conv2DBackpropFilterOptions.heapKernels = heap;
      let wasm: { values: Float32Array; shape: number[] };
      try {
        wasm = await filterGradient('wasm', c, 1000 + i);
      } finally {
        conv2DBackpropFilterOptions.heapKernels = true;
      }
      expect(lastConv2DBackpropFilterPath).toBe(heap && c.f[3] % 4 === 0 ? 'heap' : 'wasm');
      expect(wasm.shape).toEqual(c.f);
      expect(relativeMaxDiff(wasm.values, cpu.values)).toBeLessThanOrEqual(1e-4);
    }
    expect(cpu.shape).toEqual(c.f);
    // A gradient of zeros would make the comparison meaningless.
    expect(cpu.values.some((v) => Math.abs(v) > 1e-3)).toBe(true);
  });

  it('falls back to the cpu kernel for layouts it does not handle (NCHW) and still matches', async () => {
    const rand = random(7);
    const x = randomArray(2 * 3 * 9 * 8, rand);
    const dy = randomArray(2 * 4 * 5 * 4, rand);
    const attrs = { strides: 2, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 3, 4] };
    const run = async (backend: string): Promise<Float32Array> => {
      await tf.setBackend(backend);
      const xt = tf.tensor4d(x, [2, 3, 9, 8]);
      const dyt = tf.tensor4d(dy, [2, 4, 5, 4]);
      const out = tf.engine().runKernel('Conv2DBackpropFilter', { x: xt, dy: dyt }, attrs) as tf.Tensor;
      const values = out.dataSync() as Float32Array;
      tf.dispose([xt, dyt, out]);
      return values;
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(lastConv2DBackpropFilterPath).toBe('cpu');
    expect(relativeMaxDiff(wasm, cpu)).toBeLessThanOrEqual(1e-5);
  });

  it('leaks no tensors and no wasm memory', async () => {
    await tf.setBackend('wasm');
    const c: Case = { x: [3, 11, 9, 2], f: [3, 3, 2, 4], strides: 2, pad: 'valid' };
    await filterGradient('wasm', c, 1); // warm up: first calls may allocate backend state
    const tensors = tf.memory().numTensors;
    const dataIds = tf.backend().numDataIds();
    for (let i = 0; i < 3; i++) await filterGradient('wasm', c, i);
    expect(lastConv2DBackpropFilterPath).toBe('heap');
    conv2DBackpropFilterOptions.heapKernels = false;
    try {
      for (let i = 0; i < 3; i++) await filterGradient('wasm', c, i);
    } finally {
      conv2DBackpropFilterOptions.heapKernels = true;
    }
    expect(lastConv2DBackpropFilterPath).toBe('wasm');
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.backend().numDataIds()).toBe(dataIds);
  });

  it('trains a small CNN one step on wasm with the same loss and weights as cpu', async () => {
    const build = (): tf.Sequential => {
      const model = tf.sequential();
      model.add(tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }));
      model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
      model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, strides: 2, padding: 'valid', activation: 'relu' }));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
      model.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
      return model;
    };
    const rand = random(42);
    const n = 16;
    const xs = randomArray(n * 12 * 12, rand);
    const labels = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) labels[i * 3 + Math.floor(rand() * 3)] = 1;

    await tf.setBackend('cpu');
    const reference = build();
    // Layer weights are float32, so dataSync() is a Float32Array.
    const initial = reference.getWeights().map((w) => ({ values: w.dataSync().slice() as Float32Array, shape: w.shape }));

    const train = async (backend: string): Promise<{ losses: number[]; weights: Float32Array[] }> => {
      await tf.setBackend(backend);
      const model = build();
      model.setWeights(initial.map((w) => tf.tensor(w.values, w.shape)));
      const x = tf.tensor4d(xs, [n, 12, 12, 1]);
      const y = tf.tensor2d(labels, [n, 3]);
      const losses: number[] = [];
      // The second loss is computed with the weights after one update, so it depends on every gradient.
      for (let step = 0; step < 2; step++) losses.push(Number(await model.trainOnBatch(x, y)));
      const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
      tf.dispose([x, y]);
      return { losses, weights };
    };
    const cpu = await train('cpu');
    const wasm = await train('wasm');
    expect(lastConv2DBackpropFilterPath).toBe('heap'); // backprop ends at the first conv (4 filters)
    expect(Math.abs(wasm.losses[0] - cpu.losses[0])).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(wasm.losses[1] - cpu.losses[1])).toBeLessThanOrEqual(1e-4);
    // Training actually moved the conv filters (otherwise equal weights would prove nothing).
    expect(relativeMaxDiff(cpu.weights[0], initial[0].values)).toBeGreaterThan(1e-4);
    cpu.weights.forEach((w, i) => expect(relativeMaxDiff(wasm.weights[i], w)).toBeLessThanOrEqual(1e-4));
  });
});
