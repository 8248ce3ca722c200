import { maxOf } from '../arrays';
import { formatNumber } from '../i18n/formatNumber';
import type { DiagramSample } from './diagramSample';
import { pair, type LayerSpec, type ModelSpec } from './modelSpec';
import type { LayerSummary } from './shapes';

/**
 * The model as a picture worth projecting, laid out as plain geometry (no DOM, no fonts loaded) so the Modelo view
 * and the report draw exactly the same thing through `modelDiagramSvg`: one column per layer, left to right, each
 * with its type above, a drawing sized by its output in the middle and its output shape and parameters below.
 * An image-shaped output is a stack of maps (one square per channel, at most MAX_MAPS, as large as the map), a
 * vector a column of neurons (at most MAX_NEURONS, then "⋮"); the input column draws a real sample of the dataset.
 * Shapes and parameter counts are `summarizeModel`'s (passed in, never recomputed here).
 *
 * Text widths are estimated from the font size (CHAR_WIDTH em per character, a little above DejaVu Sans' average),
 * and every column is as wide as its widest text: labels of neighbouring columns cannot overlap.
 */

export type LayerType = LayerSpec['type'];

export interface DiagramLabels {
  input: string;
  layerType: Record<LayerType, string>;
  /** "5.778 parámetros": the count formatted, with the language's plural. */
  params: (count: number, formatted: string) => string;
  noParams: string;
  /** Tooltip line and aria label of the whole picture. */
  title: string;
}

export interface ModelDiagramInput {
  spec: Pick<ModelSpec, 'inputShape' | 'layers'>;
  /** `summarizeModel(spec).layers`, or the builder's layers before the first problem (null past it). */
  layers: readonly (LayerSummary | null | undefined)[];
  /** The layer that cannot be built (drawn red), or null. */
  failedLayer: number | null;
  sample: DiagramSample | null;
  labels: DiagramLabels;
  /** Language of the numbers (formatNumber). */
  language: string;
}

export type DiagramPrimitive =
  | {
      kind: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill: string;
      stroke: string;
      opacity?: number;
      dashed?: boolean;
      radius?: number;
    }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; stroke: string; opacity?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; opacity?: number }
  | { kind: 'image'; x: number; y: number; width: number; height: number; href: string };

export type LabelRole = 'type' | 'shape' | 'params' | 'sample' | 'more';

/** One line of text: (x, y) is the middle of its baseline for `anchor: 'middle'`, its left end for 'start'. */
export interface DiagramLabel {
  x: number;
  y: number;
  text: string;
  size: number;
  role: LabelRole;
  anchor: 'middle' | 'start';
  bold?: boolean;
  fill: string;
  /** Estimated box, for the overlap check and the tests. */
  box: { x: number; y: number; width: number; height: number };
}

export interface DiagramColumn {
  /** -1 for the input, else the layer's index in the spec. */
  layer: number;
  x: number;
  width: number;
  shapeText: string;
  /** Null for the input and for layers whose shape is unknown. */
  params: number | null;
  /** Full text of the column, shown as its tooltip. */
  title: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  title: string;
  columns: DiagramColumn[];
  primitives: DiagramPrimitive[];
  labels: DiagramLabel[];
}

export const MAX_MAPS = 8;
export const MAX_NEURONS = 10;
const CHAR_WIDTH = 0.62;
const TYPE_SIZE = 13;
const SHAPE_SIZE = 12;
const PARAMS_SIZE = 11;
const LINE = 16;
const PAD = 8;
const GAP = 34;
const TOP = 10;
const TYPE_BAND = 2 * LINE + 6;
const DRAW_HEIGHT = 170;
const DRAW_TOP = TOP + TYPE_BAND;
const MIDDLE = DRAW_TOP + DRAW_HEIGHT / 2;
const MAX_MAP_SIDE = 120;
const MIN_MAP_SIDE = 10;
const MAP_OFFSET = 5;
const MAX_TYPE_WIDTH = 104;

export const DIAGRAM_COLOURS: Record<LayerType | 'input' | 'failed' | 'unknown', string> = {
  input: '#607d8b',
  dense: '#3949ab',
  output: '#1b7f3b',
  conv2d: '#8e24aa',
  maxPool: '#00897b',
  avgPool: '#00897b',
  flatten: '#6d4c41',
  dropout: '#c77800',
  batchNorm: '#5c6bc0',
  failed: '#b3261e',
  unknown: '#9aa3b5',
};
const LINK = '#9aa3b5';
const TEXT = '#1d2233';
const MUTED = '#4b5563';

