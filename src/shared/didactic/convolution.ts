/**
 * The convolution explorer's math (seed 004): a CNN "convolution" is a 2D cross-correlation (the filter is
 * not flipped), with a stride S (how many cells the window moves) and zero padding P (rings of zeros added
 * around the image). For an N x N image and an F x F filter the output is (N + 2P - F) / S + 1 cells wide,
 * which must be a positive integer. After it come ReLU, φ(x) = max(0, x), and 2x2 max pooling.
 */
import { SinapsisError } from '../contract/errors';

/** A grayscale image or a filter: `values[r * cols + c]`. */
export interface Matrix {
  rows: number;
  cols: number;
  values: Float64Array;
}

export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  if (rows.length === 0 || cols === 0 || rows.some((row) => row.length !== cols)) {
    throw new SinapsisError('conv.badMatrix', 'A matrix needs at least one row, and every row the same number of columns.');
  }
  return { rows: rows.length, cols, values: Float64Array.from(rows.flat()) };
}

export function matrixToRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, r) => Array.from(m.values.subarray(r * m.cols, (r + 1) * m.cols)));
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, values: new Float64Array(rows * cols) };
}

export function at(m: Matrix, r: number, c: number): number {
  return m.values[r * m.cols + c];
}

export interface ConvolutionParams {
  /** S, in cells, the same along rows and columns. */
  stride: number;
  /** P, rings of zeros around the image. */
  padding: number;
}

/**
 * Output size along one dimension, (N + 2P - F) / S + 1. Throws a `SinapsisError` when it is not a
 * positive integer: the window would not fit the padded image a whole number of times (e.g. N = 7, F = 3,
 * S = 3 gives 2.33).
 */
export function convOutputSize(inputSize: number, filterSize: number, stride: number, padding: number): number {
  if (!Number.isInteger(stride) || stride < 1) {
    throw new SinapsisError('conv.badStride', `The stride must be a whole number of at least 1 (got ${stride}).`, { stride });
  }
  if (!Number.isInteger(padding) || padding < 0) {
    throw new SinapsisError('conv.badPadding', `The padding must be a whole number of at least 0 (got ${padding}).`, { padding });
  }
  const params = { n: inputSize, f: filterSize, s: stride, p: padding };
  const size = (inputSize + 2 * padding - filterSize) / stride + 1;
  if (size < 1) {
    throw new SinapsisError(
      'conv.outputSizeNotPositive',
      `(N + 2P - F) / S + 1 = (${inputSize} + ${2 * padding} - ${filterSize}) / ${stride} + 1 is less than 1: the filter is larger than the padded image. Use a smaller filter or more padding.`,
      { ...params, size: Number(size.toFixed(3)) },
    );
  }
  if (!Number.isInteger(size)) {
    throw new SinapsisError(
      'conv.outputSizeNotInteger',
      `(N + 2P - F) / S + 1 = (${inputSize} + ${2 * padding} - ${filterSize}) / ${stride} + 1 = ${size.toFixed(2)} is not an integer: the window does not fit a whole number of times. Change the stride or the padding.`,
      { ...params, size: Number(size.toFixed(3)) },
    );
  }
  return size;
}

/** One output cell of the convolution, with the window it saw: what the explorer highlights. */
export interface ConvolutionCell {
  outRow: number;
  outCol: number;
  /** Top-left corner of the window in padded-image coordinates (subtract P for image coordinates). */
  windowRow: number;
  windowCol: number;
  /** The window's values (zeros where it covers padding), row by row like the filter. */
  window: number[];
  /** window[i] x filter[i] */
  products: number[];
  /** Σ products: the output value. */
  sum: number;
}

/** Value of the zero-padded image at padded coordinates (r, c). */
function paddedAt(image: Matrix, r: number, c: number, padding: number): number {
  const ir = r - padding;
  const ic = c - padding;
  return ir < 0 || ic < 0 || ir >= image.rows || ic >= image.cols ? 0 : image.values[ir * image.cols + ic];
}

