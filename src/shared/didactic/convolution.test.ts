import { describe, expect, it } from 'vitest';
import { SinapsisError } from '../contract/errors';
import {
  PRESET_FILTERS,
  SEED_004_IMAGE,
  convOutputSize,
  convolutionCell,
  convolve2d,
  convolve2dChannels,
  grayscaleFromRgba,
  matrixFromRows,
  matrixToRows,
  maxPool,
  reluMatrix,
  seed004TwoLayers,
} from './convolution';
import { createSeededRandom } from './seededRandom';

/** Independent reference: build the zero-padded image explicitly, then slide the window. */
function directCrossCorrelation(image: number[][], filter: number[][], stride: number, padding: number): number[][] {
  const n = image.length;
  const f = filter.length;
  const padded = Array.from({ length: n + 2 * padding }, (_, r) =>
    Array.from({ length: image[0].length + 2 * padding }, (_, c) => image[r - padding]?.[c - padding] ?? 0),
  );
  const out: number[][] = [];
  for (let r = 0; r + f <= padded.length; r += stride) {
    const row: number[] = [];
    for (let c = 0; c + f <= padded[0].length; c += stride) {
      let s = 0;
      for (let i = 0; i < f; i++) for (let j = 0; j < f; j++) s += padded[r + i][c + j] * filter[i][j];
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

describe('convolution explorer', () => {
  it('reproduces the zero-padded output of seed 004 with its diagonal-edge filter 1', () => {
    const out = convolve2d(SEED_004_IMAGE, PRESET_FILTERS.diagonalRising, { stride: 1, padding: 1 });
    expect(matrixToRows(out)).toEqual([
      [3, -13, -13, 10, -6],
      [-13, -26, 10, -23, 10],
      [-23, 21, -30, -10, -20],
      [11, -20, -9, -26, -3],
      [-7, -13, -6, 1, -13],
    ]);
  });

  it('gives the two channels of seed 004 after ReLU and 2x2 max pooling, and the second layer 3D filter output', () => {
    const channel = (filter: keyof typeof PRESET_FILTERS) =>
      maxPool(reluMatrix(convolve2d(SEED_004_IMAGE, PRESET_FILTERS[filter], { stride: 1, padding: 1 })));
    const c1 = channel('diagonalRising');
    const c2 = channel('diagonalFalling');
    expect(matrixToRows(c1)).toEqual([
      [3, 10, 10],
      [21, 0, 0],
      [0, 1, 0],
    ]);
    // The slide shows 10 in the top-middle cell of channel 2, but the window sums give at most 4 there:
    // output (1, 2) = (1·0 - 0 - 3) + (-0 + 10 - 0) + (-10 - 3 + 10) = 4, the largest of its 2x2 block
    // (-13, -4, 4, -29). Every other cell matches the slide.
    expect(matrixToRows(c2)).toEqual([
      [7, 4, 0],
      [0, 18, 11],
      [1, 0, 0],
    ]);
    const slice1 = matrixFromRows([
      [-1, -1, -1],
      [-1, 1, -1],
      [-1, -1, -1],
    ]);
    const slice2 = matrixFromRows([
      [-1, -1, -1],
      [-1, -1, 1],
      [-1, -1, -1],
    ]);
    // The second layer of the slide was computed from the slide's channels, so use those exactly.
    const slideC2 = matrixFromRows([
      [7, 10, 0],
      [0, 18, 11],
      [1, 0, 0],
    ]);
    expect(matrixToRows(convolve2dChannels([c1, slideC2], [slice1, slice2], { stride: 1, padding: 1 }))).toEqual([
      [-43, -70, -39],
      [7, -70, -60],
      [-41, -50, -30],
    ]);
  });

  it('runs both layers of seed 004 on its image (the second layer differs from the slide only through channel 2)', () => {
    const { channels, output } = seed004TwoLayers(SEED_004_IMAGE);
    expect(matrixToRows(channels[0])[0]).toEqual([3, 10, 10]);
    expect(matrixToRows(channels[1])[0]).toEqual([7, 4, 0]);
    // Slide: -43 -70 -39 / 7 -70 -60 / -41 -50 -30. Channel 2's top-middle cell is 4, not 10: it sits under the
    // +1 of slice 2 for output (0, 0) (6 less) and under a -1 for the other cells of the top two rows (6 more).
    expect(matrixToRows(output)).toEqual([
      [-49, -64, -33],
      [13, -64, -54],
      [-41, -50, -30],
    ]);
  });

  it('equals a direct computation for every preset filter, stride and padding that fit', () => {
    const image = matrixToRows(SEED_004_IMAGE);
    for (const [name, filter] of Object.entries(PRESET_FILTERS)) {
      for (const stride of [1, 2, 3]) {
        for (const padding of [0, 1, 2]) {
          const size = (5 + 2 * padding - filter.rows) / stride + 1;
          if (!Number.isInteger(size) || size < 1) continue;
          const ours = matrixToRows(convolve2d(SEED_004_IMAGE, filter, { stride, padding }));
          const direct = directCrossCorrelation(image, matrixToRows(filter), stride, padding);
          expect(ours.length, `${name} S=${stride} P=${padding}`).toBe(direct.length);
          ours.flat().forEach((v, i) => expect(v).toBeCloseTo(direct.flat()[i], 10));
        }
      }
    }
  });

  it('equals a direct computation on random images, and cell-by-cell traces agree with the full output', () => {
    const random = createSeededRandom(4);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + random.int(6);
      const f = random.next() < 0.5 ? 3 : 5;
      const image = Array.from({ length: n }, () => Array.from({ length: n }, () => random.int(11)));
      const filter = Array.from({ length: f }, () => Array.from({ length: f }, () => random.int(5) - 2));
      const stride = 1;
      const padding = random.int(3);
      const m = matrixFromRows(image);
      const k = matrixFromRows(filter);
      const out = convolve2d(m, k, { stride, padding });
      expect(matrixToRows(out)).toEqual(directCrossCorrelation(image, filter, stride, padding));
      for (let r = 0; r < out.rows; r++) {
        for (let c = 0; c < out.cols; c++) {
          const cell = convolutionCell(m, k, { stride, padding }, r, c);
          expect(cell.sum).toBe(out.values[r * out.cols + c]);
          expect(cell.products.reduce((a, b) => a + b, 0)).toBe(cell.sum);
        }
      }
    }
  });

  it('shows the window of an output cell, with zeros over the padding', () => {
    const cell = convolutionCell(SEED_004_IMAGE, PRESET_FILTERS.diagonalRising, { stride: 1, padding: 1 }, 0, 0);
    expect(cell.window).toEqual([0, 0, 0, 0, 3, 0, 0, 0, 0]);
    expect(cell.sum).toBe(3);
    const strided = convolutionCell(SEED_004_IMAGE, PRESET_FILTERS.sobelX, { stride: 2, padding: 0 }, 1, 1);
    expect([strided.windowRow, strided.windowCol]).toEqual([2, 2]);
    expect(strided.window).toEqual([3, 10, 0, 3, 3, 10, 3, 3, 3]);
    expect(strided.sum).toBe(-3 + 0 + 0 - 6 + 0 + 20 - 3 + 0 + 3);
  });

  it('computes the output size (N + 2P - F) / S + 1 and explains when it is impossible', () => {
    expect(convOutputSize(5, 3, 1, 1)).toBe(5);
    expect(convOutputSize(7, 3, 2, 0)).toBe(3);
    expect(convOutputSize(32, 5, 1, 2)).toBe(32);
    const error = (fn: () => unknown): SinapsisError => {
      try {
        fn();
      } catch (e) {
        if (e instanceof SinapsisError) return e;
      }
      throw new Error('expected a SinapsisError');
    };
    const notInteger = error(() => convOutputSize(7, 3, 3, 0));
    expect(notInteger.code).toBe('conv.outputSizeNotInteger');
    expect(notInteger.params).toMatchObject({ n: 7, f: 3, s: 3, p: 0, size: 2.333 });
    expect(error(() => convOutputSize(3, 5, 1, 0)).code).toBe('conv.outputSizeNotPositive');
    expect(error(() => convOutputSize(5, 3, 0, 0)).code).toBe('conv.badStride');
    expect(error(() => convOutputSize(5, 3, 1, -1)).code).toBe('conv.badPadding');
    expect(() =>
      convolve2d(matrixFromRows(Array.from({ length: 7 }, () => Array(7).fill(1))), PRESET_FILTERS.sobelX, { stride: 3, padding: 0 }),
    ).toThrow(SinapsisError);
  });

  it('pools 2x2 with or without the partial windows at the edge', () => {
    const m = matrixFromRows([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(matrixToRows(maxPool(m))).toEqual([
      [5, 6],
      [8, 9],
    ]);
    expect(matrixToRows(maxPool(m, 2, false))).toEqual([[5]]);
  });

  it('converts RGBA pixels to grayscale with BT.601 weights', () => {
    const g = grayscaleFromRgba([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255], 2, 2);
    expect(Array.from(g.values).map((v) => Number(v.toFixed(3)))).toEqual([76.245, 149.685, 29.07, 255]);
  });
});
