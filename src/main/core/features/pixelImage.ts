/**
 * An 8-bit image as the feature code sees it: grey (1 channel) or RGB (3), row-major, channels interleaved.
 * `DecodedImage` from the dataset loader fits this shape.
 */
export interface PixelImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}
