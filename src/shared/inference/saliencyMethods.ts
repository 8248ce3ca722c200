import type { SaliencyMethod } from '../contract/saliency';

/**
 * When each saliency method applies, once for the core (which refuses the others with the reason) and the UI (which
 * offers only these). A run is described by what its model receives and whether it has conv layers.
 */
export interface SaliencySubject {
  features: 'hog' | 'pixels' | 'columns';
  /** The model has at least one 2D convolution layer. */
  cnn: boolean;
}

/** Why a method does not apply, as the error code the core throws (translated in the saliency locale). */
export type SaliencyRefusal = 'saliency-needs-conv' | 'saliency-needs-pixels' | 'saliency-needs-hog' | 'saliency-needs-image';

interface MethodRule {
  /** Null when the method applies to this run, else why not. */
  refusal: (subject: SaliencySubject) => SaliencyRefusal | null;
}

const imageOnly = (subject: SaliencySubject): SaliencyRefusal | null => (subject.features === 'columns' ? 'saliency-needs-image' : null);
const pixelsOnly = (subject: SaliencySubject): SaliencyRefusal | null =>
  imageOnly(subject) ?? (subject.features === 'pixels' ? null : 'saliency-needs-pixels');

/** In the order the UI offers them: the model-specific methods first, occlusion (model-agnostic) as the check. */
export const SALIENCY_RULES = {
  gradcam: { refusal: (subject) => pixelsOnly(subject) ?? (subject.cnn ? null : 'saliency-needs-conv') },
  gradient: { refusal: pixelsOnly },
  smoothgrad: { refusal: pixelsOnly },
  hogCells: { refusal: (subject) => imageOnly(subject) ?? (subject.features === 'hog' ? null : 'saliency-needs-hog') },
  occlusion: { refusal: imageOnly },
} satisfies Record<SaliencyMethod, MethodRule>;

/** The methods that apply to a run, in the order offered. */
export function saliencyMethodsFor(subject: SaliencySubject): SaliencyMethod[] {
  return (Object.keys(SALIENCY_RULES) as SaliencyMethod[]).filter((method) => SALIENCY_RULES[method].refusal(subject) === null);
}
