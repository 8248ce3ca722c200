/** Drawing the feature map on a 2D canvas: one marker per sample in its class's colour and shape, rings on errors. */
import { classStyle, type ClassMarker } from '../../../../shared/charts/classColours';
import { isMisclassified, isShown, toCanvas, type MapPart, type MapPoint, type Transform } from './scatterGeometry';

/** Sizes in CSS pixels, taken from the page's rem so that Proyector enlarges them with the text. */
export interface ScatterSizes {
  radius: number;
  ringRadius: number;
  ringWidth: number;
}

export function scatterSizes(remPixels: number, pointCount: number): ScatterSizes {
  // A dense cloud gets smaller markers so that clusters stay readable.
  const radius = remPixels * (pointCount > 3000 ? 0.16 : pointCount > 800 ? 0.22 : 0.3);
  return { radius, ringRadius: radius + remPixels * 0.22, ringWidth: Math.max(1.2, remPixels * 0.1) };
}

export function traceMarker(context: CanvasRenderingContext2D, marker: ClassMarker, x: number, y: number, r: number): void {
  context.beginPath();
  switch (marker) {
    case 'circle':
      context.arc(x, y, r, 0, 2 * Math.PI);
      break;
    case 'square':
      context.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 'triangle':
      context.moveTo(x, y - r * 1.15);
      context.lineTo(x + r * 1.05, y + r * 0.75);
      context.lineTo(x - r * 1.05, y + r * 0.75);
      context.closePath();
      break;
    case 'diamond':
      context.moveTo(x, y - r * 1.2);
      context.lineTo(x + r * 1.2, y);
      context.lineTo(x, y + r * 1.2);
      context.lineTo(x - r * 1.2, y);
      context.closePath();
      break;
    case 'cross': {
      const a = r * 1.1;
      const b = r * 0.4;
      context.moveTo(x - b, y - a);
      context.lineTo(x + b, y - a);
      context.lineTo(x + b, y - b);
      context.lineTo(x + a, y - b);
      context.lineTo(x + a, y + b);
      context.lineTo(x + b, y + b);
      context.lineTo(x + b, y + a);
      context.lineTo(x - b, y + a);
      context.lineTo(x - b, y + b);
      context.lineTo(x - a, y + b);
      context.lineTo(x - a, y - b);
      context.lineTo(x - b, y - b);
      context.closePath();
      break;
    }
  }
}

export interface ScatterScene {
  points: readonly MapPoint[];
  transform: Transform;
  hiddenParts: ReadonlySet<MapPart>;
  sizes: ScatterSizes;
  /** The point under the pointer or chosen with the keyboard, drawn enlarged on top; −1 for none. */
  highlighted: number;
  width: number;
  height: number;
}

export function drawScatter(context: CanvasRenderingContext2D, scene: ScatterScene): void {
  const { points, transform, hiddenParts, sizes, highlighted, width, height } = scene;
  context.clearRect(0, 0, width, height);
  context.lineJoin = 'round';
  // Samples of the training part are drawn first and lighter when parts are mixed, so the held-out ones stand out.
  const mixed = points.some((point) => point.part === 'train') && points.some((point) => point.part && point.part !== 'train');
  for (let pass = 0; pass < 2; pass++) {
    for (const point of points) {
      if (!isShown(point, hiddenParts) || (point.part === 'train') !== (pass === 0)) continue;
      const [x, y] = toCanvas(transform, point.x, point.y);
      if (x < -sizes.ringRadius || y < -sizes.ringRadius || x > width + sizes.ringRadius || y > height + sizes.ringRadius) continue;
      const style = classStyle(point.classIndex ?? 0);
      context.globalAlpha = mixed && pass === 0 ? 0.55 : 0.9;
      context.fillStyle = style.colour;
      traceMarker(context, style.marker, x, y, sizes.radius);
      context.fill();
    }
  }
  context.globalAlpha = 1;
  context.strokeStyle = '#1d2233';
  context.lineWidth = sizes.ringWidth;
  for (const point of points) {
    if (!isShown(point, hiddenParts) || !isMisclassified(point)) continue;
    const [x, y] = toCanvas(transform, point.x, point.y);
    context.beginPath();
    context.arc(x, y, sizes.ringRadius, 0, 2 * Math.PI);
    context.stroke();
  }
  const chosen = points[highlighted];
  if (chosen && isShown(chosen, hiddenParts)) {
    const [x, y] = toCanvas(transform, chosen.x, chosen.y);
    const style = classStyle(chosen.classIndex ?? 0);
    context.fillStyle = style.colour;
    traceMarker(context, style.marker, x, y, sizes.radius * 2);
    context.fill();
    context.lineWidth = sizes.ringWidth * 1.5;
    context.strokeStyle = '#000000';
    context.stroke();
  }
}
