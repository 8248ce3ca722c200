import { describe, expect, it } from 'vitest';
import {
  NEGATIVE_RGB,
  POSITIVE_RGB,
  type PlaneView,
  connectionStyle,
  heatmapImage,
  lineEndpoints,
  sampleGrid,
  toPixel,
} from './planeDrawing';

const view: PlaneView = { xMin: -1, xMax: 1, yMin: -1, yMax: 1, width: 200, height: 100 };

describe('plane drawing helpers', () => {
  it('maps plane coordinates to pixels with y growing upwards', () => {
    expect(toPixel(view, -1, 1)).toEqual([0, 0]);
    expect(toPixel(view, 1, -1)).toEqual([200, 100]);
    expect(toPixel(view, 0, 0)).toEqual([100, 50]);
  });

  it('finds two points on w1 x + w2 y + b = 0, or none without weights', () => {
    for (const [w1, w2, b] of [
      [1, 1, -0.5],
      [0.5, 1.5, 0],
      [3, 0.1, 1],
      [0, 2, 1],
    ]) {
      const ends = lineEndpoints(view, w1, w2, b);
      expect(ends).not.toBeNull();
      const [x1, y1, x2, y2] = ends ?? [NaN, NaN, NaN, NaN];
      expect(w1 * x1 + w2 * y1 + b).toBeCloseTo(0, 10);
      expect(w1 * x2 + w2 * y2 + b).toBeCloseTo(0, 10);
      expect(Math.hypot(x2 - x1, y2 - y1)).toBeGreaterThan(0);
    }
    expect(lineEndpoints(view, 0, 0, 1)).toBeNull();
  });

  it('samples a function at cell centres, top row first', () => {
    const grid = sampleGrid(view, 2, (x, y) => (x > 0 ? 1 : 0) + (y > 0 ? 10 : 0));
    expect(Array.from(grid)).toEqual([10, 11, 0, 1]);
  });

  it('colours a neuron picture white at the middle of its range, blue and orange towards the ends', () => {
    // Node has no ImageData: a look-alike of the right size is filled in place.
    const into = { width: 2, height: 2, data: new Uint8ClampedArray(16) } as unknown as ImageData;
    const image = heatmapImage([0, 1, -1, 5], 2, -1, 1, into);
    expect(image).toBe(into);
    expect(Array.from(image.data.slice(0, 4))).toEqual([255, 255, 255, 255]);
    const lighten = (c: number) => Math.round(255 + (c - 255) * 0.75);
    expect(Array.from(image.data.slice(4, 7))).toEqual(POSITIVE_RGB.map(lighten));
    expect(Array.from(image.data.slice(8, 11))).toEqual(NEGATIVE_RGB.map(lighten));
    // Values past the range saturate at its end colour.
    expect(Array.from(image.data.slice(12, 15))).toEqual(POSITIVE_RGB.map(lighten));
  });

  it('draws a connection by the sign and size of its weight', () => {
    expect(connectionStyle(0.5).rgb).toEqual(POSITIVE_RGB);
    expect(connectionStyle(-0.5).rgb).toEqual(NEGATIVE_RGB);
    expect(connectionStyle(-2).width).toBeGreaterThan(connectionStyle(0.5).width);
    expect(connectionStyle(10)).toEqual(connectionStyle(3));
  });
});
