import * as tf from '@tensorflow/tfjs';
import type { HogParams } from '../../../shared/contract/features';
import type { HogGeometry } from '../../../shared/features/hogLength';
import { classScores, targetScore, type Chain } from './modelChain';

/**
 * Where a HOG run looks: gradient × input of the class score over the HOG vector the model received (after its
 * scaler), each feature's share (exact for a linear model: w_i · x_i; for an MLP its first-order estimate), added up
 * per cell and orientation bin. A cell appears in several overlapping blocks, so its shares from every block are
 * summed. Positive: this cell's edges at this orientation speak *for* the class; negative: against it. With a
 * z-score scaler, x_i is relative to the training mean, so a share says how this sample differs from the average one.
 */
export interface HogCellWeights {
  /** [cellRow][cellColumn][bin], row-major, signed. */
  weights: Float64Array;
  /** Sum over bins of each cell, [cellRow][cellColumn]. */
  cells: Float64Array;
  /** Sum over cells of each bin. */
  binTotals: Float64Array;
}

/** The cell and bin of every feature of a HOG vector laid out [blockRow][blockColumn][cellRow][cellColumn][bin]. */
export function featureCell(
  index: number,
  params: Pick<HogParams, 'orientations' | 'cellsPerBlock'>,
  geometry: HogGeometry,
): { row: number; column: number; bin: number } {
  const { orientations } = params;
  const blockWidth = params.cellsPerBlock[1];
  const block = Math.floor(index / geometry.perBlock);
  const within = index % geometry.perBlock;
  const cellInBlock = Math.floor(within / orientations);
  return {
    row: Math.floor(block / geometry.blockColumns) + Math.floor(cellInBlock / blockWidth),
    column: (block % geometry.blockColumns) + (cellInBlock % blockWidth),
    bin: within % orientations,
  };
}

/** Per-feature shares summed per cell and bin. */
export function sharesPerCell(
  shares: ArrayLike<number>,
  params: Pick<HogParams, 'orientations' | 'cellsPerBlock'>,
  geometry: HogGeometry,
): HogCellWeights {
  const bins = params.orientations;
  const weights = new Float64Array(geometry.cellRows * geometry.cellColumns * bins);
  for (let i = 0; i < geometry.length; i++) {
    const { row, column, bin } = featureCell(i, params, geometry);
    weights[(row * geometry.cellColumns + column) * bins + bin] += shares[i];
  }
  const cells = new Float64Array(geometry.cellRows * geometry.cellColumns);
  const binTotals = new Float64Array(bins);
  for (let cell = 0; cell < cells.length; cell++) {
    for (let bin = 0; bin < bins; bin++) {
      cells[cell] += weights[cell * bins + bin];
      binTotals[bin] += weights[cell * bins + bin];
    }
  }
  return { weights, cells, binTotals };
}

/** Gradient × input of the target score over the model's input vector (the scaled HOG features). */
export function gradientTimesInput(chain: Chain, vector: Float32Array, inputShape: number[], target: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor(vector, [1, ...inputShape]);
    const gradient = tf.grad((input: tf.Tensor) => targetScore(classScores(chain, input, 0), target))(x);
    return tf.mul(gradient, x).dataSync() as Float32Array;
  });
}

/** Each cell's positive weight spread over its pixels (pixels outside whole cells get 0), for the overlay. */
export function cellPixelMap(
  cells: Float64Array,
  width: number,
  height: number,
  pixelsPerCell: readonly [number, number],
  geometry: HogGeometry,
): Float64Array {
  const [cellHeight, cellWidth] = pixelsPerCell;
  const out = new Float64Array(width * height);
  for (let y = 0; y < geometry.cellRows * cellHeight; y++) {
    for (let x = 0; x < geometry.cellColumns * cellWidth; x++) {
      out[y * width + x] = Math.max(0, cells[Math.floor(y / cellHeight) * geometry.cellColumns + Math.floor(x / cellWidth)]);
    }
  }
  return out;
}
