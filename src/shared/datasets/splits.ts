import { createSeededRandom, shuffledIndices, type SeededRandom } from '../didactic/seededRandom';
import { appendAll } from '../arrays';

/**
 * Seeded, reproducible train/validation/test splits, k-fold and leave-one-out. Every function returns sample
 * indices (never copies of data) so that a run can save exactly which samples it trained and tested on.
 * "Stratified" keeps each class's share the same in every part, which matters for small or imbalanced sets.
 */

export interface SplitRatios {
  train: number;
  validation: number;
  test: number;
}

export interface HoldoutOptions {
  ratios: SplitRatios;
  seed: number;
  /** Class label per sample; required for stratification, ignored otherwise. */
  labels?: ArrayLike<number>;
  stratified?: boolean;
}

export interface HoldoutSplit {
  train: number[];
  validation: number[];
  test: number[];
}

export const DEFAULT_HOLDOUT: SplitRatios = { train: 0.7, validation: 0, test: 0.3 };
export const DEFAULT_TRAIN_VAL_TEST: SplitRatios = { train: 0.7, validation: 0.15, test: 0.15 };
/** Folds of a k-fold split unless told otherwise. */
export const DEFAULT_FOLDS = 5;

/** The lab's split: train/validation/test 70/15/15, stratified (Datos, Entrenamiento and `sinapsis train` start from it). */
export const LAB_SPLIT = { method: 'train-val-test', ...DEFAULT_TRAIN_VAL_TEST, folds: DEFAULT_FOLDS, stratified: true } as const;

/** Rejects ratios that cannot describe a split; the message names what to fix. */
export function checkRatios(ratios: SplitRatios): void {
  const { train, validation, test } = ratios;
  for (const [name, value] of Object.entries(ratios)) {
    if (!(value >= 0 && value < 1)) throw new RangeError(`The ${name} fraction must be at least 0 and below 1 (got ${value}).`);
  }
  if (train <= 0) throw new RangeError('The training part cannot be empty: give it a fraction above 0.');
  if (Math.abs(train + validation + test - 1) > 1e-6) {
    throw new RangeError(
      `The fractions must add up to 1 (train ${train} + validation ${validation} + test ${test} = ${train + validation + test}).`,
    );
  }
}

/** How many samples the test and validation parts get: rounded up, as scikit-learn's train_test_split does. */
export function partSizes(n: number, ratios: SplitRatios): { train: number; validation: number; test: number } {
  const test = ratios.test > 0 ? Math.min(n, Math.ceil(n * ratios.test - 1e-9)) : 0;
  const validation = ratios.validation > 0 ? Math.min(n - test, Math.ceil(n * ratios.validation - 1e-9)) : 0;
  return { train: n - test - validation, validation, test };
}

/** Groups sample indices by class label, classes in ascending label order. */
function indicesByClass(labels: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const group = groups.get(labels[i]);
    if (group) group.push(i);
    else groups.set(labels[i], [i]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, members]) => members);
}

function shuffleInPlace(values: number[], random: SeededRandom): number[] {
  const order = shuffledIndices(values.length, random);
  const copy = values.slice();
  for (let i = 0; i < values.length; i++) values[i] = copy[order[i]];
  return values;
}

/**
 * Shares `total` among groups in proportion to `available`, by largest remainder, never giving a group more
 * than it has. Ties go to the earlier group so the result does not depend on the seed.
 */
export function apportion(total: number, available: readonly number[]): number[] {
  const sum = available.reduce((a, b) => a + b, 0);
  if (sum === 0) return available.map(() => 0);
  const exact = available.map((count) => (total * count) / sum);
  const shares = exact.map((value, i) => Math.min(available[i], Math.floor(value)));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, i) => ({ i, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  while (left > 0) {
    let progressed = false;
    for (const { i } of order) {
      if (left === 0) break;
      if (shares[i] < available[i]) {
        shares[i]++;
        left--;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return shares;
}

/** Holdout split into train/validation/test (validation may be 0). */
export function holdoutSplit(n: number, options: HoldoutOptions): HoldoutSplit {
  checkRatios(options.ratios);
  const random = createSeededRandom(options.seed);
  const sizes = partSizes(n, options.ratios);
  const stratified = options.stratified ?? true;
  if (!stratified || !options.labels) {
    const order = shuffledIndices(n, random);
    return {
      test: order.slice(0, sizes.test).sort((a, b) => a - b),
      validation: order.slice(sizes.test, sizes.test + sizes.validation).sort((a, b) => a - b),
      train: order.slice(sizes.test + sizes.validation).sort((a, b) => a - b),
    };
  }
  if (options.labels.length !== n) throw new RangeError(`Expected ${n} labels, got ${options.labels.length}.`);
  const groups = indicesByClass(options.labels).map((group) => shuffleInPlace(group, random));
  const testShares = apportion(
    sizes.test,
    groups.map((g) => g.length),
  );
  const validationShares = apportion(
    sizes.validation,
    groups.map((g, i) => g.length - testShares[i]),
  );
  const split: HoldoutSplit = { train: [], validation: [], test: [] };
  groups.forEach((group, i) => {
    appendAll(split.test, group.slice(0, testShares[i]));
    appendAll(split.validation, group.slice(testShares[i], testShares[i] + validationShares[i]));
    appendAll(split.train, group.slice(testShares[i] + validationShares[i]));
  });
  for (const part of [split.train, split.validation, split.test]) part.sort((a, b) => a - b);
  return split;
}

/**
 * k-fold cross-validation: returns the test indices of each fold (the rest is that fold's training part).
 * Stratified folds deal each class's shuffled samples round-robin, continuing where the previous class
 * stopped, so fold sizes differ by at most one and each fold keeps the class proportions.
 */
export function kFoldSplit(n: number, k: number, options: { seed: number; labels?: ArrayLike<number>; stratified?: boolean }): number[][] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k-fold needs at least 2 folds (got ${k}).`);
  if (k > n) throw new RangeError(`k-fold with ${k} folds needs at least ${k} samples (the dataset has ${n}).`);
  const random = createSeededRandom(options.seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  const stratified = (options.stratified ?? true) && options.labels !== undefined;
  const groups = stratified && options.labels ? indicesByClass(options.labels) : [Array.from({ length: n }, (_, i) => i)];
  let next = 0;
  for (const group of groups) {
    for (const index of shuffleInPlace(group, random)) {
      folds[next].push(index);
      next = (next + 1) % k;
    }
  }
  return folds.map((fold) => fold.sort((a, b) => a - b));
}

/** Leave-one-out: n folds, each testing on one sample. Only test indices are returned (n arrays of n-1 would not fit for large n). */
export function leaveOneOutSplit(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => [i]);
}

/** The training indices that go with a fold's test indices. */
export function complementOf(test: readonly number[], n: number): number[] {
  const inTest = new Uint8Array(n);
  for (const index of test) inTest[index] = 1;
  const train: number[] = [];
  for (let i = 0; i < n; i++) if (!inTest[i]) train.push(i);
  return train;
}

/** Count per class label (0..classCount-1) among the given indices. */
export function countClasses(indices: readonly number[], labels: ArrayLike<number>, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const index of indices) counts[labels[index]]++;
  return counts;
}
