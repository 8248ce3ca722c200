import { SinapsisError } from '../../../shared/contract';
import type { HogParams } from '../../../shared/contract/features';
import { hogGeometry, minimumHogSize, type HogGeometry } from '../../../shared/features/hogLength';
import type { PixelImage } from './pixelImage';

/*
 * Histogram of Oriented Gradients (Dalal & Triggs 2005) computed exactly as `skimage.feature.hog` 0.19 does,
 * so a student's vector in Sinapsis equals the one in their notebook:
 * 1. optional gamma compression: the square root of every sample (`transform_sqrt`);
 * 2. gradients by central differences [-1, 0, 1], zero on the image border; for colour, each pixel keeps the
 *    channel whose gradient is strongest (first channel on ties, like numpy's argmax);
 * 3. per cell, magnitudes summed into unsigned orientation bins over [0, 180) degrees (no interpolation
 *    between bins or cells), then divided by the cell's pixel count. skimage's Cython keeps this sum in a
 *    C `float` (single precision), so we round with Math.fround at the same steps: without it the vectors
 *    differ from skimage's by about 2e-8;
 * 4. every position of a block of cells normalised on its own (blocks overlap, so each cell appears in
 *    several blocks), flattened as [blockRow][blockColumn][cellRow][cellColumn][bin].
 * Pixels at the right/bottom edge that do not fill a whole cell are ignored, as in skimage.
 */

/** skimage's `eps` in `_hog_normalize_block`. */
const EPS = 1e-5;
const DEGREES_PER_RADIAN = 180 / Math.PI;

export interface HogResult {
  /** The feature vector, skimage's `hog(..., feature_vector=True)`. */
  vector: Float64Array;
  /** Cell histograms before block normalisation, [cellRow][cellColumn][bin]; the HOG picture draws these. */
  cellHistograms: Float64Array;
  geometry: HogGeometry;
}

/** Throws the error students see when an image cannot hold a single block. */
export function assertHogFits(height: number, width: number, params: HogParams): HogGeometry {
  const geometry = hogGeometry(height, width, params);
  if (geometry.length === 0) {
    const min = minimumHogSize(params);
    throw new SinapsisError(
      'hog-image-too-small',
      `A ${width}x${height} image is smaller than one HOG block (${min.width}x${min.height} pixels: ${params.cellsPerBlock[1]}x${params.cellsPerBlock[0]} cells of ${params.pixelsPerCell[1]}x${params.pixelsPerCell[0]} pixels). Resize it larger, or use smaller cells or blocks.`,
      { width, height, minWidth: min.width, minHeight: min.height },
    );
  }
  return geometry;
}

/** Python's `%` for floats (numpy.remainder): the result takes the divisor's sign, so angles land in [0, 180). */
function remainder180(degrees: number): number {
  const r = degrees % 180;
  return r < 0 ? r + 180 : r;
}

/**
 * Row and column gradients of the pixels, choosing per pixel the channel with the largest magnitude.
 * Returned arrays are row-major, one value per pixel.
 */
function gradients(image: PixelImage, transformSqrt: boolean): { rows: Float64Array; columns: Float64Array } {
  const { width, height, channels, data } = image;
  // Always Float64Array, so the loops below see one array type and stay fast.
  const sample = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) sample[i] = transformSqrt ? Math.sqrt(data[i]) : data[i];
  const pixels = width * height;
  const rows = new Float64Array(pixels);
  const columns = new Float64Array(pixels);
  if (channels === 1) {
    for (let p = width; p < pixels - width; p++) rows[p] = sample[p + width] - sample[p - width];
    for (let r = 0; r < height; r++) {
      const end = r * width + width - 1;
      for (let p = r * width + 1; p < end; p++) columns[p] = sample[p + 1] - sample[p - 1];
    }
    return { rows, columns };
  }
  const strongest = new Float64Array(pixels).fill(-1);
  const rowStride = width * channels;
  for (let channel = 0; channel < channels; channel++) {
    for (let r = 0; r < height; r++) {
      const interiorRow = r > 0 && r < height - 1;
      for (let c = 0; c < width; c++) {
        const i = r * rowStride + c * channels + channel;
        const gRow = interiorRow ? sample[i + rowStride] - sample[i - rowStride] : 0;
        const gColumn = c > 0 && c < width - 1 ? sample[i + channels] - sample[i - channels] : 0;
        const p = r * width + c;
        const magnitude = Math.sqrt(gRow * gRow + gColumn * gColumn);
        // Strictly greater: on a tie the earlier channel wins, as with numpy's argmax.
        if (magnitude <= strongest[p]) continue;
        strongest[p] = magnitude;
        rows[p] = gRow;
        columns[p] = gColumn;
      }
    }
  }
  return { rows, columns };
}

