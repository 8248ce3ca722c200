import type { AugmentOptions } from './augment';

/** The augmentation settings as a student gives them: degrees, and percentages where the contract takes fractions. */
export interface AugmentationForm {
  rotationDegrees: number;
  shift: number;
  zoom: number;
  horizontalFlip: boolean;
  brightness: number;
  contrast: number;
  noise: number;
}

/** What the Datos form starts with: small geometric changes, nothing else. */
export function augmentationForm(): AugmentationForm {
  return { rotationDegrees: 10, shift: 10, zoom: 10, horizontalFlip: false, brightness: 0, contrast: 0, noise: 0 };
}

export function augmentOptionsOf(form: AugmentationForm): AugmentOptions {
  return {
    rotationDegrees: form.rotationDegrees,
    shiftFraction: form.shift / 100,
    zoomFraction: form.zoom / 100,
    horizontalFlip: form.horizontalFlip,
    brightness: form.brightness / 100,
    contrast: form.contrast / 100,
    noiseStd: form.noise / 100,
  };
}
