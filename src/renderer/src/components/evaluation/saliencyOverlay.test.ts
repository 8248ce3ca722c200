import { describe, expect, it } from 'vitest';
import { saliencyMethodsFor } from '../../../../shared/inference/saliencyMethods';
import { binRange, blendOverlay, COLOUR_STOPS, colourAt, hogGlyphs, wholeScale } from './saliencyOverlay';

describe('saliency overlay', () => {
  it('maps 0 and 1 to the ends of the colour scale and clamps outside', () => {
    expect(colourAt(0)).toEqual(COLOUR_STOPS[0]);
    expect(colourAt(1)).toEqual(COLOUR_STOPS[COLOUR_STOPS.length - 1]);
    expect(colourAt(-3)).toEqual(COLOUR_STOPS[0]);
    expect(colourAt(Number.NaN)).toEqual(COLOUR_STOPS[0]);
    expect(colourAt(0.25)).toEqual(COLOUR_STOPS[1]);
  });

  it('blends the map over the picture at the opacity: 0 keeps the picture, 1 shows only the map', () => {
    const picture = Uint8ClampedArray.from([100, 100, 100, 255, 10, 20, 30, 255]);
    expect(Array.from(blendOverlay(picture, [1, 0], 0))).toEqual(Array.from(picture));
    expect(Array.from(blendOverlay(picture, [1, 0], 1))).toEqual([...COLOUR_STOPS[4], 255, ...COLOUR_STOPS[0], 255]);
    const half = blendOverlay(picture, [1, 0], 0.5);
    expect(half[0]).toBe(Math.round(100 * 0.5 + COLOUR_STOPS[4][0] * 0.5));
  });

  it("draws one HOG glyph per weighted bin, as skimage's lines, longest for the largest weight", () => {
    const weights = new Array<number>(2 * 1 * 4).fill(0);
    weights[0] = 2; // cell (0, 0), bin 0 (0°–45°): a nearly vertical line
    weights[4 + 2] = -1; // cell (1, 0), bin 2
    const glyphs = hogGlyphs(
      {
        cellRows: 2,
        cellColumns: 1,
        orientations: 4,
        pixelsPerCell: [4, 4],
        weights,
        binTotals: [],
        image: { width: 4, height: 8, png: '' },
      },
      10,
    );
    expect(glyphs).toHaveLength(2);
    const [strong, weak] = glyphs;
    expect(strong).toMatchObject({ strength: 1, positive: true });
    expect(weak).toMatchObject({ strength: 0.5, positive: false });
    // Through the cell centre (20, 20) and (20, 60).
    expect((strong.x0 + strong.x1) / 2).toBeCloseTo(20, 9);
    expect((weak.y0 + weak.y1) / 2).toBeCloseTo(60, 9);
    expect(Math.hypot(strong.x1 - strong.x0, strong.y1 - strong.y0)).toBeCloseTo(2 * Math.hypot(weak.x1 - weak.x0, weak.y1 - weak.y0), 9);
    // Bin 0's middle angle is 22.5°: the line is mostly vertical (skimage draws it perpendicular to the gradient).
    expect(Math.abs(strong.y1 - strong.y0)).toBeGreaterThan(Math.abs(strong.x1 - strong.x0));
    expect(binRange(1, 8)).toEqual({ from: 22.5, to: 45 });
    expect(wholeScale(28, 28, 224)).toBe(8);
    expect(wholeScale(500, 100, 224)).toBe(1);
  });

  it('offers the methods that apply to the run: Grad-CAM only for CNNs, HOG cells only for HOG runs, nothing for tables', () => {
    expect(saliencyMethodsFor({ features: 'pixels', cnn: true })).toEqual(['gradcam', 'gradient', 'smoothgrad', 'occlusion']);
    expect(saliencyMethodsFor({ features: 'pixels', cnn: false })).toEqual(['gradient', 'smoothgrad', 'occlusion']);
    expect(saliencyMethodsFor({ features: 'hog', cnn: false })).toEqual(['hogCells', 'occlusion']);
    expect(saliencyMethodsFor({ features: 'columns', cnn: false })).toEqual([]);
  });
});