export function textWidth(text: string, size: number): number {
  return [...text].length * size * CHAR_WIDTH;
}

export function diagramShapeText(shape: readonly number[] | null): string {
  return shape ? `[${shape.join(' × ')}]` : '[?]';
}

/** Greedy word wrap into at most two lines of `maxWidth` (a longer word keeps its own line, widening the column). */
function wrap(text: string, size: number, maxWidth: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (lines.length === 2 || textWidth(`${last} ${word}`, size) <= maxWidth))
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** What a column draws in its middle band, with the size it needs. */
type Glyph =
  | { kind: 'maps'; width: number; height: number; side: [number, number]; count: number; image: string | null }
  | { kind: 'neurons'; width: number; height: number; count: number; total: number; radius: number }
  | { kind: 'hog'; width: number; height: number; cell: number; sample: Extract<DiagramSample, { kind: 'hog' }> }
  | { kind: 'row'; width: number; height: number; lines: string[] }
  | { kind: 'unknown'; width: number; height: number };

function neuronGlyph(total: number): Glyph {
  const count = Math.min(total, MAX_NEURONS);
  const slots = count + (total > MAX_NEURONS ? 1 : 0);
  // A column's height grows with the log of its size, so 10 and 1152 neurons look different but both fit.
  const height = Math.min(DRAW_HEIGHT - 10, Math.max(22, 14 + 17 * Math.log2(total + 1)));
  const radius = Math.max(2.5, Math.min(7, (height / slots) * 0.36));
  return { kind: 'neurons', width: Math.max(18, 2 * radius + 6), height, count, total, radius };
}

function mapGlyph(shape: readonly number[], scale: number, image: string | null): Glyph {
  const side: [number, number] = [
    Math.max(MIN_MAP_SIDE, Math.round(shape[0] * scale)),
    Math.max(MIN_MAP_SIDE, Math.round(shape[1] * scale)),
  ];
  const count = Math.min(shape[2], MAX_MAPS);
  const depth = (count - 1) * MAP_OFFSET;
  return { kind: 'maps', width: side[1] + depth, height: side[0] + depth, side, count, image };
}

function sampleGlyph(sample: DiagramSample, shape: readonly number[], scale: number, language: string): Glyph {
  switch (sample.kind) {
    case 'image':
      return shape.length === 3
        ? mapGlyph(shape, scale, sample.src)
        : mapGlyph([sample.height, sample.width, 1], Math.min(MAX_MAP_SIDE / Math.max(sample.height, sample.width), 4), sample.src);
    case 'hog': {
      const cell = Math.max(
        4,
        Math.min(26, Math.floor((DRAW_HEIGHT - 10) / sample.cellRows), Math.floor(MAX_MAP_SIDE / sample.cellColumns)),
      );
      return { kind: 'hog', width: cell * sample.cellColumns, height: cell * sample.cellRows, cell, sample };
    }
    case 'row': {
      const lines = sample.values.map(
        (value, i) => `${sample.names[i] ?? `x${i + 1}`} = ${formatNumber(value, language, { maximumSignificantDigits: 4 })}`,
      );
      if (sample.length > sample.values.length) lines.push('…');
      return {
        kind: 'row',
        width: Math.max(maxOf(lines.map((line) => textWidth(line, PARAMS_SIZE))), 20),
        height: lines.length * 15,
        lines,
      };
    }
  }
}

function layerGlyph(shape: readonly number[] | null, scale: number): Glyph {
  if (!shape) return { kind: 'unknown', width: 36, height: 60 };
  return shape.length === 3 ? mapGlyph(shape, scale, null) : neuronGlyph(shape.reduce((a, b) => a * b, 1));
}

