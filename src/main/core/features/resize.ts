import type { Interpolation } from '../../../shared/contract/features';
import type { PixelImage } from './pixelImage';

/*
 * `cv2.resize` for 8-bit images, INTER_LINEAR and INTER_AREA, following OpenCV 4.x's resize.cpp step by step so
 * that grey levels match the students' Python pipeline (`cv2.resize(img, (12, 24))`). OpenCV does not compute
 * these in plain floating point:
 * - INTER_LINEAR on uint8 uses 11-bit fixed-point weights, rounded from single-precision (float) coordinates, and
 *   its vertical pass drops 4 bits of each horizontal sum and keeps the high half of the product (the SIMD
 *   formula, which OpenCV's scalar code reproduces so every pixel of a row rounds alike);
 * - an exact 2x shrink with INTER_LINEAR is done by the INTER_AREA "fast" path instead;
 * - INTER_AREA shrinks by accumulating single-precision weights, and when either axis grows it falls back to
 *   a bilinear variant with its own weights.
 * Every `Math.fround` below mirrors a `float` in OpenCV's source.
 */

const COEF_BITS = 11;
const COEF_SCALE = 1 << COEF_BITS;
const f32 = Math.fround;

/** cvRound: round half to even (lrint in the default rounding mode). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function saturateU8(x: number): number {
  return x < 0 ? 0 : x > 255 ? 255 : x;
}

/** Resizes to `width` x `height` exactly as `cv2.resize(src, (width, height), interpolation=...)`. */
export function resizeImage(image: PixelImage, width: number, height: number, interpolation: Interpolation): PixelImage {
  if (width === image.width && height === image.height) return { ...image, data: image.data.slice() };
  const invScaleX = width / image.width;
  const invScaleY = height / image.height;
  const scaleX = 1 / invScaleX;
  const scaleY = 1 / invScaleY;
  const integerScaleX = Math.round(scaleX);
  const integerScaleY = Math.round(scaleY);
  const isAreaFast = Math.abs(scaleX - integerScaleX) < Number.EPSILON && Math.abs(scaleY - integerScaleY) < Number.EPSILON;
  let mode = interpolation;
  // OpenCV: "in case of scale_x && scale_y is equal to 2, INTER_AREA (fast) also is equal to INTER_LINEAR".
  if (mode === 'linear' && isAreaFast && integerScaleX === 2 && integerScaleY === 2) mode = 'area';
  if (mode === 'area' && scaleX >= 1 && scaleY >= 1) {
    return isAreaFast
      ? resizeAreaFast(image, width, height, integerScaleX, integerScaleY)
      : resizeAreaGeneral(image, width, height, scaleX, scaleY);
  }
  return resizeBilinear(image, width, height, scaleX, scaleY, invScaleX, invScaleY, mode === 'area');
}

/** Source index and fixed-point weights along one axis, as OpenCV's resize() computes xofs/ialpha and yofs/ibeta. */
function linearAxis(destination: number, source: number, scale: number, invScale: number, areaMode: boolean, clampStart: boolean) {
  const offsets = new Int32Array(destination);
  const weights = new Int32Array(destination * 2);
  for (let d = 0; d < destination; d++) {
    let s: number;
    let fraction: number;
    if (!areaMode) {
      const position = f32((d + 0.5) * scale - 0.5);
      s = Math.floor(position);
      fraction = f32(position - s);
    } else {
      s = Math.floor(d * scale);
      const raw = f32(d + 1 - (s + 1) * invScale);
      fraction = raw <= 0 ? 0 : f32(raw - Math.floor(raw));
    }
    // Columns are clamped here; rows are clamped later by reading row 0 / the last row twice (same result).
    if (clampStart && s < 0) {
      fraction = 0;
      s = 0;
    }
    if (clampStart && s >= source - 1) {
      fraction = 0;
      s = source - 1;
    }
    offsets[d] = s;
    weights[2 * d] = roundHalfEven(f32(1 - fraction) * COEF_SCALE);
    weights[2 * d + 1] = roundHalfEven(fraction * COEF_SCALE);
  }
  return { offsets, weights };
}

