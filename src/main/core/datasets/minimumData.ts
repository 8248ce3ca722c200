import { SinapsisError } from '../../../shared/contract/errors';
import { partSizes } from '../../../shared/datasets/splits';
import { ratiosFor, type SplitOptions } from './splitDataset';

/**
 * The minimum data an experiment needs, stated once and checked before any feature is computed (so one image per
 * class or a CSV of two rows is refused in milliseconds with the numbers, not after HOG as "empty training part"):
 *
 * - classification needs at least {@link MIN_CLASSES} classes;
 * - hold-out: every part in use (training, and validation/test when their fraction is above 0) gets at least one
 *   sample, and, for classification, every class has at least one sample per part in use, so that the training
 *   part can hold each class and each evaluated part can too;
 * - k-fold and leave-one-out: at least as many samples as folds, and every class at least
 *   {@link MIN_SAMPLES_PER_CLASS_CROSS_VALIDATION} samples, so the training part of every fold still holds that class.
 */
export const MIN_CLASSES = 2;
export const MIN_SAMPLES_PER_CLASS_PER_PART = 1;
export const MIN_SAMPLES_PER_CLASS_CROSS_VALIDATION = 2;

export interface DataCounts {
  /** Number of samples. */
  samples: number;
  /** Per class (class names and counts) for classification; null for regression. */
  classes: { names: readonly string[]; counts: readonly number[] } | null;
  /** The dataset's name, for the message. */
  name: string;
}

type PartName = 'train' | 'validation' | 'test';

function partsInUse(split: Omit<SplitOptions, 'seed'>): PartName[] {
  const ratios = ratiosFor(split);
  return (['train', 'validation', 'test'] as const).filter((part) => part === 'train' || ratios[part] > 0);
}

/** Throws a SinapsisError naming the dataset, the class and the numbers when the data are below the minimum. */
export function checkMinimumData(data: DataCounts, split: Omit<SplitOptions, 'seed'>): void {
  const { classes, samples, name } = data;
  if (classes) {
    const present = classes.counts.filter((count) => count > 0).length;
    if (present < MIN_CLASSES) {
      const only = classes.names[classes.counts.findIndex((count) => count > 0)] ?? '';
      throw new SinapsisError(
        'data-one-class',
        `Only one class ("${only}", ${samples} samples) was found in "${name}". A classifier needs at least ${MIN_CLASSES}: give the target column (or the folder) samples of another class.`,
        { path: name, className: only, count: samples },
      );
    }
  }
  const crossValidation = split.method === 'k-fold' || split.method === 'leave-one-out';
  if (crossValidation) {
    const folds = split.method === 'k-fold' ? split.folds : samples;
    if (samples < Math.max(2, folds)) {
      throw new SinapsisError(
        'data-too-few-samples',
        `"${name}" has ${samples} samples; ${split.method} with ${folds} folds needs at least ${Math.max(2, folds)}. Add samples or use fewer folds.`,
        { path: name, samples, needed: Math.max(2, folds) },
      );
    }
    classes?.counts.forEach((count, c) => {
      if (count > 0 && count < MIN_SAMPLES_PER_CLASS_CROSS_VALIDATION) throwClassTooSmall(name, classes.names[c], count, MIN_SAMPLES_PER_CLASS_CROSS_VALIDATION, `so that the training part of every ${split.method} fold still holds it`);
    });
    return;
  }
  const parts = partsInUse(split);
  const needed = parts.length * MIN_SAMPLES_PER_CLASS_PER_PART;
  if (classes && split.stratified) {
    classes.counts.forEach((count, c) => {
      if (count > 0 && count < needed) throwClassTooSmall(name, classes.names[c], count, needed, `one for each part: ${parts.join(' + ')}`);
    });
  }
  const sizes = partSizes(samples, ratiosFor(split));
  const empty = parts.find((part) => sizes[part] < 1);
  if (empty) {
    throw new SinapsisError(
      'data-too-few-samples',
      `"${name}" has ${samples} samples: too few to give the ${empty} part at least one (parts in use: ${parts.join(', ')}). Add samples, or use fewer parts (e.g. no validation part).`,
      { path: name, samples, needed, part: empty },
    );
  }
}

function throwClassTooSmall(name: string, className: string, count: number, needed: number, why: string): never {
  throw new SinapsisError(
    'data-class-too-small',
    `Class "${className}" of "${name}" has ${count} sample${count === 1 ? '' : 's'}; it needs at least ${needed} (${why}). Add samples of that class, remove it, or use fewer parts.`,
    { path: name, className, count, needed },
  );
}
