import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../contract/datasets';
import { hogPipelineSchema } from '../contract/features';
import { defaultFeatureChoice, featureInputShape, outputUnitsFor } from './featureShape';

const digits = {
  kind: 'images',
  datasetId: 'd1',
  classes: Array.from({ length: 10 }, (_, i) => ({ name: String(i), count: 500 })),
  total: 5000,
  sizes: { mostCommon: { width: 20, height: 20, count: 5000 } },
  channels: { grey: 5000, rgb: 0, colour: 0, withAlpha: 0, sixteenBit: 0 },
} as unknown as DatasetSummary;

const wine = {
  kind: 'table',
  datasetId: 'w',
  features: Array.from({ length: 13 }, (_, i) => `f${i}`),
  task: 'classification',
  classes: [
    { name: 'a', count: 1 },
    { name: 'b', count: 1 },
    { name: 'c', count: 1 },
  ],
} as unknown as DatasetSummary;

describe('featureInputShape', () => {
  it('gives the lab HOG length (320) for images by default', () => {
    expect(featureInputShape(digits, defaultFeatureChoice(digits))).toEqual([320]);
  });

  it('follows the HOG pipeline and pixel choices', () => {
    const pipeline = hogPipelineSchema.parse({ resize: null, params: { orientations: 9, pixelsPerCell: [4, 4], cellsPerBlock: [2, 2] } });
    // 20x20 -> 5x5 cells -> 4x4 blocks x 2x2 cells x 9 bins
    expect(featureInputShape(digits, { kind: 'hog', pipeline })).toEqual([4 * 4 * 4 * 9]);
    expect(featureInputShape(digits, { kind: 'pixels', resize: null, keepShape: true, colorMode: 'auto', resizeMode: 'stretch' })).toEqual([
      20, 20, 1,
    ]);
    expect(
      featureInputShape(digits, {
        kind: 'pixels',
        resize: { width: 28, height: 28 },
        keepShape: false,
        colorMode: 'auto',
        resizeMode: 'stretch',
      }),
    ).toEqual([784]);
  });

  it('keeps colour: auto is RGB when any image has colour, grayscale forces one channel', () => {
    const photos = { ...digits, channels: { grey: 4000, rgb: 1000, colour: 3, withAlpha: 0, sixteenBit: 0 } } as unknown as DatasetSummary;
    const pixels = (colorMode: 'auto' | 'rgb' | 'grayscale', keepShape: boolean) => ({
      kind: 'pixels' as const,
      resize: { width: 32, height: 24 },
      keepShape,
      colorMode,
      resizeMode: 'crop' as const,
    });
    expect(featureInputShape(photos, pixels('auto', true))).toEqual([24, 32, 3]);
    expect(featureInputShape(photos, pixels('auto', false))).toEqual([24 * 32 * 3]);
    expect(featureInputShape(photos, pixels('grayscale', true))).toEqual([24, 32, 1]);
    expect(featureInputShape(digits, pixels('auto', true))).toEqual([24, 32, 1]);
    expect(featureInputShape(digits, pixels('rgb', true))).toEqual([24, 32, 3]);
  });

  it('uses the columns of a table and its classes as outputs', () => {
    expect(featureInputShape(wine, defaultFeatureChoice(wine))).toEqual([13]);
    expect(outputUnitsFor(wine)).toBe(3);
    expect(outputUnitsFor(digits)).toBe(10);
    expect(featureInputShape(null, null)).toBeNull();
  });
});
