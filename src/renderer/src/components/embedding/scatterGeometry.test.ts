import { describe, expect, it } from 'vitest';
import {
  fitBounds,
  fromCanvas,
  hitTest,
  isMisclassified,
  isShown,
  panBy,
  partsPresent,
  stepPoint,
  toCanvas,
  transformFor,
  zoomAt,
  withRunFacts,
  type MapPoint,
  type Viewport,
} from './scatterGeometry';

const viewport: Viewport = { width: 400, height: 200, padding: 10 };

describe('which points are ringed and shown', () => {
  it('rings only test samples whose prediction differs from their class', () => {
    expect(isMisclassified({ x: 0, y: 0, classIndex: 1, part: 'test', predictedIndex: 2 })).toBe(true);
    expect(isMisclassified({ x: 0, y: 0, classIndex: 1, part: 'test', predictedIndex: 1 })).toBe(false);
    expect(isMisclassified({ x: 0, y: 0, classIndex: 1, part: 'train', predictedIndex: 2 })).toBe(false);
    expect(isMisclassified({ x: 0, y: 0, classIndex: 1, part: 'validation', predictedIndex: 2 })).toBe(false);
    expect(isMisclassified({ x: 0, y: 0, classIndex: 1, part: 'test' })).toBe(false);
    expect(isMisclassified({ x: 0, y: 0, classIndex: null, part: 'test', predictedIndex: 0 })).toBe(false);
    expect(isMisclassified({ x: 0, y: 0, classIndex: 1, part: null, predictedIndex: 2 })).toBe(false);
  });

  it('hides the parts switched off and always shows points without a part', () => {
    const hidden = new Set(['train'] as const);
    expect(isShown({ x: 0, y: 0, classIndex: 0, part: 'train' }, hidden)).toBe(false);
    expect(isShown({ x: 0, y: 0, classIndex: 0, part: 'test' }, hidden)).toBe(true);
    expect(isShown({ x: 0, y: 0, classIndex: 0, part: null }, hidden)).toBe(true);
    expect(isShown({ x: 0, y: 0, classIndex: 0 }, hidden)).toBe(true);
  });

  it('lists the parts present in split order', () => {
    const points: MapPoint[] = [
      { x: 0, y: 0, classIndex: 0, part: 'test' },
      { x: 0, y: 0, classIndex: 0, part: 'train' },
      { x: 0, y: 0, classIndex: 0, part: null },
    ];
    expect(partsPresent(points)).toEqual(['train', 'test']);
    expect(partsPresent([{ x: 0, y: 0, classIndex: 0 }])).toEqual([]);
  });
});

