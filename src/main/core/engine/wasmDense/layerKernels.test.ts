import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileWatToBase64, hasWat2wasm } from '../testing/wat2wasm';
import { describe, expect, it } from 'vitest';
import { DENSE_KERNELS_WASM_BASE64 } from './denseKernelsWasm';
import { LayerKernels } from './layerKernels';

const here = dirname(fileURLToPath(import.meta.url));

describe('LayerKernels', () => {
  it('computes net inputs and gradients like the plain loops (odd sizes exercise the scalar tails)', () => {
    const inputs = 13;
    const units = 3;
    const samples = 5;
    const features = Float32Array.from({ length: samples * inputs }, (_, k) => Math.sin(k));
    const kernels = LayerKernels.forFeatures(features, inputs, units, 8)!;
    expect(kernels).not.toBeNull();
    const weights = Float64Array.from({ length: units * inputs }, (_, k) => Math.cos(k) / 4);
    const biases = Float64Array.of(0.5, -1, 2);
    const order = [4, 0, 2];
    const net = new Float64Array(order.length * units);
    kernels.forward(weights, biases, order, order.length, net);
    order.forEach((s, p) => {
      for (let j = 0; j < units; j++) {
        let a = biases[j];
        for (let i = 0; i < inputs; i++) a += weights[j * inputs + i] * features[s * inputs + i];
        expect(net[p * units + j]).toBeCloseTo(a, 5);
      }
    });
    const gradNet = Float64Array.from({ length: order.length * units }, (_, k) => (k % 2 ? 0.3 : -0.7));
    const gw = new Float64Array(units * inputs).fill(99);
    kernels.gradients(gradNet, order, order.length, gw);
    for (let j = 0; j < units; j++) {
      for (let i = 0; i < inputs; i++) {
        let sum = 0;
        order.forEach((s, p) => (sum += gradNet[p * units + j] * features[s * inputs + i]));
        expect(gw[j * inputs + i]).toBeCloseTo(sum, 5);
      }
    }
  });

  it('matches float64 sums on every path: blocks of 16 and 4 inputs, the scalar tail, 1 to 9 samples, zero sensitivities', () => {
    const inputs = 37; // two blocks of 16, one of 4, one scalar
    const units = 5;
    const samples = 11;
    const features = Float32Array.from({ length: samples * inputs }, (_, k) => Math.sin(0.7 * k));
    const kernels = LayerKernels.forFeatures(features, inputs, units, 9)!;
    const weights = Float64Array.from({ length: units * inputs }, (_, k) => Math.fround(Math.cos(1.3 * k) / 4));
    for (let n = 1; n <= 9; n++) {
      const order = Array.from({ length: n }, (_, p) => (p * 7 + n) % samples);
      const net = new Float64Array(n * units);
      kernels.forward(weights, null, order, n, net);
      const gradNet = Float64Array.from({ length: n * units }, (_, k) => (k % 3 === 0 ? 0 : Math.fround(Math.sin(k) / 3)));
      const gw = new Float64Array(units * inputs).fill(99);
      kernels.gradients(gradNet, order, n, gw);
      order.forEach((s, p) => {
        for (let j = 0; j < units; j++) {
          let a = 0;
          for (let i = 0; i < inputs; i++) a += weights[j * inputs + i] * features[s * inputs + i];
          expect(Math.abs(net[p * units + j] - a)).toBeLessThan(1e-5);
        }
      });
      for (let j = 0; j < units; j++) {
        for (let i = 0; i < inputs; i++) {
          let sum = 0;
          order.forEach((s, p) => (sum += gradNet[p * units + j] * features[s * inputs + i]));
          expect(Math.abs(gw[j * inputs + i] - sum)).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('gives a sample the same net inputs wherever it sits in the batch', () => {
    const inputs = 40;
    const units = 3;
    const features = Float32Array.from({ length: 6 * inputs }, (_, k) => Math.cos(0.3 * k));
    const kernels = LayerKernels.forFeatures(features, inputs, units, 6)!;
    const weights = Float64Array.from({ length: units * inputs }, (_, k) => Math.sin(k) / 5);
    const alone = new Float64Array(units);
    kernels.forward(weights, null, [5], 1, alone);
    const batch = new Float64Array(6 * units);
    kernels.forward(weights, null, [0, 1, 2, 3, 4, 5], 6, batch);
    expect(Array.from(batch.subarray(5 * units))).toEqual(Array.from(alone));
  });

  it.runIf(hasWat2wasm())('the embedded module is denseKernels.wat compiled', () => {
    expect(compileWatToBase64(join(here, 'denseKernels.wat'))).toBe(DENSE_KERNELS_WASM_BASE64);
  });
});
