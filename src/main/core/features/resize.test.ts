import { describe, expect, it } from 'vitest';
import { fixtureImage, hasSharedFixture, loadExtraFixture, loadSharedFixture, type ResizeCase } from './fixtures/referenceFixtures';
import { toGray } from './grayscale';
import { resizeImage } from './resize';

function maxDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let max = 0;
  for (let i = 0; i < expected.length; i++) max = Math.max(max, Math.abs(actual[i] - expected[i]));
  return max;
}

function checkResize(cases: ResizeCase[]) {
  for (const c of cases) {
    const image = fixtureImage(c.shape, c.pixels);
    const [height, width] = c.target;
    const linear = resizeImage(image, width, height, 'linear');
    const area = resizeImage(image, width, height, 'area');
    expect([linear.width, linear.height, linear.channels]).toEqual([width, height, image.channels]);
    // The issue allows 1 grey level; we aim for and check bit-exact equality.
    expect(maxDifference(linear.data, c.linear), `${c.name ?? c.shape.join('x')} linear`).toBe(0);
    expect(maxDifference(area.data, c.area), `${c.name ?? c.shape.join('x')} area`).toBe(0);
  }
}

describe('resizeImage matches cv2.resize', () => {
  it.skipIf(!hasSharedFixture)('on the shared fixture (INTER_LINEAR and INTER_AREA)', () => checkResize(loadSharedFixture().resize));

  it('on our generated cases: exact 2x/3x shrink, upscaling, mixed axes, wide rows, RGB, same size', () =>
    checkResize(loadExtraFixture().resize));

  it('returns a copy for the same size, never the caller’s buffer', () => {
    const image = { width: 2, height: 1, channels: 1 as const, data: Uint8Array.from([1, 2]) };
    const same = resizeImage(image, 2, 1, 'linear');
    same.data[0] = 9;
    expect(image.data[0]).toBe(1);
  });
});

describe('toGray matches cv2.cvtColor RGB2GRAY', () => {
  for (const [label, load, enabled] of [
    ['shared fixture', loadSharedFixture, hasSharedFixture],
    ['generated fixture', loadExtraFixture, true],
  ] as const) {
    it.skipIf(!enabled)(label, () => {
      const { rgb, gray } = load().rgb2gray;
      const image = { width: gray.length, height: 1, channels: 3 as const, data: Uint8Array.from(rgb) };
      expect(Array.from(toGray(image).data)).toEqual(gray);
    });
  }

  it('keeps grey images as they are and weights green most', () => {
    const grey = { width: 1, height: 1, channels: 1 as const, data: Uint8Array.from([7]) };
    expect(toGray(grey)).toBe(grey);
    const colours = { width: 3, height: 1, channels: 3 as const, data: Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255]) };
    expect(Array.from(toGray(colours).data)).toEqual([76, 150, 29]);
    // OpenCV 4's 15-bit rounding (a 14-bit formula or 0.299 R + 0.587 G + 0.114 B rounded gives 136).
    expect(toGray({ width: 1, height: 1, channels: 3, data: Uint8Array.from([114, 150, 126]) }).data[0]).toBe(137);
  });
});
