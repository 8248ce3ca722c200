import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DENSE_KERNELS_WASM_BASE64 } from './denseKernelsWasm';
import { FirstLayerKernels } from './firstLayerKernels';

const here = dirname(fileURLToPath(import.meta.url));

function hasWat2wasm(): boolean {
  try {
    execFileSync('wat2wasm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('FirstLayerKernels', () => {
  it('computes net inputs and gradients like the plain loops (odd sizes exercise the scalar tails)', () => {
    const inputs = 13;
    const units = 3;
    const samples = 5;
    const features = Float32Array.from({ length: samples * inputs }, (_, k) => Math.sin(k));
    const kernels = FirstLayerKernels.create(features, inputs, units, 8)!;
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

  it.runIf(hasWat2wasm())('the embedded module is denseKernels.wat compiled', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sinapsis-wat-')), 'dense.wasm');
    execFileSync('wat2wasm', [join(here, 'denseKernels.wat'), '-o', out]);
    expect(readFileSync(out).toString('base64')).toBe(DENSE_KERNELS_WASM_BASE64);
  });
});