/**
 * The bin of an angle in [0, 180): bin i holds [180/n * i, 180/n * (i+1)) with skimage's own products, so
 * angles on a boundary go where skimage puts them. Returns -1 for an angle beyond the last boundary
 * (possible only through rounding, and then skimage drops it too).
 */
function binOf(angle: number, binWidth: number, bins: number): number {
  let bin = Math.min(bins - 1, Math.max(0, Math.floor(angle / binWidth)));
  if (angle < binWidth * bin) bin -= 1;
  else if (angle >= binWidth * (bin + 1)) bin += 1;
  return bin >= 0 && bin < bins && angle >= binWidth * bin && angle < binWidth * (bin + 1) ? bin : -1;
}

/** Central differences of 8-bit samples are whole numbers in [-255, 255]. */
const GRADIENT_SPAN = 511;
const binTables = new Map<number, Int8Array>();

/**
 * The bin of every possible integer gradient (row, column) pair, computed once per bin count with the same
 * atan2 formula as `binOf`. Without gamma compression every gradient is such a pair, and a table lookup is
 * several times faster than atan2 per pixel while giving identical bins.
 */
function binTable(orientations: number): Int8Array {
  let table = binTables.get(orientations);
  if (table) return table;
  table = new Int8Array(GRADIENT_SPAN * GRADIENT_SPAN);
  const binWidth = 180 / orientations;
  for (let gRow = -255; gRow <= 255; gRow++) {
    for (let gColumn = -255; gColumn <= 255; gColumn++) {
      table[(gRow + 255) * GRADIENT_SPAN + gColumn + 255] = binOf(
        remainder180(Math.atan2(gRow, gColumn) * DEGREES_PER_RADIAN),
        binWidth,
        orientations,
      );
    }
  }
  binTables.set(orientations, table);
  return table;
}

/** Orientation histograms of every whole cell, each divided by the cell's pixel count (skimage's hog_histograms). */
export function cellHistograms(image: PixelImage, params: HogParams, geometry: HogGeometry): Float64Array {
  if (image.channels === 1 && !params.transformSqrt) return greyHistograms(image, params, geometry);
  const { orientations } = params;
  const [cellHeight, cellWidth] = params.pixelsPerCell;
  const { rows, columns } = gradients(image, params.transformSqrt);
  const histograms = new Float64Array(geometry.cellRows * geometry.cellColumns * orientations);
  const binWidth = 180 / orientations;
  const usedRows = geometry.cellRows * cellHeight;
  const usedColumns = geometry.cellColumns * cellWidth;
  const width = image.width;
  // Square roots make gradients fractional; then each pixel needs its own atan2.
  const table = params.transformSqrt ? null : binTable(orientations);
  const cellOfColumn = new Int32Array(usedColumns);
  for (let c = 0; c < usedColumns; c++) cellOfColumn[c] = Math.floor(c / cellWidth);
  // Pixels are visited row by row, so within each cell and bin they are summed in skimage's order.
  for (let r = 0; r < usedRows; r++) {
    const cellRowBase = Math.floor(r / cellHeight) * geometry.cellColumns;
    for (let c = 0; c < usedColumns; c++) {
      const p = r * width + c;
      const gRow = rows[p];
      const gColumn = columns[p];
      const bin = table
        ? table[(gRow + 255) * GRADIENT_SPAN + gColumn + 255]
        : binOf(remainder180(Math.atan2(gRow, gColumn) * DEGREES_PER_RADIAN), binWidth, orientations);
      if (bin < 0) continue;
      const h = (cellRowBase + cellOfColumn[c]) * orientations + bin;
      histograms[h] = Math.fround(histograms[h] + Math.sqrt(gColumn * gColumn + gRow * gRow));
    }
  }
  const cellArea = cellHeight * cellWidth;
  for (let i = 0; i < histograms.length; i++) histograms[i] = Math.fround(histograms[i] / cellArea);
  return histograms;
}

/**
 * The same histograms for the common case (grey 8-bit, no gamma), with the gradients computed on the fly from
 * the bytes: no per-image gradient arrays to allocate and fill, which dominated the time on 128x64 images.
 */