export function convolutionCell(image: Matrix, filter: Matrix, params: ConvolutionParams, outRow: number, outCol: number): ConvolutionCell {
  const windowRow = outRow * params.stride;
  const windowCol = outCol * params.stride;
  const window: number[] = [];
  const products: number[] = [];
  let sum = 0;
  for (let fr = 0; fr < filter.rows; fr++) {
    for (let fc = 0; fc < filter.cols; fc++) {
      const v = paddedAt(image, windowRow + fr, windowCol + fc, params.padding);
      const product = v * filter.values[fr * filter.cols + fc];
      window.push(v);
      products.push(product);
      sum += product;
    }
  }
  return { outRow, outCol, windowRow, windowCol, window, products, sum };
}

/** 2D cross-correlation of a single-channel image with one filter. */
export function convolve2d(image: Matrix, filter: Matrix, params: ConvolutionParams): Matrix {
  return convolve2dChannels([image], [filter], params);
}

/**
 * Multi-channel cross-correlation: a 3D filter has one slice per input channel, and the output cell is the
 * sum over channels (the second convolution layer of seed 004).
 */
export function convolve2dChannels(channels: readonly Matrix[], filters: readonly Matrix[], params: ConvolutionParams): Matrix {
  if (channels.length === 0 || channels.length !== filters.length) {
    throw new SinapsisError('conv.channelMismatch', 'A filter needs exactly one slice per input channel.');
  }
  const { rows, cols } = channels[0];
  const outRows = convOutputSize(rows, filters[0].rows, params.stride, params.padding);
  const outCols = convOutputSize(cols, filters[0].cols, params.stride, params.padding);
  const out = zeros(outRows, outCols);
  channels.forEach((image, ch) => {
    const filter = filters[ch];
    for (let r = 0; r < outRows; r++) {
      for (let c = 0; c < outCols; c++) {
        let sum = 0;
        for (let fr = 0; fr < filter.rows; fr++) {
          for (let fc = 0; fc < filter.cols; fc++) {
            sum += paddedAt(image, r * params.stride + fr, c * params.stride + fc, params.padding) * filter.values[fr * filter.cols + fc];
          }
        }
        out.values[r * outCols + c] += sum;
      }
    }
  });
  return out;
}

/** ReLU on every cell: negative responses (the pattern is absent) become 0. */
export function reluMatrix(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, values: m.values.map((v) => Math.max(0, v)) };
}

/**
 * Max pooling with a size x size window moved by `size` cells. With `includePartial` (the default) the last
 * row/column of windows may hang over the edge and use the cells they cover, so a 5x5 map gives 3x3 as in
 * seed 004; without it those cells are dropped (5x5 gives 2x2, like "valid" pooling).
 */
export function maxPool(m: Matrix, size = 2, includePartial = true): Matrix {
  const outRows = includePartial ? Math.ceil(m.rows / size) : Math.floor(m.rows / size);
  const outCols = includePartial ? Math.ceil(m.cols / size) : Math.floor(m.cols / size);
  const out = zeros(outRows, outCols);
  for (let r = 0; r < outRows; r++) {
    for (let c = 0; c < outCols; c++) {
      let max = -Infinity;
      for (let dr = 0; dr < size && r * size + dr < m.rows; dr++) {
        for (let dc = 0; dc < size && c * size + dc < m.cols; dc++) max = Math.max(max, m.values[(r * size + dr) * m.cols + c * size + dc]);
      }
      out.values[r * outCols + c] = max;
    }
  }
  return out;
}

/** The 5x5 grayscale example of seed 004 ("detecção de orelha de gato"). */
export const SEED_004_IMAGE = matrixFromRows([
  [3, 0, 0, 3, 0],
  [0, 0, 10, 0, 3],
  [0, 10, 3, 10, 0],
  [10, 3, 3, 3, 10],
  [3, 3, 3, 3, 3],
]);

