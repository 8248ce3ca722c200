import type { DecodedImage } from './decodedImage';

/*
 * Phone cameras store the sensor's pixels as they were read and say in the EXIF "Orientation" tag (0x0112) how to
 * turn them for display; every photo viewer, `PIL.ImageOps.exif_transpose` and `cv2.imread` apply it. Without it a
 * portrait photo comes out lying on its side. Values 1–8 as in the EXIF 2.3 standard (section 4.6.4, table 5).
 */

const ORIENTATION_TAG = 0x0112;

/** The EXIF orientation of a JPEG (1–8), or 1 when there is none or it cannot be read. Never throws. */
export function readJpegOrientation(bytes: Uint8Array): number {
  let position = 2;
  while (position + 4 <= bytes.length && bytes[position] === 0xff) {
    const marker = bytes[position + 1];
    if (marker === 0xff) {
      position++;
      continue;
    }
    // Start of scan or of a frame: the metadata segments (APPn) all come before.
    if (marker === 0xda || (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) return 1;
    const length = (bytes[position + 2] << 8) | bytes[position + 3];
    if (marker === 0xe1 && length >= 8) {
      const start = position + 4;
      const isExif =
        bytes[start] === 0x45 &&
        bytes[start + 1] === 0x78 &&
        bytes[start + 2] === 0x69 &&
        bytes[start + 3] === 0x66 &&
        bytes[start + 4] === 0 &&
        bytes[start + 5] === 0;
      if (isExif) return orientationInTiff(bytes.subarray(start + 6, Math.min(bytes.length, position + 2 + length)));
    }
    position += 2 + length;
  }
  return 1;
}

/** The orientation entry of IFD0 in a TIFF structure (EXIF's payload), either byte order. */
function orientationInTiff(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return 1;
  const u16 = (i: number) => (little ? tiff[i] | (tiff[i + 1] << 8) : (tiff[i] << 8) | tiff[i + 1]);
  const u32 = (i: number) =>
    little
      ? (tiff[i] | (tiff[i + 1] << 8) | (tiff[i + 2] << 16) | (tiff[i + 3] << 24)) >>> 0
      : ((tiff[i] << 24) | (tiff[i + 1] << 16) | (tiff[i + 2] << 8) | tiff[i + 3]) >>> 0;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const entries = u16(ifd);
  for (let e = 0; e < entries; e++) {
    const entry = ifd + 2 + e * 12;
    if (entry + 12 > tiff.length) return 1;
    if (u16(entry) === ORIENTATION_TAG) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/**
 * The image as it is meant to be seen: for each displayed pixel (x, y), where it is in the stored pixels. Values 5–8
 * swap width and height.
 */
export function applyOrientation(image: DecodedImage, orientation: number): DecodedImage {
  if (orientation <= 1 || orientation > 8) return image;
  const { width: w, height: h, channels, data } = image;
  const swap = orientation >= 5;
  const width = swap ? h : w;
  const height = swap ? w : h;
  const source = (x: number, y: number): number => {
    switch (orientation) {
      case 2:
        return y * w + (w - 1 - x);
      case 3:
        return (h - 1 - y) * w + (w - 1 - x);
      case 4:
        return (h - 1 - y) * w + x;
      case 5:
        return x * w + y;
      case 6:
        return (h - 1 - x) * w + y;
      case 7:
        return (h - 1 - x) * w + (w - 1 - y);
      default:
        return x * w + (w - 1 - y);
    }
  };
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = source(x, y) * channels;
      const to = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) out[to + c] = data[from + c];
    }
  }
  return { ...image, width, height, data: out };
}
