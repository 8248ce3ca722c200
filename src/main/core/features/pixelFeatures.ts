import type { ResizeMode } from '../../../shared/features/pixelOptions';
import { fitImage } from './fitImage';
import { toGray } from './grayscale';
import type { PixelImage } from './pixelImage';

/** What raw-pixel features look like: the image size (null: each image's own), the channels and the resize mode. */
export interface PixelLayout {
  size: { width: number; height: number } | null;
  channels: 1 | 3;
  resizeMode: ResizeMode;
}

/** A grey image as RGB (its grey level in all three channels); an RGB image is returned unchanged. */
export function toRgb(image: PixelImage): PixelImage {
  if (image.channels === 3) return image;
  const data = new Uint8Array(image.data.length * 3);
  for (let p = 0; p < image.data.length; p++) data[3 * p] = data[3 * p + 1] = data[3 * p + 2] = image.data[p];
  return { width: image.width, height: image.height, channels: 3, data };
}

/** The image as the features see it: grey (OpenCV luma) or RGB, then brought to the layout's size with INTER_AREA. */
export function preparePixels(image: PixelImage, layout: PixelLayout): PixelImage {
  const coloured = layout.channels === 1 ? toGray(image) : toRgb(image);
  if (!layout.size) return coloured;
  return fitImage(coloured, layout.size.width, layout.size.height, layout.resizeMode, 'area');
}

/**
 * Raw pixels as features, the same for training and for a new sample: grey or RGB, resized with INTER_AREA (the
 * right filter for shrinking) when a size is given, scaled to 0..1, written into `out` from `offset` in
 * height × width × channel order (channels interleaved, as tfjs' NHWC tensors and `cv2.imread` arrays are).
 */
export function writePixelFeatures(image: PixelImage, layout: PixelLayout, out: Float32Array, offset = 0): void {
  const prepared = preparePixels(image, layout);
  const length = prepared.data.length;
  for (let i = 0; i < length; i++) out[offset + i] = prepared.data[i] / 255;
}
