import type { PixelImage } from './pixelImage';

/*
 * OpenCV's fixed-point luma weights for 8-bit images (cv2.cvtColor RGB2GRAY): 0.299, 0.587 and 0.114 scaled by
 * 2^14 and rounded so that they sum to exactly 2^14. Using the same integers, and the same round-half-up shift,
 * gives bit-identical grey levels rather than ones that differ by 1 where the float formula lands on .5.
 */
const SHIFT = 14;
const RED_WEIGHT = 4899;
const GREEN_WEIGHT = 9617;
const BLUE_WEIGHT = 1868;
const HALF = 1 << (SHIFT - 1);

/** `cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)` for 8-bit RGB; a grey image is returned unchanged. */
export function toGray(image: PixelImage): PixelImage {
  if (image.channels === 1) return image;
  const { width, height, data } = image;
  const gray = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < gray.length; p++, i += 3) {
    gray[p] = (data[i] * RED_WEIGHT + data[i + 1] * GREEN_WEIGHT + data[i + 2] * BLUE_WEIGHT + HALF) >> SHIFT;
  }
  return { width, height, channels: 1, data: gray };
}
