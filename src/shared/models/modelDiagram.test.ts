import { describe, expect, it } from 'vitest';
import { formatNumber } from '../i18n/formatNumber';
import type { DiagramSample } from './diagramSample';
import {
  diagramShapeText,
  layoutModelDiagram,
  MAX_MAPS,
  MAX_NEURONS,
  type DiagramLabel,
  type DiagramLayout,
  type DiagramPrimitive,
  type ModelDiagramInput,
} from './modelDiagram';
import { modelDiagramSvg } from './modelDiagramSvg';
import { parseModelSpec, type ModelSpecInput } from './modelSpec';
import { MODEL_PRESET_IDS, modelPresets } from './presets';
import { summarizeModel } from './shapes';

const labels: ModelDiagramInput['labels'] = {
  input: 'Entrada',
  layerType: {
    dense: 'Densa',
    conv2d: 'Convolución 2D',
    maxPool: 'Max pooling',
    avgPool: 'Average pooling',
    flatten: 'Aplanar',
    dropout: 'Dropout',
    batchNorm: 'Normalización por lotes',
    output: 'Capa de salida',
  },
  params: (count, formatted) => `${formatted} ${count === 1 ? 'parámetro' : 'parámetros'}`,
  noParams: 'sin parámetros',
  title: 'Diagrama de la red',
};

const hogSample: DiagramSample = {
  kind: 'hog',
  histograms: Array.from({ length: 6 * 3 * 8 }, (_, i) => (i % 5) / 4),
  cellRows: 6,
  cellColumns: 3,
  orientations: 8,
  file: '3/a.png',
};
const imageSample: DiagramSample = { kind: 'image', src: 'data:image/png;base64,AAAA', width: 28, height: 28, file: '7/b.png' };
const rowSample: DiagramSample = {
  kind: 'row',
  values: [13.2, 1.78, 2.14, 11.2, 100, 2.65],
  names: ['alcohol', 'malic_acid', 'ash', 'alcalinity_of_ash', 'magnesium', 'total_phenols'],
  length: 13,
};

function layoutOf(
  input: ModelSpecInput,
  sample: DiagramSample | null = null,
  language = 'es',
): { layout: DiagramLayout; summary: ReturnType<typeof summarizeModel> } {
  const spec = parseModelSpec(input);
  const summary = summarizeModel(spec);
  return { layout: layoutModelDiagram({ spec, layers: summary.layers, failedLayer: null, sample, labels, language }), summary };
}

const intersects = (a: DiagramLabel['box'], b: DiagramLabel['box']) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function primitiveBox(p: DiagramPrimitive): DiagramLabel['box'] {
  switch (p.kind) {
    case 'circle':
      return { x: p.cx - p.r, y: p.cy - p.r, width: 2 * p.r, height: 2 * p.r };
    case 'line':
      return { x: Math.min(p.x1, p.x2), y: Math.min(p.y1, p.y2), width: Math.abs(p.x2 - p.x1), height: Math.abs(p.y2 - p.y1) };
    default:
      return { x: p.x, y: p.y, width: p.width, height: p.height };
  }
}

const cases: [string, ModelSpecInput, DiagramSample | null][] = [
  ...MODEL_PRESET_IDS.map((id): [string, ModelSpecInput, DiagramSample | null] => [id, modelPresets[id], null]),
  ['lenet28 with its image', modelPresets.lenet28, imageSample],
  ['mlp320_18_10 with its HOG picture', modelPresets.mlp320_18_10, hogSample],
  ['wine13_8_4_3 with a row', modelPresets.wine13_8_4_3, rowSample],
  [
    'every layer type, long names',
    {
      inputShape: [32, 32, 3],
      layers: [
        { type: 'conv2d', filters: 64, kernelSize: 3, padding: 'same' },
        { type: 'batchNorm' },
        { type: 'maxPool', poolSize: 2 },
        { type: 'avgPool', poolSize: 2 },
        { type: 'dropout', rate: 0.25 },
        { type: 'flatten' },
        { type: 'dense', units: 1024 },
        { type: 'dropout', rate: 0.5 },
        { type: 'output', units: 100 },
      ],
    },
    null,
  ],
];

