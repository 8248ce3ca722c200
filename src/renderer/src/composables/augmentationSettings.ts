import { ref, type Ref } from 'vue';
import { augmentationForm, type AugmentationForm } from '../../../shared/datasets/augmentationForm';

export { augmentOptionsOf } from '../../../shared/datasets/augmentationForm';

export interface AugmentationSettings {
  /** Train with the variants (the preview works either way). */
  enabled: boolean;
  /** Random variants of each training image. */
  copies: number;
  form: AugmentationForm;
}

/** Off, one copy, the form's own defaults: what a new session starts with. */
export function defaultAugmentationSettings(): AugmentationSettings {
  return { enabled: false, copies: 1, form: augmentationForm() };
}

// Module-level: set in Datos, used by Entrenamiento.
const settings: Ref<AugmentationSettings> = ref(defaultAugmentationSettings());

export function useAugmentationSettings(): Ref<AugmentationSettings> {
  return settings;
}
