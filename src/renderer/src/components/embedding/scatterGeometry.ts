/**
 * The pure parts of the feature map's scatter: which points are shown and ringed, the data rectangle that fits
 * them, the mapping between data and canvas pixels (one scale for both axes, since a map's distances are what
 * the student reads), zoom and pan, and finding the point under the pointer.
 */

/** The split parts a run's sample can be in (the contract's `part`); null or absent for datasets and k-fold runs. */
export type MapPart = 'train' | 'validation' | 'test';

export interface MapPoint {
  x: number;
  y: number;
  classIndex: number | null;
  part?: MapPart | null;
  predictedIndex?: number;
}

/** A rectangle of the data plane, y up. */
export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The drawing area in CSS pixels, and the empty border kept around the data. */
export interface Viewport {
  width: number;
  height: number;
  padding: number;
}

/** Where the data rectangle lands on the canvas: canvas x = offsetX + (x − xMin)·scale, y = offsetY + (yMax − y)·scale. */
export interface Transform {
  scale: number;
  offsetX: number;
  offsetY: number;
  bounds: Bounds;
}

/** A test sample the run's model gets wrong: the only ones the map rings (train points were fitted, so their errors say less). */
export function isMisclassified(point: MapPoint): boolean {
  return (
    point.part === 'test' && point.predictedIndex !== undefined && point.classIndex !== null && point.predictedIndex !== point.classIndex
  );
}

/** Points whose part is shown; a point without a part (a dataset's, a k-fold run's) is always shown. */
export function isShown(point: MapPoint, hiddenParts: ReadonlySet<MapPart>): boolean {
  return !point.part || !hiddenParts.has(point.part);
}

/** The parts present in the points, in split order (what the show/hide toggles offer). */
export function partsPresent(points: readonly MapPoint[]): MapPart[] {
  const found = new Set(points.map((point) => point.part).filter((part): part is MapPart => !!part));
  return (['train', 'validation', 'test'] as const).filter((part) => found.has(part));
}

/** The smallest rectangle holding every point, widened by `margin` of its size on each side (a unit square around one point). */
export function fitBounds(points: readonly Pick<MapPoint, 'x' | 'y'>[], margin = 0.04): Bounds {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const { x, y } of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  if (xMin > xMax) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  // A flat cloud (all x or all y equal) still gets a width, half of the other side or 1.
  const spanX = xMax - xMin || (yMax - yMin) / 2 || 1;
  const spanY = yMax - yMin || spanX / 2 || 1;
  const cx = (xMin + xMax) / 2;
  const cy = (yMin + yMax) / 2;
  const halfX = (spanX / 2) * (1 + 2 * margin);
  const halfY = (spanY / 2) * (1 + 2 * margin);
  return { xMin: cx - halfX, xMax: cx + halfX, yMin: cy - halfY, yMax: cy + halfY };
}

/** One scale for both axes so that the whole rectangle fits the viewport, centred in it. */
export function transformFor(bounds: Bounds, viewport: Viewport): Transform {
  const innerWidth = Math.max(1, viewport.width - 2 * viewport.padding);
  const innerHeight = Math.max(1, viewport.height - 2 * viewport.padding);
  const spanX = bounds.xMax - bounds.xMin;
  const spanY = bounds.yMax - bounds.yMin;
  const scale = Math.min(innerWidth / spanX, innerHeight / spanY);
  return {
    scale,
    offsetX: viewport.padding + (innerWidth - spanX * scale) / 2,
    offsetY: viewport.padding + (innerHeight - spanY * scale) / 2,
    bounds,
  };
}

export function toCanvas(transform: Transform, x: number, y: number): [number, number] {
  return [
    transform.offsetX + (x - transform.bounds.xMin) * transform.scale,
    transform.offsetY + (transform.bounds.yMax - y) * transform.scale,
  ];
}

export function fromCanvas(transform: Transform, px: number, py: number): [number, number] {
  return [
    transform.bounds.xMin + (px - transform.offsetX) / transform.scale,
    transform.bounds.yMax - (py - transform.offsetY) / transform.scale,
  ];
}

/** The rectangle after zooming by `factor` (> 1 closer) around the canvas point (px, py), which stays where it is. */
export function zoomAt(bounds: Bounds, viewport: Viewport, px: number, py: number, factor: number): Bounds {
  const [x, y] = fromCanvas(transformFor(bounds, viewport), px, py);
  return {
    xMin: x - (x - bounds.xMin) / factor,
    xMax: x + (bounds.xMax - x) / factor,
    yMin: y - (y - bounds.yMin) / factor,
    yMax: y + (bounds.yMax - y) / factor,
  };
}

/** The rectangle after dragging the picture by (dx, dy) canvas pixels. */
export function panBy(bounds: Bounds, viewport: Viewport, dx: number, dy: number): Bounds {
  const { scale } = transformFor(bounds, viewport);
  const sx = dx / scale;
  const sy = dy / scale;
  return { xMin: bounds.xMin - sx, xMax: bounds.xMax - sx, yMin: bounds.yMin + sy, yMax: bounds.yMax + sy };
}

/**
 * The shown point nearest to the canvas point (px, py) within `radius` pixels, or −1. Ties go to the later point,
 * the one drawn on top.
 */
export function hitTest(
  points: readonly MapPoint[],
  transform: Transform,
  px: number,
  py: number,
  radius: number,
  hiddenParts: ReadonlySet<MapPart> = new Set(),
): number {
  let best = -1;
  let bestDistance = radius * radius;
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    if (!isShown(point, hiddenParts)) continue;
    const [cx, cy] = toCanvas(transform, point.x, point.y);
    const distance = (cx - px) ** 2 + (cy - py) ** 2;
    if (distance <= bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/** The next shown point after `from` going `step` (±1) through the list, wrapping around; −1 when none is shown. */
export function stepPoint(points: readonly MapPoint[], from: number, step: 1 | -1, hiddenParts: ReadonlySet<MapPart>): number {
  const count = points.length;
  // Nothing chosen yet: forwards starts at the first point, backwards at the last.
  const start = from >= 0 ? from : step === 1 ? -1 : count;
  for (let k = 1; k <= count; k++) {
    const i = (((start + step * k) % count) + count) % count;
    if (isShown(points[i], hiddenParts)) return i;
  }
  return -1;
}

/**
 * The points with the split part and prediction of the same sample (same dataset `index`) in `reference`, for a
 * map that has none of its own (the run's input features next to its layer); points already carrying them stay.
 */
export function withRunFacts<P extends MapPoint & { index: number }>(
  points: readonly P[],
  reference: readonly (MapPoint & { index: number })[],
): P[] {
  const byIndex = new Map(reference.map((point) => [point.index, point]));
  return points.map((point) => {
    const facts = byIndex.get(point.index);
    if (!facts || point.predictedIndex !== undefined) return point;
    return { ...point, part: facts.part, ...(facts.predictedIndex !== undefined ? { predictedIndex: facts.predictedIndex } : {}) };
  });
}
