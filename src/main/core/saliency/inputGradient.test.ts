import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Standardizer } from '../../../shared/datasets/scaling';
import { inputGradient, noisyCopies, smoothGrad } from './inputGradient';
import { modelChain } from './modelChain';
import { pixelInput } from './pixelInput';
import { halfMlp, pixelRun, seededImage } from './saliencyTesting';

/**
 * The input gradient checked against references: central finite differences of the same network written out in
 * float64 here, and PyTorch's autograd (Debian's torch) on the same weights. Both go through the run's z-score
 * scaler, so the gradient is with respect to the raw pixels 0..1, as the map shows it.
 */

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

const SIZE = 6;
const PIXELS = SIZE * SIZE;
const HIDDEN = 5;
const TARGET = 1;

function setup() {
  const model = halfMlp(SIZE, SIZE, 'left', HIDDEN, 13);
  const scaler: Standardizer = {
    kind: 'standard',
    mean: Array.from({ length: PIXELS }, (_, i) => 0.2 + 0.01 * i),
    std: Array.from({ length: PIXELS }, (_, i) => 0.5 + 0.02 * (i % 7)),
  };
  const run = pixelRun(model, { width: SIZE, height: SIZE, channels: 1 }, scaler);
  const raw = Float32Array.from(seededImage(SIZE, SIZE, 1, 17).data, (v) => v / 255);
  const [w1, b1, w2, b2] = model.getWeights().map((tensor) => Array.from(tensor.dataSync()));
  return { run, scaler, raw, weights: { w1, b1, w2, b2 } };
}

type Weights = ReturnType<typeof setup>['weights'];

/** The target logit of the network, in float64. */
function logit(raw: ArrayLike<number>, scaler: Standardizer, { w1, b1, w2, b2 }: Weights): number {
  const hidden = Array.from({ length: HIDDEN }, (_, h) => {
    let sum = b1[h];
    for (let p = 0; p < PIXELS; p++) sum += ((raw[p] - scaler.mean[p]) / scaler.std[p]) * w1[p * HIDDEN + h];
    return Math.tanh(sum);
  });
  return hidden.reduce((sum, value, h) => sum + value * w2[h * 3 + TARGET], b2[TARGET]);
}

describe('input gradient', () => {
  it('equals central finite differences of the target logit, through the scaler', () => {
    const { run, scaler, raw, weights } = setup();
    const map = inputGradient(modelChain(run.model), pixelInput(run, raw, { width: SIZE, height: SIZE, channels: 1 }), TARGET);
    const step = 1e-5;
    const reference = Array.from({ length: PIXELS }, (_, p) => {
      const up = Float64Array.from(raw);
      const down = Float64Array.from(raw);
      up[p] += step;
      down[p] -= step;
      return Math.abs((logit(up, scaler, weights) - logit(down, scaler, weights)) / (2 * step));
    });
    const largest = Math.max(...reference);
    expect(largest).toBeGreaterThan(0.1);
    for (let p = 0; p < PIXELS; p++) expect(Math.abs(map[p] - reference[p])).toBeLessThan(1e-4 * largest);
    run.model.dispose();
  });

  it.skipIf(!hasTorch)("equals PyTorch's autograd on the same weights", () => {
    const { run, scaler, raw, weights } = setup();
    const map = inputGradient(modelChain(run.model), pixelInput(run, raw, { width: SIZE, height: SIZE, channels: 1 }), TARGET);
    const dir = mkdtempSync(join(tmpdir(), 'sinapsis-saliency-'));
    const file = join(dir, 'case.json');
    writeFileSync(
      file,
      JSON.stringify({ raw: Array.from(raw), mean: scaler.mean, std: scaler.std, ...weights, hidden: HIDDEN, target: TARGET }),
    );
    const script = `
import json, sys, torch
c = json.load(open(sys.argv[1]))
x = torch.tensor(c['raw'], dtype=torch.float64, requires_grad=True)
s = (x - torch.tensor(c['mean'], dtype=torch.float64)) / torch.tensor(c['std'], dtype=torch.float64)
w1 = torch.tensor(c['w1'], dtype=torch.float64).reshape(-1, c['hidden'])
w2 = torch.tensor(c['w2'], dtype=torch.float64).reshape(c['hidden'], -1)
z = torch.tanh(s @ w1 + torch.tensor(c['b1'], dtype=torch.float64)) @ w2 + torch.tensor(c['b2'], dtype=torch.float64)
z[c['target']].backward()
print(json.dumps(x.grad.abs().tolist()))
`;
    const result = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const reference = JSON.parse(result.stdout) as number[];
    const largest = Math.max(...reference);
    for (let p = 0; p < PIXELS; p++) expect(Math.abs(map[p] - reference[p])).toBeLessThan(1e-5 * largest);
    run.model.dispose();
  });

  it('SmoothGrad in one batch equals the mean of the gradient maps of its noisy copies, one at a time', () => {
    const { run, raw } = setup();
    const size = { width: SIZE, height: SIZE, channels: 1 };
    const chain = modelChain(run.model);
    const options = { samples: 6, noise: 0.2, seed: 4 };
    const batched = smoothGrad(chain, pixelInput(run, raw, size), TARGET, options);
    const copies = noisyCopies(raw, options.samples, options.noise, options.seed);
    const mean = new Float64Array(PIXELS);
    for (let s = 0; s < options.samples; s++) {
      const one = inputGradient(chain, pixelInput(run, copies.slice(s * PIXELS, (s + 1) * PIXELS), size), TARGET);
      for (let p = 0; p < PIXELS; p++) mean[p] += one[p] / options.samples;
    }
    for (let p = 0; p < PIXELS; p++) expect(batched[p]).toBeCloseTo(mean[p], 5);
    // Seeded: the same settings give the same copies; another seed others.
    expect(noisyCopies(raw, 2, 0.2, 4)).toEqual(noisyCopies(raw, 2, 0.2, 4));
    expect(noisyCopies(raw, 2, 0.2, 5)).not.toEqual(noisyCopies(raw, 2, 0.2, 4));
    run.model.dispose();
  });
});
