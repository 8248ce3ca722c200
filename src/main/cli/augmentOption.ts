import { SinapsisError } from '../../shared/contract';
import { augmentationForm, augmentOptionsOf, type AugmentationForm } from '../../shared/datasets/augmentationForm';
import type { AugmentOptions } from '../../shared/datasets/augment';

const NUMBER_KEYS = ['rotation', 'shift', 'zoom', 'brightness', 'contrast', 'noise', 'copies'] as const;

/**
 * `--augment "rotation=10,shift=10,zoom=10,flip,copies=2"`: the Datos form's fields (degrees, percentages), unset
 * ones off; `flip` alone turns the horizontal flip on. Null when the option is absent.
 */
export function parseAugmentOption(text: string | undefined): { options: AugmentOptions; copies: number } | null {
  if (text === undefined) return null;
  const form: AugmentationForm = { ...augmentationForm(), rotationDegrees: 0, shift: 0, zoom: 0 };
  let copies = 1;
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value = ''] = part.split('=').map((p) => p.trim());
    if (key === 'flip') {
      form.horizontalFlip = value === '' || value === 'true' || value === '1';
      continue;
    }
    if (!(NUMBER_KEYS as readonly string[]).includes(key)) {
      throw new SinapsisError(
        'bad-arguments',
        `--augment: unknown setting "${key}". Use ${[...NUMBER_KEYS, 'flip'].join(', ')}, e.g. --augment "rotation=10,shift=10,copies=2".`,
      );
    }
    const number = Number(value);
    if (value === '' || !Number.isFinite(number) || number < 0)
      throw new SinapsisError('bad-arguments', `--augment: "${key}" needs a number of 0 or more, got "${value}".`);
    if (key === 'copies') copies = number;
    else if (key === 'rotation') form.rotationDegrees = number;
    else form[key as Exclude<(typeof NUMBER_KEYS)[number], 'rotation' | 'copies'>] = number;
  }
  return { options: augmentOptionsOf(form), copies };
}
