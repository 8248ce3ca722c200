import type { Interpolation } from '../../../shared/contract/features';
import type { ResizeMode } from '../../../shared/features/pixelOptions';
import type { PixelImage } from './pixelImage';
import { resizeImage } from './resize';

/**
 * An image brought to exactly `width` x `height` by one of the resize modes (see pixelOptions.ts). `stretch` is a
 * plain `cv2.resize`; `crop` and `pad` keep the aspect, so a 4:3 phone photo of a cup still looks like a cup at 32×32.
 */
export function fitImage(image: PixelImage, width: number, height: number, mode: ResizeMode, interpolation: Interpolation): PixelImage {
  switch (mode) {
    case 'stretch':
      return resizeImage(image, width, height, interpolation);
    case 'crop': {
      const region = centredCrop(image.width, image.height, width / height);
      return resizeImage(cropImage(image, region), width, height, interpolation);
    }
    case 'pad':
      return letterbox(image, width, height, interpolation);
  }
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The largest centred region of `aspect` (width / height) inside a `width` x `height` image. */
export function centredCrop(width: number, height: number, aspect: number): Region {
  if (width / height > aspect) {
    const cropWidth = Math.max(1, Math.min(width, Math.round(height * aspect)));
    return { x: Math.floor((width - cropWidth) / 2), y: 0, width: cropWidth, height };
  }
  const cropHeight = Math.max(1, Math.min(height, Math.round(width / aspect)));
  return { x: 0, y: Math.floor((height - cropHeight) / 2), width, height: cropHeight };
}

export function cropImage(image: PixelImage, region: Region): PixelImage {
  if (region.x === 0 && region.y === 0 && region.width === image.width && region.height === image.height) return image;
  const { channels } = image;
  const data = new Uint8Array(region.width * region.height * channels);
  const rowBytes = region.width * channels;
  for (let y = 0; y < region.height; y++) {
    const start = ((region.y + y) * image.width + region.x) * channels;
    data.set(image.data.subarray(start, start + rowBytes), y * rowBytes);
  }
  return { width: region.width, height: region.height, channels, data };
}

/**
 * The mean colour of the image's outermost pixels, per channel: the fill of a letterbox, so that the bands look like
 * the photo's own background (white paper stays white, a dark scene stays dark) instead of adding black edges a
 * CNN would learn from.
 */
export function borderColour(image: PixelImage): number[] {
  const { width, height, channels, data } = image;
  const sums = new Array<number>(channels).fill(0);
  let count = 0;
  const add = (x: number, y: number) => {
    const base = (y * width + x) * channels;
    for (let c = 0; c < channels; c++) sums[c] += data[base + c];
    count++;
  };
  for (let x = 0; x < width; x++) {
    add(x, 0);
    if (height > 1) add(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    add(0, y);
    if (width > 1) add(width - 1, y);
  }
  return sums.map((sum) => Math.round(sum / count));
}

/** Resized to fit inside `width` x `height` with its aspect, centred on a background of its border colour. */
function letterbox(image: PixelImage, width: number, height: number, interpolation: Interpolation): PixelImage {
  const scale = Math.min(width / image.width, height / image.height);
  const innerWidth = Math.max(1, Math.min(width, Math.round(image.width * scale)));
  const innerHeight = Math.max(1, Math.min(height, Math.round(image.height * scale)));
  const inner = resizeImage(image, innerWidth, innerHeight, interpolation);
  if (innerWidth === width && innerHeight === height) return inner;
  const { channels } = image;
  const fill = borderColour(image);
  const data = new Uint8Array(width * height * channels);
  for (let p = 0; p < width * height; p++) for (let c = 0; c < channels; c++) data[p * channels + c] = fill[c];
  const left = Math.floor((width - innerWidth) / 2);
  const top = Math.floor((height - innerHeight) / 2);
  const rowBytes = innerWidth * channels;
  for (let y = 0; y < innerHeight; y++)
    data.set(inner.data.subarray(y * rowBytes, (y + 1) * rowBytes), ((top + y) * width + left) * channels);
  return { width, height, channels, data };
}