function greyHistograms(image: PixelImage, params: HogParams, geometry: HogGeometry): Float64Array {
  const { orientations } = params;
  const [cellHeight, cellWidth] = params.pixelsPerCell;
  const { width, height, data } = image;
  const histograms = new Float64Array(geometry.cellRows * geometry.cellColumns * orientations);
  const table = binTable(orientations);
  const usedRows = geometry.cellRows * cellHeight;
  const usedColumns = geometry.cellColumns * cellWidth;
  const lastRow = height - 1;
  const lastColumn = width - 1;
  for (let r = 0; r < usedRows; r++) {
    const cellRowBase = Math.floor(r / cellHeight) * geometry.cellColumns;
    const interiorRow = r > 0 && r < lastRow;
    const rowStart = r * width;
    let cell = 0;
    let inCell = 0;
    for (let c = 0; c < usedColumns; c++) {
      const p = rowStart + c;
      const gRow = interiorRow ? data[p + width] - data[p - width] : 0;
      const gColumn = c > 0 && c < lastColumn ? data[p + 1] - data[p - 1] : 0;
      const bin = table[(gRow + 255) * GRADIENT_SPAN + gColumn + 255];
      if (bin >= 0) {
        const h = (cellRowBase + cell) * orientations + bin;
        histograms[h] = Math.fround(histograms[h] + Math.sqrt(gColumn * gColumn + gRow * gRow));
      }
      if (++inCell === cellWidth) {
        inCell = 0;
        cell += 1;
      }
    }
  }
  const cellArea = cellHeight * cellWidth;
  for (let i = 0; i < histograms.length; i++) histograms[i] = Math.fround(histograms[i] / cellArea);
  return histograms;
}

/**
 * Normalises `values[start .. start + length)` in place (skimage's `_hog_normalize_block`). Works on a range of
 * the output rather than a `subarray` view because creating thousands of views costs more than the maths.
 */
export function normalizeBlock(values: Float64Array, method: HogParams['blockNorm'], start = 0, length = values.length - start): void {
  const end = start + length;
  switch (method) {
    case 'L1':
    case 'L1-sqrt': {
      let sum = 0;
      for (let i = start; i < end; i++) sum += Math.abs(values[i]);
      const scale = sum + EPS;
      if (method === 'L1') for (let i = start; i < end; i++) values[i] /= scale;
      else for (let i = start; i < end; i++) values[i] = Math.sqrt(values[i] / scale);
      return;
    }
    case 'L2':
      divideByL2(values, start, end);
      return;
    case 'L2-Hys':
      divideByL2(values, start, end);
      // Clipping at 0.2 stops one strong edge from dominating the block; then renormalise.
      for (let i = start; i < end; i++) if (values[i] > 0.2) values[i] = 0.2;
      divideByL2(values, start, end);
      return;
  }
}

function divideByL2(values: Float64Array, start: number, end: number): void {
  let sumOfSquares = 0;
  for (let i = start; i < end; i++) sumOfSquares += values[i] * values[i];
  const norm = Math.sqrt(sumOfSquares + EPS * EPS);
  for (let i = start; i < end; i++) values[i] /= norm;
}

/** Normalises every block position and concatenates them in skimage's order. */
export function blockVector(histograms: Float64Array, params: HogParams, geometry: HogGeometry): Float64Array {
  const { orientations, blockNorm } = params;
  const [blockHeight, blockWidth] = params.cellsPerBlock;
  const vector = new Float64Array(geometry.length);
  const cellRowLength = geometry.cellColumns * orientations;
  const blockRowLength = blockWidth * orientations;
  let offset = 0;
  for (let br = 0; br < geometry.blockRows; br++) {
    for (let bc = 0; bc < geometry.blockColumns; bc++) {
      let o = offset;
      for (let i = 0; i < blockHeight; i++) {
        const from = (br + i) * cellRowLength + bc * orientations;
        for (let k = 0; k < blockRowLength; k++) vector[o++] = histograms[from + k];
      }
      normalizeBlock(vector, blockNorm, offset, geometry.perBlock);
      offset += geometry.perBlock;
    }
  }
  return vector;
}

/**
 * `skimage.feature.hog(image, ..., feature_vector=True)` for an 8-bit grey image, or a colour one with
 * `channel_axis=-1`. Throws `hog-image-too-small` when not even one block fits.
 */
export function hog(image: PixelImage, params: HogParams): HogResult {
  const geometry = assertHogFits(image.height, image.width, params);
  const histograms = cellHistograms(image, params, geometry);
  return { vector: blockVector(histograms, params, geometry), cellHistograms: histograms, geometry };
}