/** Vertical centres of the drawn neurons of a neuron glyph whose top is `top` (the "⋮" slot left out). */
function neuronCentres(glyph: Extract<Glyph, { kind: 'neurons' }>, top: number): { centres: number[]; gap: number | null } {
  const elided = glyph.total > glyph.count;
  const slots = glyph.count + (elided ? 1 : 0);
  const step = glyph.height / slots;
  const gapSlot = elided ? Math.ceil(glyph.count / 2) : -1;
  const centres: number[] = [];
  for (let slot = 0; slot < slots; slot++) if (slot !== gapSlot) centres.push(top + step * (slot + 0.5));
  return { centres, gap: elided ? top + step * (gapSlot + 0.5) : null };
}

interface Placed {
  glyph: Glyph;
  x: number;
  width: number;
  colour: string;
  type: LayerType | 'input';
  spec: LayerSpec | null;
  shape: readonly number[] | null;
  faded: boolean;
}

/** Where a glyph sits: centred horizontally in its column and vertically on the middle line. */
function glyphBox(column: Placed) {
  const { glyph } = column;
  return { x: column.x + (column.width - glyph.width) / 2, y: MIDDLE - glyph.height / 2, width: glyph.width, height: glyph.height };
}

function drawGlyph(column: Placed, out: DiagramPrimitive[], labels: DiagramLabel[]): void {
  const box = glyphBox(column);
  const { glyph, colour } = column;
  const opacity = column.faded ? 0.45 : 0.9;
  switch (glyph.kind) {
    case 'maps':
      // Back maps first, up and to the right, so the front map (the first channel) is fully visible.
      for (let i = glyph.count - 1; i >= 0; i--) {
        const x = box.x + i * MAP_OFFSET;
        const y = box.y + (glyph.count - 1 - i) * MAP_OFFSET;
        if (i === 0 && glyph.image) {
          out.push({ kind: 'image', x, y, width: glyph.side[1], height: glyph.side[0], href: glyph.image });
          out.push({ kind: 'rect', x, y, width: glyph.side[1], height: glyph.side[0], fill: 'none', stroke: colour });
        } else {
          out.push({
            kind: 'rect',
            x,
            y,
            width: glyph.side[1],
            height: glyph.side[0],
            fill: colour,
            stroke: '#ffffff',
            opacity,
            dashed: column.type === 'dropout',
          });
        }
      }
      return;
    case 'neurons': {
      const { centres, gap } = neuronCentres(glyph, box.y);
      const cx = box.x + glyph.width / 2;
      centres.forEach((cy, i) => {
        // Dropout shows some neurons switched off, as the lecture's picture does.
        const off = column.type === 'dropout' && i % 3 === 1;
        out.push({ kind: 'circle', cx, cy, r: glyph.radius, fill: off ? '#ffffff' : colour, stroke: colour, opacity });
      });
      if (gap !== null) labels.push(label(cx, gap + 4, '⋮', 12, 'more', 'middle', MUTED));
      return;
    }
    case 'hog': {
      const { sample, cell } = glyph;
      out.push({ kind: 'rect', x: box.x, y: box.y, width: glyph.width, height: glyph.height, fill: '#000000', stroke: colour });
      let max = 0;
      for (const value of sample.histograms) max = Math.max(max, value);
      if (max === 0) return;
      const radius = cell * 0.45;
      // skimage's HOG picture: one line per bin through the cell centre, perpendicular to the bin's middle gradient.
      for (let r = 0; r < sample.cellRows; r++) {
        for (let c = 0; c < sample.cellColumns; c++) {
          const cx = box.x + (c + 0.5) * cell;
          const cy = box.y + (r + 0.5) * cell;
          for (let o = 0; o < sample.orientations; o++) {
            const value = (sample.histograms[(r * sample.cellColumns + c) * sample.orientations + o] ?? 0) / max;
            if (value <= 0.02) continue;
            const middle = (Math.PI * (o + 0.5)) / sample.orientations;
            const dRow = radius * Math.sin(middle);
            const dColumn = radius * Math.cos(middle);
            out.push({
              kind: 'line',
              x1: cx + dRow,
              y1: cy - dColumn,
              x2: cx - dRow,
              y2: cy + dColumn,
              stroke: '#ffffff',
              width: Math.max(1, cell / 12),
              opacity: Number(value.toFixed(3)),
            });
          }
        }
      }
      return;
    }
    case 'row':
      out.push({
        kind: 'rect',
        x: box.x - 4,
        y: box.y - 4,
        width: glyph.width + 8,
        height: glyph.height + 8,
        fill: '#f3f4f6',
        stroke: colour,
        radius: 4,
      });
      glyph.lines.forEach((line, i) => labels.push(label(box.x, box.y + 11 + i * 15, line, PARAMS_SIZE, 'sample', 'start', TEXT)));
      return;
    case 'unknown':
      out.push({
        kind: 'rect',
        x: box.x,
        y: box.y,
        width: glyph.width,
        height: glyph.height,
        fill: '#ffffff',
        stroke: colour,
        dashed: true,
        radius: 4,
      });
      labels.push(label(box.x + glyph.width / 2, MIDDLE + 5, '?', 14, 'more', 'middle', colour));
      return;
  }
}

