/**
 * Drawing on a 2D plane canvas: decision regions as a heatmap, labelled points and a separating line.
 * Plane coordinates are mapped to pixels by a `PlaneView`; y grows upwards as in the lecture's figures.
 */

export interface PlaneView {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  width: number;
  height: number;
}

/** Class colours (TensorFlow Playground's): class 0 / negative blue, class 1 / positive orange. */
export const NEGATIVE_RGB: [number, number, number] = [8, 119, 189];
export const POSITIVE_RGB: [number, number, number] = [245, 147, 34];
const WHITE: [number, number, number] = [255, 255, 255];

export function toPixel(view: PlaneView, x: number, y: number): [number, number] {
  return [((x - view.xMin) / (view.xMax - view.xMin)) * view.width, ((view.yMax - y) / (view.yMax - view.yMin)) * view.height];
}

function mix(a: [number, number, number], b: [number, number, number], t: number): [number, number, number] {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/**
 * The colours of `grid` (resolution x resolution, row 0 at the top, values in [low, high]), one pixel per cell:
 * white at the midpoint (the decision boundary), blue towards `low`, orange towards `high`. Written into `into`
 * when given (a picture redrawn every frame reuses its pixels).
 */
export function heatmapImage(grid: ArrayLike<number>, resolution: number, low: number, high: number, into?: ImageData): ImageData {
  const image = into && into.width === resolution && into.height === resolution ? into : new ImageData(resolution, resolution);
  const mid = (low + high) / 2;
  for (let i = 0; i < resolution * resolution; i++) {
    const v = Math.min(high, Math.max(low, grid[i]));
    const t = Math.abs(v - mid) / ((high - low) / 2);
    // Lighten so points and lines stay readable on top.
    const rgb = mix(WHITE, v >= mid ? POSITIVE_RGB : NEGATIVE_RGB, 0.75 * t);
    image.data[4 * i] = rgb[0];
    image.data[4 * i + 1] = rgb[1];
    image.data[4 * i + 2] = rgb[2];
    image.data[4 * i + 3] = 255;
  }
  return image;
}

/** Paints `grid` (see `heatmapImage`) over the whole canvas of `view`, smoothly scaled up. */
export function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  view: PlaneView,
  grid: ArrayLike<number>,
  resolution: number,
  low: number,
  high: number,
): void {
  paintGrid(ctx, view, heatmapImage(grid, resolution, low, high));
}

/** The pixels of each tile, kept between frames. */
const tileImages = new WeakMap<HTMLCanvasElement, ImageData>();

/**
 * Paints `grid` on a canvas of exactly `resolution` x `resolution` pixels (a neuron's picture, scaled by CSS):
 * no offscreen canvas, so dozens of them can be redrawn at every animation frame.
 */
export function paintTile(canvas: HTMLCanvasElement, grid: ArrayLike<number>, resolution: number, low: number, high: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const previous = tileImages.get(canvas);
  const image = heatmapImage(grid, resolution, low, high, previous);
  tileImages.set(canvas, image);
  ctx.putImageData(image, 0, 0);
}

/**
 * How a connection of weight `w` is drawn in the network diagram (TF Playground's convention): orange when
 * positive, blue when negative, thicker and more opaque the larger |w| (both saturate at |w| = 3).
 */
export function connectionStyle(w: number): { rgb: [number, number, number]; width: number; alpha: number } {
  const size = Math.min(Math.abs(w), 3) / 3;
  return { rgb: w >= 0 ? POSITIVE_RGB : NEGATIVE_RGB, width: 0.5 + 5.5 * size, alpha: 0.25 + 0.75 * size };
}

/** Paints a small grid of cell colours over the whole canvas: drawn offscreen, then scaled up smoothly. */
export function paintGrid(ctx: CanvasRenderingContext2D, view: PlaneView, image: ImageData): void {
  const small = document.createElement('canvas');
  small.width = image.width;
  small.height = image.height;
  small.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, view.width, view.height);
}

export function drawAxes(ctx: CanvasRenderingContext2D, view: PlaneView): void {
  ctx.strokeStyle = 'rgba(0,0,0,0.25)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  const [x0, y0] = toPixel(view, 0, 0);
  ctx.moveTo(0, y0);
  ctx.lineTo(view.width, y0);
  ctx.moveTo(x0, 0);
  ctx.lineTo(x0, view.height);
  ctx.stroke();
}

/** A point coloured by its class; `hollow` for test points. */
export function drawPoint(
  ctx: CanvasRenderingContext2D,
  view: PlaneView,
  x: number,
  y: number,
  positive: boolean,
  radius = 4,
  hollow = false,
): void {
  drawColouredPoint(ctx, view, x, y, positive ? POSITIVE_RGB : NEGATIVE_RGB, radius, hollow);
}

/** A point in any class colour (more than two classes); `hollow` for test points. */
export function drawColouredPoint(
  ctx: CanvasRenderingContext2D,
  view: PlaneView,
  x: number,
  y: number,
  rgb: readonly [number, number, number],
  radius = 4,
  hollow = false,
): void {
  const [px, py] = toPixel(view, x, y);
  ctx.beginPath();
  ctx.arc(px, py, radius, 0, 2 * Math.PI);
  ctx.lineWidth = hollow ? 2 : 1;
  if (hollow) {
    ctx.strokeStyle = `rgb(${rgb.join(',')})`;
    ctx.stroke();
  } else {
    ctx.fillStyle = `rgb(${rgb.join(',')})`;
    ctx.fill();
    ctx.strokeStyle = 'white';
    ctx.stroke();
  }
}

/** The set of points where w1 x + w2 y + b = 0, clipped to the view; nothing when w1 = w2 = 0. */
export function lineEndpoints(view: PlaneView, w1: number, w2: number, b: number): [number, number, number, number] | null {
  if (w1 === 0 && w2 === 0) return null;
  if (Math.abs(w2) >= Math.abs(w1)) {
    const y = (x: number) => -(w1 * x + b) / w2;
    return [view.xMin, y(view.xMin), view.xMax, y(view.xMax)];
  }
  const x = (y: number) => -(w2 * y + b) / w1;
  return [x(view.yMin), view.yMin, x(view.yMax), view.yMax];
}

export function drawLine(
  ctx: CanvasRenderingContext2D,
  view: PlaneView,
  w1: number,
  w2: number,
  b: number,
  color: string,
  width = 2,
  dash: number[] = [],
): void {
  const ends = lineEndpoints(view, w1, w2, b);
  if (!ends) return;
  const [ax, ay] = toPixel(view, ends[0], ends[1]);
  const [bx, by] = toPixel(view, ends[2], ends[3]);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(ax, ay);
  ctx.lineTo(bx, by);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Values of f(x, y) at the centres of a resolution x resolution grid over the view (row 0 at the top). */
export function sampleGrid(view: PlaneView, resolution: number, f: (x: number, y: number) => number): Float32Array {
  const grid = new Float32Array(resolution * resolution);
  for (let r = 0; r < resolution; r++) {
    const y = view.yMax - ((r + 0.5) / resolution) * (view.yMax - view.yMin);
    for (let c = 0; c < resolution; c++) grid[r * resolution + c] = f(view.xMin + ((c + 0.5) / resolution) * (view.xMax - view.xMin), y);
  }
  return grid;
}

/** A palette for many series (weights, sensitivities). */
export const SERIES_COLORS = [
  '#3949ab',
  '#e53935',
  '#43a047',
  '#fb8c00',
  '#8e24aa',
  '#00897b',
  '#6d4c41',
  '#d81b60',
  '#546e7a',
  '#c0ca33',
  '#1e88e5',
  '#f4511e',
];
