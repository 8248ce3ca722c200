import { SinapsisError } from '../../../shared/contract/errors';
import { partSizes } from '../../../shared/datasets/splits';
import { ratiosFor, type SplitOptions } from './splitDataset';

/**
 * The minimum data an experiment needs, stated once and checked before any feature is computed (so one image per
 * class or a CSV of two rows is refused in milliseconds with the numbers, not after HOG as "empty training part"):
 *
 * - classification needs at least {@link MIN_CLASSES} classes;
 * - every class needs at least {@link MIN_SAMPLES_PER_CLASS} samples: one to learn from and one to be judged on
 *   (the four rows of XOR, two per class, are enough);
 * - every part of the split in use gets at least one sample (hold-out: training, and validation/test when their
 *   fraction is above 0; k-fold and leave-one-out: at least as many samples as folds);
 * - after the split, the training part holds every class ({@link checkTrainingHoldsEveryClass}).
 */
export const MIN_CLASSES = 2;
export const MIN_SAMPLES_PER_CLASS = 2;

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
  classes?.counts.forEach((count, c) => {
    if (count > 0 && count < MIN_SAMPLES_PER_CLASS)
      throwClassTooSmall(name, classes.names[c], count, MIN_SAMPLES_PER_CLASS, 'one to learn from and one to evaluate on');
  });
  if (split.method === 'k-fold' || split.method === 'leave-one-out') {
    const folds = split.method === 'k-fold' ? split.folds : samples;
    if (samples < Math.max(2, folds)) {
      throw new SinapsisError(
        'data-too-few-samples',
        `"${name}" has ${samples} samples; ${split.method} with ${folds} folds needs at least ${Math.max(2, folds)}. Add samples or use fewer folds.`,
        { path: name, samples, needed: Math.max(2, folds) },
      );
    }
    return;
  }
  const parts = partsInUse(split);
  const sizes = partSizes(samples, ratiosFor(split));
  const empty = parts.find((part) => sizes[part] < 1);
  if (empty) {
    throw new SinapsisError(
      'data-too-few-samples',
      `"${name}" has ${samples} samples: too few to give the ${empty} part at least one (parts in use: ${parts.join(', ')}). Add samples, or use fewer parts (e.g. no validation part).`,
      { path: name, samples, needed: parts.length, part: empty },
    );
  }
}

/** After the split: a class missing from the training part cannot be learned (a stratified split of tiny classes). */
export function checkTrainingHoldsEveryClass(
  train: readonly number[],
  labels: Int32Array | null,
  classNames: readonly string[],
  name: string,
): void {
  if (!labels) return;
  const seen = new Uint8Array(classNames.length);
  for (const index of train) seen[labels[index]] = 1;
  const missing = seen.findIndex((value) => value === 0);
  if (missing < 0) return;
  const count = labels.reduce((sum, label) => sum + (label === missing ? 1 : 0), 0);
  throwClassTooSmall(name, classNames[missing], count, count + 1, 'the split left none of it in the training part');
}

function throwClassTooSmall(name: string, className: string, count: number, needed: number, why: string): never {
  throw new SinapsisError(
    'data-class-too-small',
    `Class "${className}" of "${name}" has ${count} sample${count === 1 ? '' : 's'}; it needs at least ${needed} (${why}). Add samples of that class, or remove it.`,
    { path: name, className, count, needed },
  );
}
