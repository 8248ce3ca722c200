import { describe, expect, it } from 'vitest';
import type { HogParams } from '../../../shared/contract/features';
import { hogLength } from '../../../shared/features/hogLength';
import { fixtureImage, hasSharedFixture, loadExtraFixture, loadSharedFixture, type HogCase } from './fixtures/referenceFixtures';
import { hog, normalizeBlock } from './hog';
import { hogPicture, pictureToGray } from './hogPicture';

function paramsOf(c: HogCase): HogParams {
  const { orientations, pixelsPerCell, cellsPerBlock, blockNorm, transformSqrt } = c.params;
  return { orientations, pixelsPerCell, cellsPerBlock, blockNorm, transformSqrt };
}

function maxAbsDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let max = 0;
  for (let i = 0; i < expected.length; i++) max = Math.max(max, Math.abs(actual[i] - expected[i]));
  return max;
}

function checkCases(cases: HogCase[]) {
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    const image = fixtureImage(c.shape, c.pixels);
    expect(image.channels === 3, `${c.name}: colour fixtures use channel_axis=-1`).toBe(c.params.channelAxis === -1);
    const result = hog(image, paramsOf(c));
    expect(result.vector.length, c.name).toBe(hogLength(image.height, image.width, paramsOf(c)));
    expect(maxAbsDifference(result.vector, c.expected), c.name).toBeLessThanOrEqual(1e-9);
  }
}

describe('hog matches skimage.feature.hog 0.19', () => {
  it.skipIf(!hasSharedFixture)(
    'on the shared fixture (lab setting, every norm, sqrt, colour, rectangular cells, sizes not multiple of the cell)',
    () => {
      checkCases(loadSharedFixture().hog);
    },
  );

  it('on our generated cases (odd cells, 1-pixel cells, colour + sqrt, equal channels, pedestrian 128x64)', () => {
    checkCases(loadExtraFixture().hog);
  });

  it('draws the same HOG picture as visualize=True', () => {
    const withPictures = loadExtraFixture().hog.filter((c) => c.picture);
    expect(withPictures.length).toBeGreaterThanOrEqual(3);
    for (const c of withPictures) {
      const image = fixtureImage(c.shape, c.pixels);
      const result = hog(image, paramsOf(c));
      const picture = hogPicture(result.cellHistograms, image.height, image.width, paramsOf(c), result.geometry);
      expect(maxAbsDifference(picture, c.picture ?? []), c.name).toBeLessThanOrEqual(1e-9);
    }
  });
});

describe('hog behaviour', () => {
  const lab: HogParams = { orientations: 8, pixelsPerCell: [4, 4], cellsPerBlock: [2, 2], blockNorm: 'L2-Hys', transformSqrt: false };

  it('gives the lab length of 320 for 24x12 and a vertical edge votes into the 0-degree bin', () => {
    // Left half dark, right half bright: horizontal gradient only, angle 0.
    const data = new Uint8Array(24 * 12).map((_, i) => (i % 12 < 6 ? 10 : 200));
    const result = hog({ width: 12, height: 24, channels: 1, data }, lab);
    expect(result.vector.length).toBe(320);
    const cells = result.cellHistograms;
    // Cells in column 1 (x 4..7) contain the edge at x = 5/6; every vote is in bin 0.
    for (let r = 0; r < 6; r++) {
      const base = (r * 3 + 1) * 8;
      expect(cells[base]).toBeGreaterThan(0);
      expect(Array.from(cells.subarray(base + 1, base + 8)).every((v) => v === 0)).toBe(true);
    }
  });

  it('rejects an image smaller than one block with a message that says what to do', () => {
    expect(() => hog({ width: 7, height: 24, channels: 1, data: new Uint8Array(7 * 24) }, lab)).toThrowError(
      /7x24 image is smaller than one HOG block \(8x8 pixels.*Resize it larger/,
    );
  });

  it('normalises blocks as skimage: L2-Hys clips at 0.2 before renormalising, L1-sqrt is the root of L1', () => {
    const spike = Float64Array.from([10, 0, 0, 0]);
    normalizeBlock(spike, 'L2-Hys');
    expect(spike[0]).toBeCloseTo(1, 6);
    const spread = Float64Array.from([3, 1, 1, 1]);
    normalizeBlock(spread, 'L2-Hys');
    expect(Math.max(...spread)).toBeLessThan(0.93);
    const l1 = Float64Array.from([1, 3]);
    normalizeBlock(l1, 'L1-sqrt');
    expect(l1[0]).toBeCloseTo(0.5, 5);
    expect(l1[1]).toBeCloseTo(Math.sqrt(0.75), 5);
  });

  it('scales the picture to grey levels with the strongest line at 255', () => {
    const grey = pictureToGray(Float64Array.from([0, 0.5, 2]));
    expect(Array.from(grey)).toEqual([0, 64, 255]);
    expect(Array.from(pictureToGray(new Float64Array(3)))).toEqual([0, 0, 0]);
  });
});
