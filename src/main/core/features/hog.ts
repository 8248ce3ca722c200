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
  const pixels = width * height;
  const sample = transformSqrt ? Float64Array.from(data, Math.sqrt) : data;
  const rows = new Float64Array(pixels);
  const columns = new Float64Array(pixels);
  const strongest = channels === 1 ? null : new Float64Array(pixels).fill(-1);
  const rowStride = width * channels;
  for (let channel = 0; channel < channels; channel++) {
    for (let r = 0; r < height; r++) {
      const interiorRow = r > 0 && r < height - 1;
      for (let c = 0; c < width; c++) {
        const i = r * rowStride + c * channels + channel;
        const gRow = interiorRow ? sample[i + rowStride] - sample[i - rowStride] : 0;
        const gColumn = c > 0 && c < width - 1 ? sample[i + channels] - sample[i - channels] : 0;
        const p = r * width + c;
        if (strongest) {
          const magnitude = Math.sqrt(gRow * gRow + gColumn * gColumn);
          // Strictly greater: on a tie the earlier channel wins, as with numpy's argmax.
          if (magnitude <= strongest[p]) continue;
          strongest[p] = magnitude;
        }
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

/** Orientation histograms of every whole cell, each divided by the cell's pixel count (skimage's hog_histograms). */
export function cellHistograms(image: PixelImage, params: HogParams, geometry: HogGeometry): Float64Array {
  const { orientations } = params;
  const [cellHeight, cellWidth] = params.pixelsPerCell;
  const { rows, columns } = gradients(image, params.transformSqrt);
  const histograms = new Float64Array(geometry.cellRows * geometry.cellColumns * orientations);
  const binWidth = 180 / orientations;
  const usedRows = geometry.cellRows * cellHeight;
  const usedColumns = geometry.cellColumns * cellWidth;
  const width = image.width;
  // Pixels are visited row by row, so within each cell and bin they are summed in skimage's order.
  for (let r = 0; r < usedRows; r++) {
    const cellRowBase = Math.floor(r / cellHeight) * geometry.cellColumns;
    for (let c = 0; c < usedColumns; c++) {
      const p = r * width + c;
      const gRow = rows[p];
      const gColumn = columns[p];
      const bin = binOf(remainder180(Math.atan2(gRow, gColumn) * DEGREES_PER_RADIAN), binWidth, orientations);
      if (bin < 0) continue;
      const h = (cellRowBase + Math.floor(c / cellWidth)) * orientations + bin;
      histograms[h] = Math.fround(histograms[h] + Math.sqrt(gColumn * gColumn + gRow * gRow));
    }
  }
  const cellArea = cellHeight * cellWidth;
  for (let i = 0; i < histograms.length; i++) histograms[i] = Math.fround(histograms[i] / cellArea);
  return histograms;
}

/** One block's values normalised in place (skimage's `_hog_normalize_block`). */
export function normalizeBlock(block: Float64Array, method: HogParams['blockNorm']): void {
  switch (method) {
    case 'L1':
    case 'L1-sqrt': {
      let sum = 0;
      for (const v of block) sum += Math.abs(v);
      const scale = sum + EPS;
      for (let i = 0; i < block.length; i++) block[i] = method === 'L1' ? block[i] / scale : Math.sqrt(block[i] / scale);
      return;
    }
    case 'L2':
      divideByL2(block);
      return;
    case 'L2-Hys':
      divideByL2(block);
      // Clipping at 0.2 stops one strong edge from dominating the block; then renormalise.
      for (let i = 0; i < block.length; i++) block[i] = Math.min(block[i], 0.2);
      divideByL2(block);
      return;
  }
}

function divideByL2(block: Float64Array): void {
  let sumOfSquares = 0;
  for (const v of block) sumOfSquares += v * v;
  const norm = Math.sqrt(sumOfSquares + EPS * EPS);
  for (let i = 0; i < block.length; i++) block[i] /= norm;
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
      const block = vector.subarray(offset, offset + geometry.perBlock);
      for (let i = 0; i < blockHeight; i++) {
        const start = (br + i) * cellRowLength + bc * orientations;
        block.set(histograms.subarray(start, start + blockRowLength), i * blockRowLength);
      }
      normalizeBlock(block, blockNorm);
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
