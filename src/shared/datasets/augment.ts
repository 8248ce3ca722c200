import type { SeededRandom } from '../didactic/seededRandom';

/**
 * Image augmentation for training batches: each call draws random transformation parameters within the
 * given limits. Applied to training images only (never validation or test, whose job is to measure the
 * model on real data). Pure and seeded, so a run's batches are reproducible and the renderer can preview.
 */
export interface AugmentOptions {
  /** Largest rotation either way, in degrees. */
  rotationDegrees: number;
  /** Largest shift either way, as a fraction of the width/height. */
  shiftFraction: number;
  /** Largest zoom in or out: a scale is drawn from [1 - zoom, 1 + zoom]. */
  zoomFraction: number;
  /** Mirror left-right half of the time. Off by default: a mirrored digit is often not the same digit. */
  horizontalFlip: boolean;
  /** Largest brightness change either way, as a fraction of full scale (255). */
  brightness: number;
  /** Largest contrast change either way: a factor is drawn from [1 - contrast, 1 + contrast]. */
  contrast: number;
  /** Standard deviation of added Gaussian noise, as a fraction of full scale. */
  noiseStd: number;
}

export const NO_AUGMENTATION: AugmentOptions = {
  rotationDegrees: 0,
  shiftFraction: 0,
  zoomFraction: 0,
  horizontalFlip: false,
  brightness: 0,
  contrast: 0,
  noiseStd: 0,
};

export interface PixelImage {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
}

/** Rotations beyond this turn a 6 into something close to a 9 (and 2/5, 7/L...). */
export const DIGIT_ROTATION_WARNING_DEGREES = 30;

export type AugmentWarning = 'flip-digits' | 'rotation-digits';

/** Warns when the settings can change what a digit means; classes named 0-9 are taken to be digits. */
export function augmentationWarnings(options: AugmentOptions, classNames: readonly string[]): AugmentWarning[] {
  const digits = classNames.length > 0 && classNames.every((name) => /^\d$/.test(name.trim()));
  if (!digits) return [];
  const warnings: AugmentWarning[] = [];
  if (options.horizontalFlip) warnings.push('flip-digits');
  if (options.rotationDegrees > DIGIT_ROTATION_WARNING_DEGREES) warnings.push('rotation-digits');
  return warnings;
}

const clamp255 = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/**
 * One augmented copy of `image`, same size and channels. The geometric part maps each output pixel back into
 * the source (inverse transform) and samples it bilinearly; outside the source the nearest edge pixel is
 * used, as Keras' ImageDataGenerator does by default, so no artificial black border appears.
 */
export function augmentImage(image: PixelImage, options: AugmentOptions, random: SeededRandom): Uint8Array {
  const { width, height, channels, pixels } = image;
  const angle = (random.uniform(-1, 1) * options.rotationDegrees * Math.PI) / 180;
  const scale = 1 + random.uniform(-1, 1) * options.zoomFraction;
  const shiftX = random.uniform(-1, 1) * options.shiftFraction * width;
  const shiftY = random.uniform(-1, 1) * options.shiftFraction * height;
  const flip = options.horizontalFlip && random.next() < 0.5;
  const brightness = random.uniform(-1, 1) * options.brightness * 255;
  const contrast = 1 + random.uniform(-1, 1) * options.contrast;

  const out = new Uint8Array(pixels.length);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const at = (x: number, y: number, c: number) =>
    pixels[(Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * channels + c];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Undo shift, then zoom and rotation about the centre, then the flip.
      const dx = x - cx - shiftX;
      const dy = y - cy - shiftY;
      let sx = (cos * dx + sin * dy) / scale + cx;
      const sy = (-sin * dx + cos * dy) / scale + cy;
      if (flip) sx = width - 1 - sx;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < channels; c++) {
        const top = at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx;
        const bottom = at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx;
        let value = top * (1 - fy) + bottom * fy;
        value = (value - 128) * contrast + 128 + brightness;
        if (options.noiseStd > 0) value += random.normal() * options.noiseStd * 255;
        out[(y * width + x) * channels + c] = clamp255(value);
      }
    }
  }
  return out;
}