describe('scaling to the canvas', () => {
  it('fits the points with a margin and ignores non-finite values', () => {
    const bounds = fitBounds(
      [
        { x: 0, y: 0 },
        { x: 10, y: 5 },
        { x: NaN, y: 100 },
      ],
      0.1,
    );
    expect(bounds).toEqual({ xMin: -1, xMax: 11, yMin: -0.5, yMax: 5.5 });
  });

  it('gives a single point or a flat cloud a non-empty rectangle', () => {
    const one = fitBounds([{ x: 3, y: 4 }], 0);
    expect(one.xMax - one.xMin).toBeGreaterThan(0);
    expect(one.yMax - one.yMin).toBeGreaterThan(0);
    expect((one.xMin + one.xMax) / 2).toBe(3);
    const flat = fitBounds(
      [
        { x: 0, y: 2 },
        { x: 8, y: 2 },
      ],
      0,
    );
    expect(flat.yMax - flat.yMin).toBe(4);
    expect(fitBounds([])).toEqual({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
  });

  it('uses one scale for both axes, centres the data and puts y up', () => {
    // Data 10 × 10 in a 380 × 180 inner area: the height limits the scale to 18 px per unit, centred sideways.
    const transform = transformFor({ xMin: 0, xMax: 10, yMin: 0, yMax: 10 }, viewport);
    expect(transform.scale).toBe(18);
    expect(toCanvas(transform, 0, 10)).toEqual([110, 10]);
    expect(toCanvas(transform, 10, 0)).toEqual([290, 190]);
    expect(toCanvas(transform, 5, 5)).toEqual([200, 100]);
    expect(fromCanvas(transform, 200, 100)).toEqual([5, 5]);
    const [x, y] = fromCanvas(transform, ...toCanvas(transform, 2.5, 7.25));
    expect(x).toBeCloseTo(2.5, 12);
    expect(y).toBeCloseTo(7.25, 12);
  });

  it('zooms around the pointer, keeping the data point under it in place', () => {
    const bounds = { xMin: 0, xMax: 10, yMin: 0, yMax: 10 };
    const before = fromCanvas(transformFor(bounds, viewport), 150, 60);
    const zoomed = zoomAt(bounds, viewport, 150, 60, 2);
    expect(zoomed.xMax - zoomed.xMin).toBeCloseTo(5, 12);
    const after = fromCanvas(transformFor(zoomed, viewport), 150, 60);
    expect(after[0]).toBeCloseTo(before[0], 9);
    expect(after[1]).toBeCloseTo(before[1], 9);
  });

  it('pans so that a point follows the drag', () => {
    const bounds = { xMin: 0, xMax: 10, yMin: 0, yMax: 10 };
    const start = toCanvas(transformFor(bounds, viewport), 4, 4);
    const moved = panBy(bounds, viewport, 36, -18);
    const end = toCanvas(transformFor(moved, viewport), 4, 4);
    expect(end[0]).toBeCloseTo(start[0] + 36, 9);
    expect(end[1]).toBeCloseTo(start[1] - 18, 9);
  });
});

describe('hit-testing', () => {
  const points: MapPoint[] = [
    { x: 0, y: 0, classIndex: 0, part: 'train' },
    { x: 1, y: 1, classIndex: 1, part: 'test' },
    { x: 1, y: 1, classIndex: 2, part: 'train' },
  ];
  const transform = transformFor({ xMin: -1, xMax: 2, yMin: -1, yMax: 2 }, { width: 300, height: 300, padding: 0 });

  it('finds the nearest point within the radius, the one drawn last on a tie', () => {
    const [px, py] = toCanvas(transform, 0, 0);
    expect(hitTest(points, transform, px + 3, py - 3, 6)).toBe(0);
    expect(hitTest(points, transform, px + 30, py, 6)).toBe(-1);
    const [qx, qy] = toCanvas(transform, 1, 1);
    expect(hitTest(points, transform, qx, qy, 6)).toBe(2);
  });

  it('skips points of hidden parts', () => {
    const [qx, qy] = toCanvas(transform, 1, 1);
    expect(hitTest(points, transform, qx, qy, 6, new Set(['train']))).toBe(1);
    expect(hitTest(points, transform, qx, qy, 6, new Set(['train', 'test']))).toBe(-1);
  });

  it('steps through the shown points with wrap-around for the keyboard', () => {
    const hidden = new Set(['test'] as const);
    expect(stepPoint(points, -1, 1, hidden)).toBe(0);
    expect(stepPoint(points, 0, 1, hidden)).toBe(2);
    expect(stepPoint(points, 2, 1, hidden)).toBe(0);
    expect(stepPoint(points, -1, -1, hidden)).toBe(2);
    expect(stepPoint(points, 0, -1, new Set(['train', 'test']))).toBe(-1);
  });
});

describe('sharing the run facts between maps of the same samples', () => {
  it('copies part and prediction by dataset index and keeps points that have their own', () => {
    const input = [
      { x: 0, y: 0, classIndex: 1, index: 5 },
      { x: 1, y: 1, classIndex: 2, index: 7 },
      { x: 2, y: 2, classIndex: 0, index: 9, part: 'train' as const, predictedIndex: 0 },
    ];
    const layer = [
      { x: 9, y: 9, classIndex: 2, index: 7, part: 'test' as const, predictedIndex: 1 },
      { x: 8, y: 8, classIndex: 1, index: 5, part: 'train' as const, predictedIndex: 1 },
      { x: 7, y: 7, classIndex: 0, index: 9, part: 'test' as const, predictedIndex: 2 },
    ];
    const joined = withRunFacts(input, layer);
    expect(joined[0]).toEqual({ x: 0, y: 0, classIndex: 1, index: 5, part: 'train', predictedIndex: 1 });
    expect(joined[1]).toEqual({ x: 1, y: 1, classIndex: 2, index: 7, part: 'test', predictedIndex: 1 });
    expect(isMisclassified(joined[1])).toBe(true);
    expect(joined[2]).toBe(input[2]);
    expect(withRunFacts(input, [])).toEqual(input);
  });
});
