import { MAX_LISTED_PROBLEMS, type DatasetProblem, type ImageSummary } from '../../../../shared/contract/datasets';
import { minMedianMax } from '../../../../shared/datasets/describeNumbers';
import { measureImbalance } from '../../../../shared/datasets/imbalance';
import type { StoredImage } from '../datasetTypes';
import { datasetFingerprint } from '../fingerprint';
import { MAX_STORED_SIDE } from './inspectImageFile';
import { naturalCompare } from '../naturalCompare';

export interface ImageFacts {
  /** Per loaded image, parallel to `images`. */
  formats: string[];
  /** Images shrunk to `MAX_STORED_SIDE` after decoding. */
  downscaled?: number;
  sixteenBit: number;
  withAlpha: number;
}

/** Groups of files with identical bytes, in file order; only groups of two or more. */
export function findDuplicates(images: readonly StoredImage[]): string[][] {
  const byHash = new Map<string, string[]>();
  for (const image of images) {
    const group = byHash.get(image.hash);
    if (group) group.push(image.file);
    else byHash.set(image.hash, [image.file]);
  }
  return [...byHash.values()].filter((group) => group.length > 1);
}

function countByCode(problems: readonly DatasetProblem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const problem of problems) counts[problem.code] = (counts[problem.code] ?? 0) + 1;
  return counts;
}

/** True when some pixel's red, green and blue differ: the image has colour, not only grey levels stored as RGB. */
export function hasColour(image: Pick<StoredImage, 'channels' | 'pixels'>): boolean {
  if (image.channels === 1) return false;
  const { pixels } = image;
  for (let i = 0; i < pixels.length; i += 3) {
    if (pixels[i] !== pixels[i + 1] || pixels[i] !== pixels[i + 2]) return true;
  }
  return false;
}

/** The numbers the Datos view shows and every run records. */
export function summarizeImages(
  base: { datasetId: string; name: string; root: string },
  classNames: readonly string[],
  images: readonly StoredImage[],
  facts: ImageFacts,
  problems: readonly DatasetProblem[],
  loadSeconds: number,
  filesTried: number,
): ImageSummary {
  const counts = new Array<number>(classNames.length).fill(0);
  const widths = new Float64Array(images.length);
  const heights = new Float64Array(images.length);
  const sizeCounts = new Map<string, number>();
  let grey = 0;
  let colour = 0;
  let pixelBytes = 0;
  images.forEach((image, i) => {
    counts[image.label]++;
    widths[i] = image.width;
    heights[i] = image.height;
    const key = `${image.width}x${image.height}`;
    sizeCounts.set(key, (sizeCounts.get(key) ?? 0) + 1);
    if (image.channels === 1) grey++;
    else if (hasColour(image)) colour++;
    pixelBytes += image.pixels.byteLength;
  });
  let mostCommon = { width: 0, height: 0, count: 0 };
  for (const [key, count] of sizeCounts) {
    if (count > mostCommon.count) {
      const [width, height] = key.split('x').map(Number);
      mostCommon = { width, height, count };
    }
  }
  const formats: Record<string, number> = {};
  for (const format of facts.formats) formats[format] = (formats[format] ?? 0) + 1;
  const classes = classNames.map((name, i) => ({ name, count: counts[i] }));
  return {
    kind: 'images',
    ...base,
    classes,
    total: images.length,
    imbalance: measureImbalance(classes),
    sizes: {
      width: minMedianMax(widths),
      height: minMedianMax(heights),
      distinct: sizeCounts.size,
      mostCommon,
      differing: images.length - mostCommon.count,
      downscaled: facts.downscaled ?? 0,
      maxSide: MAX_STORED_SIDE,
    },
    channels: { grey, rgb: images.length - grey, colour, withAlpha: facts.withAlpha, sixteenBit: facts.sixteenBit },
    formats,
    duplicates: findDuplicates(images),
    fingerprint: datasetFingerprint(images),
    // In path order, so the problems of one folder sit together whichever stage found them.
    problems: [...problems].sort((a, b) => naturalCompare(a.file, b.file)).slice(0, MAX_LISTED_PROBLEMS),
    problemCounts: countByCode(problems),
    problemsTotal: problems.length,
    problemsSkipped: problems.filter((problem) => problem.skipped).length,
    loadSeconds,
    filesPerSecond: loadSeconds > 0 ? filesTried / loadSeconds : 0,
    pixelBytes,
  };
}
