import type { Image } from 'image-js';
import { imageJs } from './imageJs';
import { decodeGif } from './decodeGif';
import { DecodeError, sixteenTo8, type DecodedImage } from './decodedImage';
import { decodeNetpbm } from './decodeNetpbm';
import { decodeSimplePng } from './decodePng';
import { applyOrientation, readJpegOrientation } from './exifOrientation';
import { jpegHasEndMarker, readJpegInfo } from './jpegInfo';
import type { ImageFormat } from './sniffFormat';
import { isMainThread } from 'node:worker_threads';

/**
 * Converts an image-js image to our 8-bit grey/RGB form. `keepGrey` lets a grey JPEG (which image-js
 * always returns as RGBA) come back as one channel.
 */
export function fromImageJs(image: Image, keepGrey = false): DecodedImage {
  const { width, height } = image;
  const raw = image.getRawImage().data;
  const sourceChannels = image.channels;
  const hasAlpha = image.alpha;
  const colour = image.components >= 3 && !keepGrey;
  const channels: 1 | 3 = colour ? 3 : 1;
  const pixels = width * height;
  const data = new Uint8Array(pixels * channels);
  const max = image.maxValue;
  const to8 = max === 255 ? (v: number) => v : max === 65535 ? sixteenTo8 : (v: number) => Math.round((v * 255) / max);
  for (let p = 0; p < pixels; p++) {
    const base = p * sourceChannels;
    // Composite onto white: ink stays ink, transparency becomes paper.
    const alpha = hasAlpha ? raw[base + sourceChannels - 1] / max : 1;
    for (let c = 0; c < channels; c++) {
      const value = to8(raw[base + c]);
      data[p * channels + c] = alpha === 1 ? value : Math.round(value * alpha + 255 * (1 - alpha));
    }
  }
  return { width, height, channels, data, sourceBitDepth: image.bitDepth === 16 ? 16 : 8, sourceHadAlpha: hasAlpha };
}

/**
 * Decodes any supported format, chosen by content. Throws `DecodeError` (or the underlying decoder's
 * error) for corrupt or truncated data; the caller turns that into a problem-report line.
 */
export function decodeImage(bytes: Uint8Array, format: ImageFormat): DecodedImage {
  switch (format) {
    case 'netpbm':
      return decodeNetpbm(bytes);
    case 'gif':
      return decodeGif(bytes);
    case 'webp':
      throw new DecodeError('WebP images are not supported; convert them to PNG');
    case 'jpeg': {
      const info = readJpegInfo(bytes);
      if (!info) throw new DecodeError('JPEG header has no frame description (corrupt or truncated file)');
      if (!jpegHasEndMarker(bytes)) throw new DecodeError('JPEG data is cut short: the end-of-image marker is missing (truncated file)');
      // Upright as every photo viewer shows it (EXIF orientation), so a phone's portrait photos are not on their side.
      return applyOrientation(fromImageJs(imageJs().decode(bytes), info.components === 1), readJpegOrientation(bytes));
    }
    case 'png':
      // Not in decoding worker threads: a worker terminated (a cancelled load) in the middle of a zlib call can abort
      // the whole process (Node's assertion "close before init", seen once in loadImageFolder's cancel test).
      return (isMainThread ? decodeSimplePng(bytes) : null) ?? fromImageJs(imageJs().decode(bytes));
    default:
      return fromImageJs(imageJs().decode(bytes));
  }
}
