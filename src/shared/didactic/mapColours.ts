/**
 * Colours of a map or a filter in the convolution chain. A signed map (some value below 0: a filter, a correlation
 * before ReLU) uses a diverging scale centred on 0 — blue for negative, white for 0, red for positive, both ends at
 * ±max|v| — so the sign reads at a glance and 0 is always the same white. A map with no negative value (after ReLU,
 * a picture) is grey from its minimum (black) to its maximum (white), as the other feature-map views draw them.
 */

export interface ColourScale {
  kind: 'diverging' | 'sequential';
  min: number;
  max: number;
}

/** Ends of the diverging scale (ColorBrewer RdBu's darkest blue and red) and its white centre. */
export const NEGATIVE_RGB = [33, 102, 172] as const;
export const ZERO_RGB = [255, 255, 255] as const;
export const POSITIVE_RGB = [178, 24, 43] as const;

export function colourScaleOf(values: ArrayLike<number>): ColourScale {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (values.length === 0) return { kind: 'sequential', min: 0, max: 0 };
  return { kind: min < 0 ? 'diverging' : 'sequential', min, max };
}

const mix = (from: readonly number[], to: readonly number[], t: number): [number, number, number] => [
  Math.round(from[0] + (to[0] - from[0]) * t),
  Math.round(from[1] + (to[1] - from[1]) * t),
  Math.round(from[2] + (to[2] - from[2]) * t),
];

/** The colour of one value on a scale. */
export function colourOf(value: number, scale: ColourScale): [number, number, number] {
  if (scale.kind === 'diverging') {
    const limit = Math.max(Math.abs(scale.min), Math.abs(scale.max)) || 1;
    const t = Math.min(1, Math.abs(value) / limit);
    return mix(ZERO_RGB, value < 0 ? NEGATIVE_RGB : POSITIVE_RGB, t);
  }
  const span = scale.max - scale.min;
  const g = span > 0 ? Math.round(((value - scale.min) / span) * 255) : 128;
  return [g, g, g];
}

/** RGBA pixels (canvas ImageData layout) of a map on its own scale. */
export function mapRgba(values: ArrayLike<number>, scale: ColourScale = colourScaleOf(values)): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const [r, g, b] = colourOf(values[i], scale);
    out[4 * i] = r;
    out[4 * i + 1] = g;
    out[4 * i + 2] = b;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** Stops of the scale for its legend, low to high: the ends, and 0 in the middle of a diverging scale. */
export function scaleStops(scale: ColourScale): { value: number; rgb: [number, number, number] }[] {
  if (scale.kind === 'sequential') return [scale.min, scale.max].map((value) => ({ value, rgb: colourOf(value, scale) }));
  const limit = Math.max(Math.abs(scale.min), Math.abs(scale.max));
  return [-limit, 0, limit].map((value) => ({ value, rgb: colourOf(value, scale) }));
}
