import type { PixelImage } from './pixelImage';
import { prepareImage } from './prepareImage';

/**
 * Raw pixels as features, the same for training and for a new sample: grey, resized with INTER_AREA (the right
 * filter for shrinking) when `resize` is given, scaled to 0..1, written into `out` from `offset`.
 */
export function writePixelFeatures(image: PixelImage, resize: { width: number; height: number } | null, out: Float32Array, offset = 0): void {
  const prepared = prepareImage(image, { grayscale: true, resize, interpolation: 'area' });
  const size = prepared.width * prepared.height;
  for (let p = 0; p < size; p++) out[offset + p] = prepared.data[p] / 255;
}
