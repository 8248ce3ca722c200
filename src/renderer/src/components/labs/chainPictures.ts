/**
 * Pictures of the convolution chain's maps and filters, in the shape the feature-map zoom takes (a PNG at one pixel
 * per value, drawn scaled with square pixels): signed values on the diverging scale, others in grey (mapColours).
 */
import type { Matrix } from '../../../../shared/didactic/convolution';
import { type ColourScale, colourScaleOf, mapRgba } from '../../../../shared/didactic/mapColours';
import type { ZoomedPicture } from '../evaluation/PixelZoom.vue';

export type ChainPictureData = Omit<ZoomedPicture, 'name'> & { scale: ColourScale };

function pngOf(width: number, height: number, rgba: Uint8ClampedArray): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const data = context.createImageData(width, height);
  data.data.set(rgba);
  context.putImageData(data, 0, 0);
  return canvas.toDataURL('image/png');
}

export function matrixPicture(m: Matrix): ChainPictureData {
  const scale = colourScaleOf(m.values);
  return { png: pngOf(m.cols, m.rows, mapRgba(m.values, scale)), width: m.cols, height: m.rows, min: scale.min, max: scale.max, scale };
}

export function rowsPicture(rows: number[][]): ChainPictureData {
  return matrixPicture({ rows: rows.length, cols: rows[0]?.length ?? 0, values: Float64Array.from(rows.flat()) });
}

/** An RGB picture (three planes in 0..255) as it is, without stretching. */
export function rgbPicture(planes: readonly Matrix[]): ChainPictureData {
  const { rows, cols } = planes[0];
  const rgba = new Uint8ClampedArray(rows * cols * 4);
  for (let p = 0; p < rows * cols; p++) {
    for (let c = 0; c < 3; c++) rgba[4 * p + c] = planes[c].values[p];
    rgba[4 * p + 3] = 255;
  }
  const scale: ColourScale = { kind: 'sequential', min: 0, max: 255 };
  return { png: pngOf(cols, rows, rgba), width: cols, height: rows, min: 0, max: 255, scale };
}
