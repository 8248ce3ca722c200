import type { HogParams } from '../../../shared/contract/features';
import type { HogGeometry } from '../../../shared/features/hogLength';

/*
 * The picture skimage draws with `hog(..., visualize=True)`: in every cell, one straight line per orientation
 * bin through the cell centre, perpendicular to the bin's middle angle (so it follows the edge that produced
 * the gradient), brightened by that bin's histogram value. Lines of a cell add up where they cross.
 */

/** skimage.draw.line: Bresenham's integer line from (r0, c0) to (r1, c1), both ends included. */
export function bresenhamLine(r0: number, c0: number, r1: number, c1: number): { rows: number[]; columns: number[] } {
  let r = r0;
  let c = c0;
  let dr = Math.abs(r1 - r0);
  let dc = Math.abs(c1 - c0);
  let sc = c1 - c > 0 ? 1 : -1;
  let sr = r1 - r > 0 ? 1 : -1;
  let steep = false;
  if (dr > dc) {
    steep = true;
    [c, r] = [r, c];
    [dc, dr] = [dr, dc];
    [sc, sr] = [sr, sc];
  }
  let d = 2 * dr - dc;
  const rows: number[] = [];
  const columns: number[] = [];
  for (let i = 0; i < dc; i++) {
    rows.push(steep ? c : r);
    columns.push(steep ? r : c);
    while (d >= 0) {
      r += sr;
      d -= 2 * dc;
    }
    c += sc;
    d += 2 * dr;
  }
  rows.push(r1);
  columns.push(c1);
  return { rows, columns };
}

/** Like numpy indexing: -1 is the last row. Cells of 1 pixel give a glyph radius of -1, which skimage wraps. */
function wrap(index: number, size: number): number {
  return index < 0 ? index + size : index;
}

/**
 * The HOG picture as floats, exactly skimage's `hog_image` (same height and width as the image HOG saw).
 * `cellHistograms` is `HogResult.cellHistograms`.
 */
export function hogPicture(
  cellHistograms: Float64Array,
  height: number,
  width: number,
  params: HogParams,
  geometry: HogGeometry,
): Float64Array {
  const [cellHeight, cellWidth] = params.pixelsPerCell;
  const bins = params.orientations;
  const picture = new Float64Array(height * width);
  const radius = Math.floor(Math.min(cellHeight, cellWidth) / 2) - 1;
  const glyphs = Array.from({ length: bins }, (_, o) => {
    const middle = (Math.PI * (o + 0.5)) / bins;
    return { dr: radius * Math.sin(middle), dc: radius * Math.cos(middle) };
  });
  for (let r = 0; r < geometry.cellRows; r++) {
    for (let c = 0; c < geometry.cellColumns; c++) {
      const centreRow = r * cellHeight + Math.floor(cellHeight / 2);
      const centreColumn = c * cellWidth + Math.floor(cellWidth / 2);
      for (let o = 0; o < bins; o++) {
        const value = cellHistograms[(r * geometry.cellColumns + c) * bins + o];
        const { dr, dc } = glyphs[o];
        // Python's int() truncates toward zero.
        const line = bresenhamLine(
          Math.trunc(centreRow - dc),
          Math.trunc(centreColumn + dr),
          Math.trunc(centreRow + dc),
          Math.trunc(centreColumn - dr),
        );
        // numpy's `img[rr, cc] += v` adds once per distinct pixel even if a pixel were listed twice.
        const touched = new Set<number>();
        for (let i = 0; i < line.rows.length; i++) touched.add(wrap(line.rows[i], height) * width + wrap(line.columns[i], width));
        for (const p of touched) picture[p] += value;
      }
    }
  }
  return picture;
}

/** Scales a HOG picture to 0..255 grey levels for display (brightest line = 255; an all-zero picture stays black). */
export function pictureToGray(picture: Float64Array): Uint8Array {
  let max = 0;
  for (const v of picture) if (v > max) max = v;
  const out = new Uint8Array(picture.length);
  if (max === 0) return out;
  for (let i = 0; i < picture.length; i++) out[i] = Math.round((picture[i] / max) * 255);
  return out;
}