/** Points on a glyph's left or right side where links attach: each drawn neuron, else its top and bottom corners. */
function anchors(column: Placed, side: 'left' | 'right'): number[] {
  const box = glyphBox(column);
  const { glyph } = column;
  if (glyph.kind === 'neurons') return neuronCentres(glyph, box.y).centres;
  if (glyph.kind === 'maps') {
    // The front map's edge on the left; the back map's reach on the right.
    return side === 'left' ? [box.y + box.height - glyph.side[0], box.y + box.height] : [box.y, box.y + glyph.side[0]];
  }
  return [box.y, box.y + box.height];
}

function edgeX(column: Placed, side: 'left' | 'right'): number {
  const box = glyphBox(column);
  const { glyph } = column;
  if (glyph.kind === 'neurons') return box.x + glyph.width / 2 + (side === 'left' ? -glyph.radius : glyph.radius);
  if (glyph.kind === 'row') return side === 'left' ? box.x - 4 : box.x + box.width + 4;
  return side === 'left' ? box.x : box.x + box.width;
}

function drawLink(from: Placed, to: Placed, out: DiagramPrimitive[]): void {
  const x1 = edgeX(from, 'right');
  const x2 = edgeX(to, 'left');
  const line = (ya: number, yb: number, opacity = 0.55, width = 0.8, xa = x1, xb = x2) =>
    out.push({ kind: 'line', x1: xa, y1: ya, x2: xb, y2: yb, stroke: LINK, width, opacity });
  const left = anchors(from, 'right');
  const right = anchors(to, 'left');
  const spec = to.spec;
  if ((spec?.type === 'dense' || spec?.type === 'output') && from.glyph.kind === 'neurons' && to.glyph.kind === 'neurons') {
    // Fully connected: every drawn neuron to every drawn neuron (at most MAX_NEURONS² lines).
    for (const ya of left) for (const yb of right) line(ya, yb, 0.35, 0.6);
    return;
  }
  if (
    (spec?.type === 'conv2d' || spec?.type === 'maxPool' || spec?.type === 'avgPool') &&
    from.glyph.kind === 'maps' &&
    to.glyph.kind === 'maps'
  ) {
    // The window: a square on the previous front map and the cone to the one value it produces.
    const window = spec.type === 'conv2d' ? pair(spec.kernelSize) : pair(spec.poolSize);
    const fromBox = glyphBox(from);
    const frontY = fromBox.y + fromBox.height - from.glyph.side[0];
    const [rows, columns] = from.shape ?? [1, 1];
    const h = Math.max(4, Math.min(from.glyph.side[0] / 2, (window[0] / rows) * from.glyph.side[0]));
    const w = Math.max(4, Math.min(from.glyph.side[1] / 2, (window[1] / columns) * from.glyph.side[1]));
    const wx = fromBox.x + from.glyph.side[1] - w - 2;
    const wy = frontY + from.glyph.side[0] / 2 - h / 2;
    out.push({ kind: 'rect', x: wx, y: wy, width: w, height: h, fill: 'none', stroke: '#1d2233', opacity: 0.8 });
    const toBox = glyphBox(to);
    const px = toBox.x + Math.min(6, to.glyph.side[1] / 2);
    const py = toBox.y + toBox.height - to.glyph.side[0] / 2;
    line(wy, py, 0.8, 0.8, wx + w, px);
    line(wy + h, py, 0.8, 0.8, wx + w, px);
    return;
  }
  // Anything else (flatten, dropout, batch norm, the input): a funnel from one outline to the next.
  line(left[0], right[0]);
  line(left[left.length - 1], right[right.length - 1]);
}

