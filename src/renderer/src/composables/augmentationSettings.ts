import { ref, type Ref } from 'vue';
import type { AugmentOptions } from '../../../shared/datasets/augment';

/** The augmentation form as the student fills it in: degrees, and percentages where the contract takes fractions. */
export interface AugmentationForm {
  rotationDegrees: number;
  shift: number;
  zoom: number;
  horizontalFlip: boolean;
  brightness: number;
  contrast: number;
  noise: number;
}

export interface AugmentationSettings {
  /** Train with the variants (the preview works either way). */
  enabled: boolean;
  /** Random variants of each training image. */
  copies: number;
  form: AugmentationForm;
}

// Module-level: set in Datos, used by Entrenamiento.
const settings: Ref<AugmentationSettings> = ref({
  enabled: false,
  copies: 1,
  form: { rotationDegrees: 10, shift: 10, zoom: 10, horizontalFlip: false, brightness: 0, contrast: 0, noise: 0 },
});

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

export function useAugmentationSettings(): Ref<AugmentationSettings> {
  return settings;
}
