import type { PixelImage } from './pixelImage';

/*
 * OpenCV's fixed-point luma weights for 8-bit images (cv2.cvtColor RGB2GRAY, OpenCV 4.x): 0.299, 0.587 and
 * 0.114 scaled by 2^15 and rounded so that they sum to exactly 2^15, then a round-half-up shift. The same
 * integers give bit-identical grey levels; the float formula, or 14-bit weights (OpenCV 3's), differ by 1 on
 * about 0.3% of colours, e.g. RGB (114, 150, 126) is 137 in OpenCV and 136 with either.
 */
const SHIFT = 15;
const RED_WEIGHT = 9798;
const GREEN_WEIGHT = 19235;
const BLUE_WEIGHT = 3735;
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