function label(
  x: number,
  y: number,
  text: string,
  size: number,
  role: LabelRole,
  anchor: 'middle' | 'start',
  fill: string,
  bold = false,
): DiagramLabel {
  const width = textWidth(text, size);
  const left = anchor === 'middle' ? x - width / 2 : x;
  return { x, y, text, size, role, anchor, fill, bold, box: { x: left, y: y - size * 0.8, width, height: size } };
}

/** The model diagram's geometry; `modelDiagramSvg` turns it into SVG. */
export function layoutModelDiagram(input: ModelDiagramInput): DiagramLayout {
  const { spec, labels: words, language } = input;
  const shapes: (readonly number[] | null)[] = [spec.inputShape, ...spec.layers.map((_, i) => input.layers[i]?.outputShape ?? null)];
  // One scale for every map of the model, so a 24×24 map is drawn twice as tall as a 12×12 one.
  const largestSide = Math.max(1, maxOf(shapes.filter((s): s is readonly number[] => !!s && s.length === 3).flatMap((s) => [s[0], s[1]])));
  const scale = MAX_MAP_SIDE / largestSide;

  const columns: DiagramColumn[] = [];
  const placed: Placed[] = [];
  const labels: DiagramLabel[] = [];
  const primitives: DiagramPrimitive[] = [];
  let x = PAD;
  shapes.forEach((shape, position) => {
    const layerIndex = position - 1;
    const spec_ = layerIndex >= 0 ? spec.layers[layerIndex] : null;
    const summary = layerIndex >= 0 ? (input.layers[layerIndex] ?? null) : null;
    const type: LayerType | 'input' = spec_ ? spec_.type : 'input';
    const glyph = position === 0 && input.sample ? sampleGlyph(input.sample, spec.inputShape, scale, language) : layerGlyph(shape, scale);
    const typeName = spec_ ? words.layerType[spec_.type] : words.input;
    const typeLines = wrap(typeName, TYPE_SIZE, Math.max(MAX_TYPE_WIDTH, glyph.width));
    const shapeText = diagramShapeText(shape);
    const params = summary ? summary.params : null;
    const paramsText = params === null ? '' : params > 0 ? words.params(params, formatNumber(params, language)) : words.noParams;
    const width = Math.ceil(
      maxOf([
        glyph.width,
        ...typeLines.map((line) => textWidth(line, TYPE_SIZE)),
        textWidth(shapeText, SHAPE_SIZE),
        textWidth(paramsText, PARAMS_SIZE),
      ]) +
        2 * PAD,
    );
    const failed = input.failedLayer === layerIndex;
    const colour = failed ? DIAGRAM_COLOURS.failed : shape ? DIAGRAM_COLOURS[type] : DIAGRAM_COLOURS.unknown;
    const centre = x + width / 2;
    // Type lines sit at the bottom of their band, so one-line and two-line names end on the same line.
    typeLines.forEach((line, i) =>
      labels.push(
        label(
          centre,
          TOP + TYPE_BAND - 6 - (typeLines.length - 1 - i) * LINE,
          line,
          TYPE_SIZE,
          'type',
          'middle',
          failed ? DIAGRAM_COLOURS.failed : TEXT,
          true,
        ),
      ),
    );
    labels.push(label(centre, DRAW_TOP + DRAW_HEIGHT + 16, shapeText, SHAPE_SIZE, 'shape', 'middle', TEXT));
    if (paramsText) labels.push(label(centre, DRAW_TOP + DRAW_HEIGHT + 16 + LINE, paramsText, PARAMS_SIZE, 'params', 'middle', MUTED));
    placed.push({ glyph, x, width, colour, type, spec: spec_, shape, faded: type === 'dropout' });
    columns.push({ layer: layerIndex, x, width, shapeText, params, title: [typeName, shapeText, paramsText].filter(Boolean).join(' · ') });
    x += width + GAP;
  });
  placed.forEach((column, i) => {
    if (i > 0) drawLink(placed[i - 1], column, primitives);
  });
  placed.forEach((column) => drawGlyph(column, primitives, labels));
  return {
    width: Math.ceil(x - GAP + PAD),
    height: DRAW_TOP + DRAW_HEIGHT + 16 + LINE + 10,
    title: words.title,
    columns,
    primitives,
    labels,
  };
}
