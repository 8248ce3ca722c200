/**
 * One decoded image as the rest of Sinapsis sees it: 8-bit samples, grey (1 channel) or RGB (3 channels),
 * row-major and interleaved. Alpha is composited onto white because course images (scanned digits, drawings)
 * are dark strokes on a light background, and a transparent background should look like paper, not ink.
 */
export interface DecodedImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
  /** What the file held before conversion, for the summary: 8 or 16 (1-bit images count as 8). */
  sourceBitDepth: number;
  sourceHadAlpha: boolean;
  /** Set when the image was larger than `MAX_STORED_SIDE` and was shrunk right after decoding: its size in the file. */
  downscaledFrom?: { width: number; height: number };
}

/** Thrown by our own decoders for malformed or truncated data; the loader reports its message as the reason. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/**
 * A 16-bit sample as 8 bits the way `cv2.imread` does (libpng's strip_16, and the same for TIFF and PGM): the
 * high byte. Rounding (v / 257) would differ by one grey level on some pixels, and HOG of the lab's 12x24 images
 * then differs from the notebook's.
 */
export const sixteenTo8 = (v: number): number => v >> 8;