describe('layoutModelDiagram', () => {
  for (const [name, input, sample] of cases) {
    it(`${name}: no two labels overlap, no label covers a drawing, everything inside the picture`, () => {
      const { layout } = layoutOf(input, sample);
      const texts = layout.labels.filter((l) => l.role !== 'more' && l.role !== 'sample');
      for (let i = 0; i < layout.labels.length; i++) {
        for (let j = i + 1; j < layout.labels.length; j++)
          expect(intersects(layout.labels[i].box, layout.labels[j].box), `${layout.labels[i].text} / ${layout.labels[j].text}`).toBe(false);
        const box = layout.labels[i].box;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
        expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
      }
      const drawings = layout.primitives.filter((p) => p.kind !== 'line').map(primitiveBox);
      for (const text of texts) for (const drawing of drawings) expect(intersects(text.box, drawing), text.text).toBe(false);
      // Columns side by side, never overlapping.
      layout.columns
        .slice(1)
        .forEach((column, i) => expect(column.x).toBeGreaterThanOrEqual(layout.columns[i].x + layout.columns[i].width));
    });

    it(`${name}: every column shows summarizeModel's shape and parameters`, () => {
      const { layout, summary } = layoutOf(input, sample);
      expect(layout.columns).toHaveLength(summary.layers.length + 1);
      expect(layout.columns[0].shapeText).toBe(diagramShapeText(summary.inputShape));
      summary.layers.forEach((layer, i) => {
        const column = layout.columns[i + 1];
        expect(column.shapeText).toBe(diagramShapeText(layer.outputShape));
        expect(column.params).toBe(layer.params);
        const shown = layout.labels.filter(
          (l) => l.role === 'params' && l.box.x >= column.x && l.box.x + l.box.width <= column.x + column.width,
        );
        expect(shown.map((l) => l.text)).toEqual([
          layer.params ? labels.params(layer.params, formatNumber(layer.params, 'es')) : labels.noParams,
        ]);
      });
    });
  }

  it('LeNet: maps drawn as stacks (at most MAX_MAPS), taller for a larger map; dense layers as columns of neurons', () => {
    const { layout } = layoutOf(modelPresets.lenet28);
    const mapsOf = (column: number) =>
      layout.primitives.filter(
        (p) =>
          p.kind === 'rect' &&
          p.x >= layout.columns[column].x &&
          p.x < layout.columns[column].x + layout.columns[column].width &&
          p.fill !== 'none',
      );
    // conv 24×24×6, pool 12×12×6, conv 8×8×16: 6, 6 and MAX_MAPS squares, each as tall as its map.
    expect(mapsOf(1)).toHaveLength(6);
    expect(mapsOf(3)).toHaveLength(MAX_MAPS);
    const height = (column: number) => (mapsOf(column)[0] as Extract<DiagramPrimitive, { kind: 'rect' }>).height;
    expect(Math.abs(height(1) - 2 * height(2))).toBeLessThanOrEqual(1);
    const circles = (column: number) =>
      layout.primitives.filter(
        (p) => p.kind === 'circle' && p.cx >= layout.columns[column].x && p.cx < layout.columns[column].x + layout.columns[column].width,
      );
    const outputColumn = layout.columns.length - 1;
    expect(circles(outputColumn)).toHaveLength(10);
    // Flatten's 256 values: MAX_NEURONS neurons and a "⋮".
    expect(circles(5)).toHaveLength(MAX_NEURONS);
    expect(
      layout.labels.some((l) => l.text === '⋮' && l.x > layout.columns[5].x && l.x < layout.columns[5].x + layout.columns[5].width),
    ).toBe(true);
  });

  it('draws the sample as the input: the image, the HOG cells as lines, the row as text', () => {
    expect(layoutOf(modelPresets.lenet28, imageSample).layout.primitives.filter((p) => p.kind === 'image')).toHaveLength(1);
    const hog = layoutOf(modelPresets.mlp320_18_10, hogSample).layout;
    const white = hog.primitives.filter((p) => p.kind === 'line' && p.stroke === '#ffffff');
    // Every non-zero bin of the 6×3 cells (values 0, 0.25 … 1: four of five are drawn).
    expect(white).toHaveLength(hogSample.histograms.filter((v) => v > 0.02).length);
    const row = layoutOf(modelPresets.wine13_8_4_3, rowSample, 'es').layout;
    expect(row.labels.filter((l) => l.role === 'sample').map((l) => l.text)).toEqual([
      'alcohol = 13,2',
      'malic_acid = 1,78',
      'ash = 2,14',
      'alcalinity_of_ash = 11,2',
      'magnesium = 100',
      'total_phenols = 2,65',
      '…',
    ]);
  });

  it('a layer that cannot be built is drawn red, and the layers after it with an unknown shape', () => {
    const spec = parseModelSpec({
      inputShape: [8, 8, 1],
      layers: [
        { type: 'conv2d', filters: 2, kernelSize: 3 },
        { type: 'conv2d', filters: 2, kernelSize: 9 },
        { type: 'flatten' },
        { type: 'output', units: 2 },
      ],
    });
    const first = summarizeModel({ ...spec, layers: [spec.layers[0], { type: 'flatten' }, spec.layers[3]] }).layers[0];
    const layout = layoutModelDiagram({ spec, layers: [first], failedLayer: 1, sample: null, labels, language: 'en' });
    expect(layout.columns.map((c) => c.shapeText)).toEqual(['[8 × 8 × 1]', '[6 × 6 × 2]', '[?]', '[?]', '[?]']);
    expect(
      layout.labels
        .filter((l) => l.role === 'type' && l.fill === '#b3261e')
        .map((l) => l.text)
        .join(' '),
    ).toBe('Convolución 2D');
  });

  it('the SVG escapes every text (a class or column name cannot inject markup)', () => {
    const spec = parseModelSpec(modelPresets.wine13_8_4_3);
    const svg = modelDiagramSvg({
      spec,
      layers: summarizeModel(spec).layers,
      failedLayer: null,
      sample: { ...rowSample, names: ['<script>alert(1)</script>'] },
      labels: { ...labels, input: 'a"b' },
      language: 'en',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('a&quot;b');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
