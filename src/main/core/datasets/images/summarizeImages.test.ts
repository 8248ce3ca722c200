import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, type DatasetProblem } from '../../../../shared/contract/datasets';
import type { StoredImage } from '../datasetTypes';
import { findDuplicates, summarizeImages } from './summarizeImages';

const image = (file: string, label: number, width: number, height: number, hash: string): StoredImage => ({
  file,
  label,
  width,
  height,
  channels: 1,
  pixels: new Uint8Array(width * height),
  hash,
});

describe('summarizeImages', () => {
  const images = [
    image('a/1.png', 0, 20, 20, 'h1'),
    image('a/2.png', 0, 20, 20, 'h2'),
    image('a/3.png', 0, 30, 10, 'h3'),
    image('b/1.png', 1, 20, 20, 'h1'),
  ];

  it('counts classes, sizes, duplicates and flags imbalance', () => {
    const summary = summarizeImages(
      { datasetId: 'd', name: 'n', root: '/r' },
      ['a', 'b'],
      images,
      { formats: ['png', 'png', 'png', 'png'], sixteenBit: 0, withAlpha: 0 },
      [],
      1,
      4,
    );
    expect(summary.classes).toEqual([
      { name: 'a', count: 3 },
      { name: 'b', count: 1 },
    ]);
    expect(summary.imbalance).toMatchObject({ ratio: 3, warning: true, smallest: 'b', largest: 'a' });
    expect(summary.sizes).toMatchObject({
      width: { min: 20, median: 20, max: 30 },
      height: { min: 10, median: 20, max: 20 },
      distinct: 2,
      differing: 1,
    });
    expect(summary.sizes.mostCommon).toEqual({ width: 20, height: 20, count: 3 });
    expect(summary.duplicates).toEqual([['a/1.png', 'b/1.png']]);
    expect(summary.pixelBytes).toBe(3 * 400 + 300);
  });

  it('lists at most MAX_LISTED_PROBLEMS problems but counts them all', () => {
    const problems: DatasetProblem[] = Array.from({ length: MAX_LISTED_PROBLEMS + 10 }, (_, i) => ({
      file: `x/${i}.txt`,
      code: 'not-an-image',
      reason: 'not an image file (.txt)',
      skipped: true,
    }));
    const summary = summarizeImages(
      { datasetId: 'd', name: 'n', root: '/r' },
      ['a', 'b'],
      images,
      { formats: [], sixteenBit: 0, withAlpha: 0 },
      problems,
      1,
      4,
    );
    expect(summary.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(summary.problemsTotal).toBe(MAX_LISTED_PROBLEMS + 10);
    expect(summary.problemCounts).toEqual({ 'not-an-image': MAX_LISTED_PROBLEMS + 10 });
  });
});

describe('findDuplicates', () => {
  it('groups files by content hash, in file order', () => {
    expect(findDuplicates([image('a', 0, 1, 1, 'x'), image('b', 0, 1, 1, 'y'), image('c', 0, 1, 1, 'x')])).toEqual([['a', 'c']]);
  });
});
