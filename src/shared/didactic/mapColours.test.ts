import { describe, expect, it } from 'vitest';
import { NEGATIVE_RGB, POSITIVE_RGB, ZERO_RGB, colourOf, colourScaleOf, mapRgba, scaleStops } from './mapColours';

describe('map colours', () => {
  it('draws a signed map on a diverging scale centred on 0, both ends at max |v|', () => {
    const scale = colourScaleOf([-2, 0, 1]);
    expect(scale).toEqual({ kind: 'diverging', min: -2, max: 1 });
    expect(colourOf(-2, scale)).toEqual([...NEGATIVE_RGB]);
    expect(colourOf(0, scale)).toEqual([...ZERO_RGB]);
    // +1 is half way from white to the positive end, since the limit is |−2|.
    expect(colourOf(1, scale)).toEqual(ZERO_RGB.map((w, i) => Math.round(w + (POSITIVE_RGB[i] - w) / 2)));
    expect(scaleStops(scale).map((s) => s.value)).toEqual([-2, 0, 2]);
  });

  it('draws a map without negative values in grey from its minimum to its maximum', () => {
    const scale = colourScaleOf([3, 5, 7]);
    expect(scale.kind).toBe('sequential');
    expect(Array.from(mapRgba([3, 5, 7], scale))).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
    expect(colourOf(4, colourScaleOf([4, 4]))).toEqual([128, 128, 128]);
    expect(scaleStops(scale).map((s) => s.value)).toEqual([3, 7]);
  });
});
