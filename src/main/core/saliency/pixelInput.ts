import * as tf from '@tensorflow/tfjs';
import type { Scaler } from '../../../shared/datasets/scaling';
import { pngDataUrl } from '../datasets/images/thumbnail';
import type { RunModel } from '../inference/runModelCache';

/**
 * The pixels of a pixel run as the methods perturb and differentiate them: the raw values 0..1 (grey or RGB,
 * resized, height × width × channel), *before* the run's fitted scaler. The scaler is applied here as tensor
 * operations, so a gradient is taken with respect to the pixels the student sees, not to z-scores, and noise or an
 * occluding patch is added to pixels, not to standardised values.
 */
export interface PixelInput {
  width: number;
  height: number;
  channels: number;
  /** The sample's raw pixels, row-major, channels interleaved. */
  raw: Float32Array;
  /** [n, width·height·channels] raw pixels -> [n, ...model input shape] scaled as in training. */
  toModelInput: (raw: tf.Tensor) => tf.Tensor;
}

function scaleTensor(raw: tf.Tensor, scaler: Scaler | null): tf.Tensor {
  if (!scaler) return raw;
  const offset = scaler.kind === 'standard' ? scaler.mean : scaler.min;
  const divisor = scaler.kind === 'standard' ? scaler.std : scaler.range;
  return tf.div(tf.sub(raw, tf.tensor1d(offset)), tf.tensor1d(divisor));
}

export function pixelInput(run: RunModel, raw: Float32Array, size: { width: number; height: number; channels: number }): PixelInput {
  return {
    ...size,
    raw,
    toModelInput: (batch) => tf.reshape(scaleTensor(batch, run.preprocessing.scaler), [batch.shape[0], ...run.inputShape]),
  };
}

/** The raw pixels (0..1) as a PNG, what the map is drawn over. */
export function pixelPicture(input: Pick<PixelInput, 'width' | 'height' | 'channels' | 'raw'>): {
  width: number;
  height: number;
  png: string;
} {
  const { width, height, channels, raw } = input;
  const bytes = Uint8Array.from(raw, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
  return { width, height, png: pngDataUrl(width, height, channels === 3 ? 3 : 1, bytes) };
}

/** |values| reduced to one value per pixel by the maximum over channels (Simonyan et al.'s saliency map). */
export function maxAbsOverChannels(values: ArrayLike<number>, pixels: number, channels: number): Float32Array {
  const out = new Float32Array(pixels);
  for (let p = 0; p < pixels; p++) {
    let best = 0;
    for (let c = 0; c < channels; c++) best = Math.max(best, Math.abs(values[p * channels + c]));
    out[p] = best;
  }
  return out;
}
