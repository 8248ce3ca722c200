import { describe, expect, it } from 'vitest';
import { SinapsisError } from '../contract/errors';
import { type Matrix, SEED_004_IMAGE, matrixFromRows, matrixToRows, seed004TwoLayers } from './convolution';
import {
  addChainFilter,
  addChainLayer,
  applyChainPreset,
  classChain,
  conformChain,
  moveChainLayer,
  parseConvChain,
  presetSlice,
  removeChainFilter,
  removeChainLayer,
  runChain,
  serializeConvChain,
  setChainInput,
  setChainLayerOptions,
  setChainWeight,
} from './convolutionChain';
import { createSeededRandom } from './seededRandom';

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const random = createSeededRandom(seed);
  return matrixFromRows(Array.from({ length: rows }, () => Array.from({ length: cols }, () => random.uniform(-1, 1))));
}

describe('convolution chain', () => {
  it("reproduces seed 004's two-layer cat-ear detector as a chain", () => {
    const run = runChain(classChain(), [SEED_004_IMAGE]);
    expect(run.failure).toBeNull();
    const seed = seed004TwoLayers(SEED_004_IMAGE);
    expect(run.layers.map((l) => l.filters.length)).toEqual([2, 1]);
    expect(matrixToRows(run.layers[0].filters[0].output)).toEqual(matrixToRows(seed.channels[0]));
    expect(matrixToRows(run.layers[0].filters[1].output)).toEqual(matrixToRows(seed.channels[1]));
    expect(matrixToRows(run.layers[1].filters[0].output)).toEqual(matrixToRows(seed.output));
    // The first map before ReLU is the slide's zero-padded output of filter 1.
    expect(matrixToRows(run.layers[0].filters[0].conv)[0]).toEqual([3, -13, -13, 10, -6]);
  });

  it('keeps every filter with one k x k slice per input channel through edits and reorders', () => {
    let chain = classChain();
    chain = addChainFilter(chain, 0); // layer 1 now has 3 filters: layer 2's filter gets a third slice (zeros)
    expect(chain.layers[1].filters[0].slices.length).toBe(3);
    expect(chain.layers[1].filters[0].slices[2]).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    chain = setChainWeight(chain, 1, 0, 2, 4, 0.5);
    expect(chain.layers[1].filters[0].slices[2][1][1]).toBe(0.5);
    chain = setChainLayerOptions(chain, 1, { kernelSize: 5 });
    expect(chain.layers[1].filters[0].slices[2][2][2]).toBe(0.5); // the 3x3 slice sits in the middle of the 5x5
    chain = moveChainLayer(chain, 1, -1); // the single 3D filter first: it keeps only its first slice
    expect(chain.layers.map((l) => [l.filters.length, l.filters[0].slices.length])).toEqual([
      [1, 1],
      [3, 1],
    ]);
    chain = setChainInput(chain, 'rgb');
    expect(chain.layers[0].filters[0].slices.length).toBe(3);
    chain = addChainLayer(chain);
    expect(chain.layers[2].filters[0].slices.length).toBe(3);
    expect(
      runChain(
        chain,
        [0, 1, 2].map((s) => randomMatrix(6, 6, s)),
      ).failure,
    ).toBeNull();
    expect(conformChain(chain)).toEqual(chain);
    expect(moveChainLayer(chain, 0, -1)).toBe(chain);
    expect(removeChainLayer(removeChainLayer(removeChainLayer(chain, 0), 0), 0).layers.length).toBe(1);
  });

  it('reordering two layers changes the result (ReLU and the edges do not commute)', () => {
    let chain = removeChainFilter(classChain(), 0, 1);
    chain = applyChainPreset(chain, 0, 0, 0, 'sobelX');
    chain = applyChainPreset(chain, 1, 0, 0, 'laplacian');
    const image = randomMatrix(8, 8, 5);
    const before = matrixToRows(runChain(chain, [image]).layers[1].filters[0].output);
    const after = matrixToRows(runChain(moveChainLayer(chain, 0, 1), [image]).layers[1].filters[0].output);
    expect(after).not.toEqual(before);
  });

  it('centres a preset in a larger filter and refuses one that does not fit', () => {
    expect(presetSlice('identity', 5)?.[2][2]).toBe(1);
    expect(presetSlice('gaussian5', 3)).toBeNull();
    expect(presetSlice('sobelY', 1)).toBeNull();
  });

  it('says which layer cannot be computed and keeps the layers before it', () => {
    const chain = setChainLayerOptions(classChain(), 1, { stride: 2, padding: 0 });
    // Layer 1 gives 3x3 maps; (3 - 3) / 2 + 1 = 1 works, but a 2x2 input does not: (2 - 3) / 2 + 1 < 1.
    const run = runChain(chain, [matrixFromRows([[1, 2, 3]])]);
    expect(run.layers.length).toBe(1);
    expect(run.failure?.layer).toBe(1);
    expect(run.failure?.error.code).toBe('conv.outputSizeNotPositive');
  });

  it('reads back what it writes, and names the wrong field of a bad file', () => {
    const chain = setChainWeight(classChain(), 0, 1, 0, 0, -0.25);
    expect(parseConvChain(serializeConvChain(chain))).toEqual(chain);
    const problem = (text: string) => {
      try {
        parseConvChain(text);
      } catch (error) {
        if (error instanceof SinapsisError) return { code: error.code, ...error.params };
        throw error;
      }
      return null;
    };
    expect(problem('{ not json')).toEqual({ code: 'convChain.notJson' });
    expect(problem(JSON.stringify({ hello: 1 }))).toMatchObject({ code: 'convChain.field.missing', field: 'format' });
    const bad = (edit: (json: ReturnType<typeof classChain>) => void) => {
      const json = classChain();
      edit(json);
      return problem(JSON.stringify(json));
    };
    expect(bad((j) => ((j.layers[1].filters[0] as { bias: unknown }).bias = 'x'))).toMatchObject({
      code: 'convChain.field.notNumber',
      field: 'layers[1].filters[0].bias',
    });
    expect(bad((j) => (j.layers[0].stride = 9))).toMatchObject({ code: 'convChain.field.outOfRange', field: 'layers[0].stride' });
    expect(bad((j) => (j.layers[0].kernelSize = 4))).toMatchObject({ code: 'convChain.field.notAllowed', field: 'layers[0].kernelSize' });
    expect(bad((j) => (j.layers[0].activation = 'tanh' as 'relu'))).toMatchObject({
      code: 'convChain.field.notAllowed',
      field: 'layers[0].activation',
    });
    expect(bad((j) => delete (j.layers[0] as Partial<(typeof j.layers)[0]>).pool)).toMatchObject({
      code: 'convChain.field.missing',
      field: 'layers[0].pool',
    });
    expect(bad((j) => Object.assign(j.layers[0], { dilation: 2 }))).toMatchObject({
      code: 'convChain.field.unknownField',
      field: 'layers[0].dilation',
    });
    expect(bad((j) => (j.layers = []))).toMatchObject({ code: 'convChain.field.tooFew', field: 'layers' });
    expect(bad((j) => j.layers[1].filters[0].slices.pop())).toEqual({
      code: 'convChain.sliceCount',
      layer: 2,
      filter: 1,
      expected: 2,
      got: 1,
    });
    expect(bad((j) => j.layers[0].filters[1].slices[0].pop())).toEqual({
      code: 'convChain.sliceSize',
      layer: 1,
      filter: 2,
      slice: 1,
      size: 3,
    });
  });
});
