import { describe, expect, it } from 'vitest';
import { apportion, checkRatios, complementOf, countClasses, holdoutSplit, kFoldSplit, leaveOneOutSplit, partSizes } from './splits';

const labelsOf = (counts: number[]): number[] => counts.flatMap((count, label) => new Array<number>(count).fill(label));
const sorted = (values: number[]) => values.slice().sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('holdoutSplit', () => {
  it('uses 70/30 sizes rounded like scikit-learn (test rounded up)', () => {
    expect(partSizes(178, { train: 0.7, validation: 0, test: 0.3 })).toEqual({ train: 124, validation: 0, test: 54 });
    const split = holdoutSplit(178, { ratios: { train: 0.7, validation: 0, test: 0.3 }, seed: 1 });
    expect(split.train).toHaveLength(124);
    expect(split.test).toHaveLength(54);
    expect(split.validation).toHaveLength(0);
  });

  it('covers every index exactly once across train/validation/test', () => {
    const labels = labelsOf([50, 30, 20]);
    const split = holdoutSplit(100, { ratios: { train: 0.7, validation: 0.15, test: 0.15 }, seed: 7, labels });
    expect(sorted([...split.train, ...split.validation, ...split.test])).toEqual(range(100));
    expect(split.validation).toHaveLength(15);
    expect(split.test).toHaveLength(15);
  });

  it('keeps class proportions when stratified', () => {
    const labels = labelsOf([500, 100]);
    const split = holdoutSplit(600, { ratios: { train: 0.7, validation: 0, test: 0.3 }, seed: 3, labels });
    expect(countClasses(split.test, labels, 2)).toEqual([150, 30]);
    expect(countClasses(split.train, labels, 2)).toEqual([350, 70]);
  });

  it('is reproducible for a seed and changes with the seed', () => {
    const labels = labelsOf([40, 40]);
    const options = { ratios: { train: 0.7, validation: 0, test: 0.3 }, labels };
    expect(holdoutSplit(80, { ...options, seed: 5 })).toEqual(holdoutSplit(80, { ...options, seed: 5 }));
    expect(holdoutSplit(80, { ...options, seed: 5 }).test).not.toEqual(holdoutSplit(80, { ...options, seed: 6 }).test);
  });

  it('shuffles without stratification too', () => {
    const split = holdoutSplit(10, { ratios: { train: 0.7, validation: 0, test: 0.3 }, seed: 2, stratified: false });
    expect(sorted([...split.train, ...split.test])).toEqual(range(10));
    expect(split.test).not.toEqual([7, 8, 9]);
  });

  it('rejects ratios that do not add up to 1 with a message naming them', () => {
    expect(() => checkRatios({ train: 0.7, validation: 0.2, test: 0.3 })).toThrow(/add up to 1/);
    expect(() => checkRatios({ train: 0, validation: 0.5, test: 0.5 })).toThrow(/training part cannot be empty/);
  });
});

describe('apportion', () => {
  it('shares a total by largest remainder without exceeding any group', () => {
    expect(apportion(10, [5, 5])).toEqual([5, 5]);
    expect(apportion(3, [1, 1, 10])).toEqual([0, 0, 3]);
    expect(apportion(5, [2, 2, 2]).reduce((a, b) => a + b)).toBe(5);
  });
});

describe('kFoldSplit', () => {
  it('partitions all samples into k folds of near-equal size', () => {
    const folds = kFoldSplit(23, 5, { seed: 1 });
    expect(folds).toHaveLength(5);
    expect(sorted(folds.flat())).toEqual(range(23));
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('stratifies each fold', () => {
    const labels = labelsOf([50, 25]);
    const folds = kFoldSplit(75, 5, { seed: 9, labels });
    for (const fold of folds) expect(countClasses(fold, labels, 2)).toEqual([10, 5]);
  });

  it('refuses more folds than samples', () => {
    expect(() => kFoldSplit(3, 5, { seed: 1 })).toThrow(/at least 5 samples/);
  });
});

describe('leaveOneOutSplit', () => {
  it('tests each sample once, training on all others', () => {
    const folds = leaveOneOutSplit(4);
    expect(folds).toEqual([[0], [1], [2], [3]]);
    expect(complementOf(folds[2], 4)).toEqual([0, 1, 3]);
  });
});
