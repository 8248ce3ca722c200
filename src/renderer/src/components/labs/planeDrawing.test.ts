import { describe, expect, it } from 'vitest';
import { type PlaneView, lineEndpoints, sampleGrid, toPixel } from './planeDrawing';

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
});
