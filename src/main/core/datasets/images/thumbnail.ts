import { encodeSimplePng } from './encodePng';

/**
 * Shrinks an image so its longer side is at most `size`, averaging the source pixels under each target pixel
 * (nearest-neighbour would alias thin strokes away). Smaller images are left as they are; the gallery enlarges
 * them with pixelated CSS scaling so students see the real pixels.
 */
export function shrinkToFit(
  source: { width: number; height: number; channels: 1 | 3; pixels: Uint8Array },
  size: number,
): { width: number; height: number; pixels: Uint8Array } {
  const { width, height, channels, pixels } = source;
  const scale = Math.min(1, size / Math.max(width, height));
  if (scale === 1) return { width, height, pixels };
  const targetWidth = Math.max(1, Math.round(width * scale));
  const targetHeight = Math.max(1, Math.round(height * scale));
  const out = new Uint8Array(targetWidth * targetHeight * channels);
  const sums = new Float64Array(channels);
  for (let ty = 0; ty < targetHeight; ty++) {
    const y0 = Math.floor((ty * height) / targetHeight);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * height) / targetHeight));
    for (let tx = 0; tx < targetWidth; tx++) {
      const x0 = Math.floor((tx * width) / targetWidth);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * width) / targetWidth));
      sums.fill(0);
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const base = (y * width + x) * channels;
          for (let c = 0; c < channels; c++) sums[c] += pixels[base + c];
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      for (let c = 0; c < channels; c++) out[(ty * targetWidth + tx) * channels + c] = Math.round(sums[c] / count);
    }
  }
  return { width: targetWidth, height: targetHeight, pixels: out };
}

/** A PNG data URL of the pixels (grey or RGB, 8-bit), for an `<img>` in the renderer. */
export function pngDataUrl(width: number, height: number, channels: 1 | 3, pixels: Uint8Array): string {
  return `data:image/png;base64,${encodeSimplePng(width, height, channels, pixels).toString('base64')}`;
}