function resizeBilinear(
  image: PixelImage,
  width: number,
  height: number,
  scaleX: number,
  scaleY: number,
  invScaleX: number,
  invScaleY: number,
  areaMode: boolean,
): PixelImage {
  const { channels: cn, data } = image;
  const sourceWidth = image.width;
  const sourceHeight = image.height;
  const x = linearAxis(width, sourceWidth, scaleX, invScaleX, areaMode, true);
  const y = linearAxis(height, sourceHeight, scaleY, invScaleY, areaMode, false);
  const rowLength = width * cn;
  const row0 = new Int32Array(rowLength);
  const row1 = new Int32Array(rowLength);
  const out = new Uint8Array(rowLength * height);
  const horizontal = (sourceRow: number, target: Int32Array) => {
    const base = sourceRow * sourceWidth * cn;
    for (let dx = 0; dx < width; dx++) {
      const s = x.offsets[dx];
      const next = Math.min(s + 1, sourceWidth - 1);
      const a0 = x.weights[2 * dx];
      const a1 = x.weights[2 * dx + 1];
      for (let k = 0; k < cn; k++) target[dx * cn + k] = data[base + s * cn + k] * a0 + data[base + next * cn + k] * a1;
    }
  };
  for (let dy = 0; dy < height; dy++) {
    const s = y.offsets[dy];
    horizontal(Math.min(Math.max(s, 0), sourceHeight - 1), row0);
    horizontal(Math.min(Math.max(s + 1, 0), sourceHeight - 1), row1);
    const b0 = y.weights[2 * dy];
    const b1 = y.weights[2 * dy + 1];
    const target = dy * rowLength;
    // VResizeLinearVec_32s8u: drop 4 bits, multiply-high (>> 16) by each weight, add, then round off 2 bits.
    // Plain 22-bit fixed point would differ by 1 grey level on about one pixel in twenty.
    for (let i = 0; i < rowLength; i++) {
      const v = (((row0[i] >> 4) * b0) >> 16) + (((row1[i] >> 4) * b1) >> 16);
      out[target + i] = saturateU8((v + 2) >> 2);
    }
  }
  return { width, height, channels: cn, data: out };
}

/** Integer shrink factors: the mean of each scaleX x scaleY block (resizeAreaFast_Invoker). */
function resizeAreaFast(image: PixelImage, width: number, height: number, scaleX: number, scaleY: number): PixelImage {
  const { channels: cn, data } = image;
  const stride = image.width * cn;
  const out = new Uint8Array(width * height * cn);
  const area = scaleX * scaleY;
  const scale = f32(1 / area);
  // The 2x2 grey (and RGBA) path is vectorised and rounds half up; every other case rounds a float product half to even.
  const halfUp = scaleX === 2 && scaleY === 2 && cn === 1;
  for (let dy = 0; dy < height; dy++) {
    const sy = dy * scaleY;
    for (let dx = 0; dx < width; dx++) {
      for (let k = 0; k < cn; k++) {
        let sum = 0;
        for (let yy = 0; yy < scaleY; yy++) {
          const base = (sy + yy) * stride + dx * scaleX * cn + k;
          for (let xx = 0; xx < scaleX; xx++) sum += data[base + xx * cn];
        }
        out[(dy * width + dx) * cn + k] = halfUp ? (sum + 2) >> 2 : saturateU8(roundHalfEven(f32(sum * scale)));
      }
    }
  }
  return { width, height, channels: cn, data: out };
}

/** One source index contributing to one destination index with a weight (OpenCV's DecimateAlpha). */
interface AreaTap {
  destination: number;
  source: number;
  alpha: number;
}

/** computeResizeAreaTab: which source pixels, and what fraction of each, fall under every destination pixel. */
function areaTaps(source: number, destination: number, scale: number): AreaTap[] {
  const taps: AreaTap[] = [];
  for (let d = 0; d < destination; d++) {
    const start = d * scale;
    const end = start + scale;
    const cellWidth = Math.min(scale, source - start);
    let first = Math.ceil(start);
    let last = Math.floor(end);
    last = Math.min(last, source - 1);
    first = Math.min(first, last);
    if (first - start > 1e-3) taps.push({ destination: d, source: first - 1, alpha: f32((first - start) / cellWidth) });
    for (let s = first; s < last; s++) taps.push({ destination: d, source: s, alpha: f32(1 / cellWidth) });
    if (end - last > 1e-3)
      taps.push({ destination: d, source: last, alpha: f32(Math.min(Math.min(end - last, 1), cellWidth) / cellWidth) });
  }
  return taps;
}

/** Non-integer shrink: weighted sums of overlapped source pixels in single precision (ResizeAreaInvoker). */
function resizeAreaGeneral(image: PixelImage, width: number, height: number, scaleX: number, scaleY: number): PixelImage {
  const { channels: cn, data } = image;
  const rowLength = width * cn;
  const xTaps = areaTaps(image.width, width, scaleX);
  const yTaps = areaTaps(image.height, height, scaleY);
  const out = new Uint8Array(rowLength * height);
  const buffer = new Float64Array(rowLength);
  const sum = new Float64Array(rowLength);
  const flush = (dy: number) => {
    for (let i = 0; i < rowLength; i++) out[dy * rowLength + i] = saturateU8(roundHalfEven(sum[i]));
  };
  let previousRow = yTaps[0].destination;
  for (const { destination: dy, source: sy, alpha: beta } of yTaps) {
    buffer.fill(0);
    const base = sy * image.width * cn;
    for (const tap of xTaps) {
      for (let k = 0; k < cn; k++) {
        const i = tap.destination * cn + k;
        buffer[i] = f32(buffer[i] + f32(data[base + tap.source * cn + k] * tap.alpha));
      }
    }
    if (dy !== previousRow) {
      flush(previousRow);
      for (let i = 0; i < rowLength; i++) sum[i] = f32(beta * buffer[i]);
      previousRow = dy;
    } else {
      for (let i = 0; i < rowLength; i++) sum[i] = f32(sum[i] + f32(beta * buffer[i]));
    }
  }
  flush(previousRow);
  return { width, height, channels: cn, data: out };
}
