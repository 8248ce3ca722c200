import type { SaliencyResult } from '../../../../shared/contract/saliency';

/**
 * How a saliency map is drawn over its picture, as plain functions (the panel paints the results on canvases;
 * the tests call these directly): a perceptual colour scale (close to matplotlib's "inferno": dark for low,
 * yellow-white for high, readable in grey print and by most colour-blind students), the blend of map and picture
 * at the chosen opacity, and the HOG glyphs of the cell/orientation weights.
 */

type Rgb = readonly [number, number, number];

/** The colour scale's stops, from 0 (low) to 1 (high). */
export const COLOUR_STOPS: readonly Rgb[] = [
  [0, 0, 4],
  [87, 16, 110],
  [188, 55, 84],
  [249, 142, 9],
  [252, 255, 164],
];

/** The scale's colour at v in 0..1 (clamped), linear between stops. */
export function colourAt(v: number): Rgb {
  const t = Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)) * (COLOUR_STOPS.length - 1);
  const i = Math.min(COLOUR_STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const [a, b] = [COLOUR_STOPS[i], COLOUR_STOPS[i + 1]];
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/** The legend's bar as a CSS gradient, from the same stops. */
export function legendGradient(): string {
  const stops = COLOUR_STOPS.map((rgb, i) => `rgb(${rgb.join(' ')}) ${(i / (COLOUR_STOPS.length - 1)) * 100}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** The picture's RGBA pixels with the map's colours laid over them at `opacity` (0: only the picture, 1: only the map). */
export function blendOverlay(picture: Uint8ClampedArray, values: readonly number[], opacity: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(picture.length);
  const alpha = Math.min(1, Math.max(0, opacity));
  for (let p = 0; p < values.length; p++) {
    const colour = colourAt(values[p]);
    for (let c = 0; c < 3; c++) out[p * 4 + c] = Math.round(picture[p * 4 + c] * (1 - alpha) + colour[c] * alpha);
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** Screen pixels per picture pixel: the largest whole number that keeps the picture within `target` pixels (at least 1). */
export function wholeScale(width: number, height: number, target: number): number {
  return Math.max(1, Math.floor(target / Math.max(1, width, height)));
}

export interface Glyph {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** |weight| / the largest |weight|, 0..1: the line's length and strength. */
  strength: number;
  /** The weight speaks for the class (true) or against it. */
  positive: boolean;
}

/**
 * One line per cell and orientation bin, as skimage draws the HOG picture (through the cell centre, perpendicular
 * to the bin's middle angle, so it follows the edge), its half-length the cell's radius times the bin's strength;
 * in screen coordinates at `scale` screen pixels per image pixel. Bins without weight get no line.
 */
export function hogGlyphs(hog: NonNullable<SaliencyResult['hog']>, scale: number): Glyph[] {
  const { cellRows, cellColumns, orientations, weights } = hog;
  const [cellHeight, cellWidth] = hog.pixelsPerCell;
  const largest = weights.reduce((max, w) => Math.max(max, Math.abs(w)), 0);
  if (largest === 0) return [];
  const radius = (Math.min(cellHeight, cellWidth) / 2) * scale * 0.9;
  const glyphs: Glyph[] = [];
  for (let r = 0; r < cellRows; r++) {
    for (let c = 0; c < cellColumns; c++) {
      const centreY = (r + 0.5) * cellHeight * scale;
      const centreX = (c + 0.5) * cellWidth * scale;
      for (let o = 0; o < orientations; o++) {
        const weight = weights[(r * cellColumns + c) * orientations + o];
        if (weight === 0) continue;
        const strength = Math.abs(weight) / largest;
        const middle = (Math.PI * (o + 0.5)) / orientations;
        // skimage's glyph: from (row − dc, col + dr) to (row + dc, col − dr) with dr = r·sin, dc = r·cos.
        const dr = radius * strength * Math.sin(middle);
        const dc = radius * strength * Math.cos(middle);
        glyphs.push({ x0: centreX + dr, y0: centreY - dc, x1: centreX - dr, y1: centreY + dc, strength, positive: weight > 0 });
      }
    }
  }
  return glyphs;
}

/** The angle range of orientation bin `bin` of `orientations` over [0°, 180°). */
export function binRange(bin: number, orientations: number): { from: number; to: number } {
  const width = 180 / orientations;
  return { from: bin * width, to: (bin + 1) * width };
}