/** Named filters of the explorer. The two diagonal-edge filters are seed 004's "Filtro 1" and "Filtro 2". */
export const PRESET_FILTERS = {
  /** Seed 004 filter 1: responds to a "/" diagonal (rising to the right). */
  diagonalRising: matrixFromRows([
    [-1, -1, 1],
    [-1, 1, -1],
    [1, -1, -1],
  ]),
  /** Seed 004 filter 2: responds to a "\" diagonal. */
  diagonalFalling: matrixFromRows([
    [1, -1, -1],
    [-1, 1, -1],
    [-1, -1, 1],
  ]),
  /** Sobel horizontal derivative: responds to vertical edges. */
  sobelX: matrixFromRows([
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ]),
  /** Sobel vertical derivative: responds to horizontal edges. */
  sobelY: matrixFromRows([
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ]),
  /** Identity: the output is the input (a layer that only adds ReLU or pooling, or the start of a hand-made filter). */
  identity: matrixFromRows([
    [0, 0, 0],
    [0, 1, 0],
    [0, 0, 0],
  ]),
  /** 4-neighbour Laplacian: responds to spots and thin lines, zero on flat areas and even ramps. */
  laplacian: matrixFromRows([
    [0, 1, 0],
    [1, -4, 1],
    [0, 1, 0],
  ]),
  /** Sharpen: the image plus its negated Laplacian, sum 1. */
  sharpen: matrixFromRows([
    [0, -1, 0],
    [-1, 5, -1],
    [0, -1, 0],
  ]),
  /** 3x3 box blur: the mean of the window. */
  boxBlur: matrixFromRows(
    [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ].map((row) => row.map((v) => v / 9)),
  ),
  /** 3x3 Gaussian blur (binomial weights 1-2-1, sum 1). */
  gaussian3: matrixFromRows(
    [
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ].map((row) => row.map((v) => v / 16)),
  ),
  /** 5x5 Gaussian blur (binomial weights, sum 1). */
  gaussian5: matrixFromRows(
    [
      [1, 4, 6, 4, 1],
      [4, 16, 24, 16, 4],
      [6, 24, 36, 24, 6],
      [4, 16, 24, 16, 4],
      [1, 4, 6, 4, 1],
    ].map((row) => row.map((v) => v / 256)),
  ),
} as const;
export type PresetFilterName = keyof typeof PRESET_FILTERS;
export const PRESET_FILTER_NAMES = Object.keys(PRESET_FILTERS) as PresetFilterName[];

/**
 * Seed 004's second convolution layer: a 3D filter with one 3x3 slice for each of the two channels produced by
 * filters 1 and 2 (after ReLU and 2x2 max pooling). A positive output means both diagonals meet as in a cat's ear.
 */
export const SEED_004_SECOND_LAYER_FILTER: readonly Matrix[] = [
  matrixFromRows([
    [-1, -1, -1],
    [-1, 1, -1],
    [-1, -1, -1],
  ]),
  matrixFromRows([
    [-1, -1, -1],
    [-1, -1, 1],
    [-1, -1, -1],
  ]),
];

/** The two-layer pipeline of seed 004 on `image`: both first-layer channels, then the second layer's output. */
export function seed004TwoLayers(image: Matrix): { channels: Matrix[]; output: Matrix } {
  const params = { stride: 1, padding: 1 };
  const channels = [PRESET_FILTERS.diagonalRising, PRESET_FILTERS.diagonalFalling].map((f) =>
    maxPool(reluMatrix(convolve2d(image, f, params))),
  );
  return { channels, output: convolve2dChannels(channels, SEED_004_SECOND_LAYER_FILTER, params) };
}

/**
 * Grayscale from RGBA pixels (canvas ImageData layout), with the ITU-R BT.601 luma weights that OpenCV
 * and scikit-image use: Y = 0.299 R + 0.587 G + 0.114 B, in 0..255.
 */
export function grayscaleFromRgba(rgba: ArrayLike<number>, width: number, height: number): Matrix {
  const out = zeros(height, width);
  for (let i = 0; i < width * height; i++) out.values[i] = 0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2];
  return out;
}
