import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type Matrix, PRESET_FILTERS, matrixFromRows, matrixToRows } from '../../../shared/didactic/convolution';
import {
  type ConvChain,
  applyChainPreset,
  classChain,
  removeChainFilter,
  removeChainLayer,
  runChain,
  setChainLayerOptions,
} from '../../../shared/didactic/convolutionChain';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';

// The convolution explorer's chain (shared/didactic/convolutionChain) against PyTorch and OpenCV through Debian's
// python3. It lives here because shared code may not import Node modules, even in its tests.
const PYTHON = '/usr/bin/python3';
const has = (modules: string) => spawnSync(PYTHON, ['-c', `import ${modules}`], { stdio: 'ignore' }).status === 0;
const hasTorch = has('torch');
const hasOpenCv = has('cv2, numpy, scipy.signal');

/** Runs a Python snippet that reads JSON on stdin and prints JSON. */
function python(script: string, input: unknown): unknown {
  const result = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as unknown;
}

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const random = createSeededRandom(seed);
  return matrixFromRows(Array.from({ length: rows }, () => Array.from({ length: cols }, () => random.uniform(-1, 1))));
}

function randomChain(seed: number): ConvChain {
  const random = createSeededRandom(seed);
  const slice = (k: number) => Array.from({ length: k }, () => Array.from({ length: k }, () => random.normal()));
  const filters = (n: number, channels: number, k: number) =>
    Array.from({ length: n }, () => ({ bias: random.uniform(-0.5, 0.5), slices: Array.from({ length: channels }, () => slice(k)) }));
  return {
    format: 'sinapsis-conv-chain',
    version: 1,
    input: 'rgb',
    layers: [
      { kernelSize: 3, stride: 1, padding: 1, activation: 'relu', pool: 'max2Partial', filters: filters(4, 3, 3) },
      // The second layer's filters are 3D: 5 x 5 x 4 (one slice per map of layer 1).
      { kernelSize: 5, stride: 2, padding: 2, activation: 'none', pool: 'none', filters: filters(2, 4, 5) },
      { kernelSize: 1, stride: 1, padding: 0, activation: 'relu', pool: 'max2', filters: filters(3, 2, 1) },
    ],
  };
}

// PyTorch's conv2d is a cross-correlation (no flip), in float64 here so the comparison is to 1e-9.
const TORCH_CHAIN = `
import json, sys, torch
import torch.nn.functional as F
req = json.load(sys.stdin)
x = torch.tensor(req['input'], dtype=torch.float64).unsqueeze(0)
out = []
for layer in req['layers']:
    w = torch.tensor([f['slices'] for f in layer['filters']], dtype=torch.float64)
    b = torch.tensor([f['bias'] for f in layer['filters']], dtype=torch.float64)
    conv = F.conv2d(x, w, b, stride=layer['stride'], padding=layer['padding'])
    act = F.relu(conv) if layer['activation'] == 'relu' else conv
    if layer['pool'] == 'none':
        y = act
    else:
        y = F.max_pool2d(act, 2, ceil_mode=(layer['pool'] == 'max2Partial'))
    out.append({'conv': conv[0].tolist(), 'activated': act[0].tolist(), 'output': y[0].tolist()})
    x = y
print(json.dumps(out))
`;

function expectClose(actual: number[][], expected: number[][], tolerance = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  expect(actual[0].length).toBe(expected[0].length);
  let worst = 0;
  actual.forEach((row, r) => row.forEach((v, c) => (worst = Math.max(worst, Math.abs(v - expected[r][c])))));
  expect(worst).toBeLessThan(tolerance);
}

describe('convolution chain against PyTorch and OpenCV', () => {
  it.skipIf(!hasTorch)('equals torch.nn.functional.conv2d + relu + max_pool2d on a 3-layer RGB chain with 3D filters', () => {
    const chain = randomChain(7);
    const input = [0, 1, 2].map((c) => randomMatrix(10, 9, 100 + c));
    const run = runChain(chain, input);
    expect(run.failure).toBeNull();
    const reference = python(TORCH_CHAIN, { input: input.map(matrixToRows), layers: chain.layers }) as {
      conv: number[][][];
      activated: number[][][];
      output: number[][][];
    }[];
    expect(run.layers.length).toBe(3);
    run.layers.forEach((layer, l) =>
      layer.filters.forEach((filter, f) => {
        expectClose(matrixToRows(filter.conv), reference[l].conv[f]);
        expectClose(matrixToRows(filter.activated), reference[l].activated[f]);
        expectClose(matrixToRows(filter.output), reference[l].output[f]);
      }),
    );
    // Shapes: 10x9 -> conv 10x9 -> pool with the partial column 5x5 -> conv 5x5, S 2, P 2 -> 3x3 -> conv 1x1 -> pool 1x1.
    expect(run.layers.map((l) => [l.filters[0].output.rows, l.filters[0].output.cols])).toEqual([
      [5, 5],
      [3, 3],
      [1, 1],
    ]);
  });

  it.skipIf(!hasOpenCv)(
    "is a cross-correlation: equals OpenCV's filter2D and scipy's convolve2d of the flipped kernel, not the unflipped one",
    () => {
      const image = randomMatrix(8, 10, 3);
      const chain = applyChainPreset(
        setChainLayerOptions(removeChainLayer(classChain(), 1), 0, { activation: 'none', pool: 'none' }),
        0,
        0,
        0,
        'sobelX',
      );
      const one = removeChainFilter(chain, 0, 1);
      const ours = matrixToRows(runChain(one, [image]).layers[0].filters[0].output);
      const reference = python(
        `
import json, sys, numpy as np, cv2
from scipy.signal import convolve2d
req = json.load(sys.stdin)
img = np.array(req['image'], dtype=np.float64)
k = np.array(req['kernel'], dtype=np.float64)
print(json.dumps({
  'filter2D': cv2.filter2D(img, cv2.CV_64F, k, borderType=cv2.BORDER_CONSTANT).tolist(),
  'flipped': convolve2d(img, np.flip(k), mode='same').tolist(),
  'unflipped': convolve2d(img, k, mode='same').tolist(),
}))`,
        { image: matrixToRows(image), kernel: matrixToRows(PRESET_FILTERS.sobelX) },
      ) as Record<'filter2D' | 'flipped' | 'unflipped', number[][]>;
      expectClose(ours, reference.filter2D);
      expectClose(ours, reference.flipped);
      // Sobel Gx is antisymmetric: the true convolution has the opposite sign.
      expectClose(
        ours,
        reference.unflipped.map((row) => row.map((v) => -v)),
      );
      expect(Math.max(...ours.flat().map(Math.abs))).toBeGreaterThan(0.1);
    },
  );
});
