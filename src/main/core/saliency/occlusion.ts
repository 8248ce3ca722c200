import { SinapsisError } from '../../../shared/contract/errors';

/**
 * Occlusion (Zeiler & Fergus 2014), the model-agnostic check: cover a square of the image with its mean value,
 * ask the model again, and note how much the class's probability drops; slide the square over the whole image. A
 * pixel's value is the mean drop of the squares that covered it. It needs no gradient, so it works for any model
 * (HOG runs too: the covered image goes through HOG again), and it answers the plain question "does the network
 * need this part?". It is slow in principle (one prediction per position), so all covered copies are classified
 * as one batch.
 */

/** An image of real values, row-major, channels interleaved. */
export interface OcclusionImage {
  width: number;
  height: number;
  channels: number;
  values: Float32Array;
}

/** Default square and step for an image: about a sixth of its smaller side, half of that as the step. */
export function defaultOcclusion(width: number, height: number): { patch: number; stride: number } {
  const patch = Math.max(2, Math.round(Math.min(width, height) / 6));
  return { patch, stride: Math.max(1, Math.floor(patch / 2)) };
}

/** Start offsets 0, stride, 2·stride, … and the last one that ends at the edge, so every pixel is covered. */
export function patchStarts(size: number, patch: number, stride: number): number[] {
  const starts: number[] = [];
  for (let start = 0; start + patch <= size; start += stride) starts.push(start);
  if (starts[starts.length - 1] !== size - patch) starts.push(size - patch);
  return starts;
}

export interface OcclusionResult {
  values: Float32Array;
  patch: number;
  stride: number;
  copies: number;
  fill: number[];
}

/**
 * `classify` gets `count` images (concatenated) and returns the target class's probability for each; the first
 * image is the uncovered one.
 */
export function occlusion(
  image: OcclusionImage,
  classify: (images: Float32Array, count: number) => Float32Array,
  options: { patch?: number; stride?: number },
): OcclusionResult {
  const { width, height, channels, values } = image;
  const defaults = defaultOcclusion(width, height);
  const patch = options.patch ?? Math.min(defaults.patch, width, height);
  const stride = options.stride ?? (options.patch !== undefined ? Math.max(1, Math.floor(patch / 2)) : defaults.stride);
  if (patch > width || patch > height) {
    throw new SinapsisError(
      'saliency-patch-too-large',
      `An occlusion square of ${patch} pixels does not fit in the ${width}×${height} image the model sees. Use a square of at most ${Math.min(width, height)} pixels.`,
      { patch, width, height, largest: Math.min(width, height) },
    );
  }
  const pixels = width * height;
  const fill = Array.from({ length: channels }, (_, c) => {
    let sum = 0;
    for (let p = 0; p < pixels; p++) sum += values[p * channels + c];
    return sum / pixels;
  });
  const rows = patchStarts(height, patch, stride);
  const columns = patchStarts(width, patch, stride);
  const positions = rows.flatMap((top) => columns.map((left) => ({ top, left })));
  const length = values.length;
  const batch = new Float32Array((positions.length + 1) * length);
  batch.set(values, 0);
  positions.forEach(({ top, left }, n) => {
    const offset = (n + 1) * length;
    batch.set(values, offset);
    for (let y = top; y < top + patch; y++)
      for (let x = left; x < left + patch; x++) for (let c = 0; c < channels; c++) batch[offset + (y * width + x) * channels + c] = fill[c];
  });
  const probabilities = classify(batch, positions.length + 1);
  const sums = new Float64Array(pixels);
  const counts = new Uint16Array(pixels);
  positions.forEach(({ top, left }, n) => {
    const drop = probabilities[0] - probabilities[n + 1];
    for (let y = top; y < top + patch; y++) {
      for (let x = left; x < left + patch; x++) {
        sums[y * width + x] += drop;
        counts[y * width + x] += 1;
      }
    }
  });
  const out = Float32Array.from(sums, (sum, p) => sum / counts[p]);
  return { values: out, patch, stride, copies: positions.length, fill };
}
