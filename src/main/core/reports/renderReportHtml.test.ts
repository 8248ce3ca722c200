import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/i18n/diagnosisText';
import { modelSpecSchema } from '../../../shared/models/modelSpec';
import { findChromium } from './findChromium';
import { printHtmlToPdf } from './printPdf';
import { renderReportHtml } from './renderReportHtml';
import { reportText } from './reportText';
import { sampleRun } from './sampleRun.testdata';
import { LAYER_TYPES } from '../../../shared/models/layerTable';
import { modelDiagramSvg } from '../../../shared/models/modelDiagramSvg';
import { parseModelSpec } from '../../../shared/models/modelSpec';
import { summarizeModel } from '../../../shared/models/shapes';

const run = sampleRun();
const thumbnails = new Map([[3, 'data:image/png;base64,iVBORw0KGgo=']]);
const notes = { title: 'Práctica 2: dígitos', author: 'Ana Pérez', comments: 'Probé <script>alert(1)</script> & más' };

describe('HTML report', () => {
  const html = renderReportHtml({ ...run, notes, thumbnails }, 'es');

  it('says how the training images were augmented, and says nothing when they were not', () => {
    const augmented = sampleRun();
    augmented.config.augmentation = {
      copies: 2,
      options: {
        rotationDegrees: 10,
        shiftFraction: 0.1,
        zoomFraction: 0.05,
        horizontalFlip: false,
        brightness: 0,
        contrast: 0.2,
        noiseStd: 0,
      },
    };
    const text = renderReportHtml({ ...augmented, notes, thumbnails }, 'es');
    expect(text).toContain(
      'Aumento de datos</dt><dd>2 variantes por imagen de entrenamiento: rotación ±10°, desplazamiento ±10 %, zoom ±5 %, volteo no, brillo ±0 %, contraste ±20 %, ruido 0 %',
    );
    expect(renderReportHtml({ ...augmented, notes, thumbnails }, 'en')).toContain('2 variants per training image: rotation ±10°');
    expect(html).not.toContain('Aumento de datos');
  });

  it("draws the model diagram with the Modelo view's function: its HOG sample, shapes and parameters per layer", () => {
    const sample = {
      kind: 'hog' as const,
      histograms: Array.from({ length: 6 * 3 * 8 }, (_, i) => (i % 4) / 3),
      cellRows: 6,
      cellColumns: 3,
      orientations: 8,
      file: 'tres/a.png',
    };
    const withDiagram = renderReportHtml({ ...run, notes, thumbnails, diagramSample: sample }, 'es');
    const spec = parseModelSpec(run.config.model.spec);
    const t = reportText.es;
    const svg = modelDiagramSvg({
      spec,
      layers: summarizeModel(spec).layers,
      failedLayer: null,
      sample,
      language: 'es',
      labels: {
        input: t['layer.input'],
        layerType: Object.fromEntries(LAYER_TYPES.map((type) => [type, t[`layer.${type}`]])) as Record<
          (typeof LAYER_TYPES)[number],
          string
        >,
        params: (count, formatted) => `${formatted} ${count === 1 ? 'parámetro' : 'parámetros'}`,
        noParams: t.diagramNoParams,
        title: t.diagram,
      },
    });
    expect(withDiagram).toContain(svg.replace(' xmlns="http://www.w3.org/2000/svg"', ''));
    expect(withDiagram).toContain('5778 parámetros');
    // Without a stored sample (older runs) the input is drawn as its neurons, and the report still has the diagram.
    expect(html).toContain('class="model-diagram"');
    expect(html).not.toContain('<image');
  });

  it('is self-contained: no script, no external URL', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; más');
  });

  it('contains every section with the real numbers', () => {
    for (const text of [
      'Práctica 2: dígitos',
      'Ana Pérez',
      '/datos/dígitos con espacios',
      'sha256:0123456789abcdef',
      'uno/roto.png',
      'L2-Hys',
      '320',
      '5835',
      'wasm',
      'Semilla',
    ]) {
      expect(html).toContain(text);
    }
    // Enum values are translated, with the code name beside the ones students type on the CLI.
    for (const text of [
      'completada',
      'SGD por minilotes <code>minibatch</code>',
      'entropía cruzada categórica <code>categoricalCrossEntropy</code>',
      'didáctico (retropropagación propia de Sinapsis)',
      'estandarización z-score',
      '12×24 px → 6×3 celdas → 5×2 bloques × 32 valores = 320',
      'Píxeles por celda (alto × ancho)</dt><dd>4×4',
      'Momento</dt><dd>0,9',
      'L2 λ = 0,001 · sin dropout · Parada temprana: no',
      'Entrenamiento 70\u00a0% (2 muestras) · Validación 15\u00a0% (1 muestra) · Prueba 15\u00a0% (1 muestra)',
      '<td>Densa</td><td>18 neuronas</td><td>sigmoid</td><td>[N, 18]</td><td>5778</td>',
      'Semilla de los pesos iniciales</dt><dd>3',
    ]) {
      expect(html).toContain(text);
    }
    const withDropout = structuredClone(run);
    withDropout.config.model.spec = modelSpecSchema.parse({
      inputShape: [320],
      layers: [
        { type: 'dense', units: 18 },
        { type: 'dropout', rate: 0.2 },
        { type: 'output', units: 3 },
      ],
    });
    withDropout.config.model.layers.splice(1, 0, { name: 'dropout_2', type: 'dropout', outputShape: [null, 18], params: 0 });
    const dropoutHtml = renderReportHtml({ ...withDropout, notes, thumbnails }, 'en');
    expect(dropoutHtml).toContain('<td>Dropout</td><td>rate 0.2</td>');
    expect(dropoutHtml).toContain('L2 λ = 0.001 · dropout 0.2 · Early stopping: no');
    // The split's percentages written as the language writes them (no space before % in English).
    expect(dropoutHtml).toContain('Training 70% (2 samples) · Validation 15% (1 sample) · Test 15% (1 sample)');
    for (const raw of ['<dd>completed</dd>', '<dd>minibatch</dd>', '<dd>zscore</dd>', '<dd>didactic</dd>', '<td>dense</td>'])
      expect(html).not.toContain(raw);
    // The report's numbers in its language: a decimal comma in Spanish, as the app shows them.
    expect(html).toContain(`${((10 / 12) * 100).toFixed(2).replace('.', ',')}\u00a0%`);
    expect(html).toContain('Matriz de confusión (Prueba)');
    // The model diagram and the two learning curves.
    expect((html.match(/<svg/g) ?? []).length).toBe(3);
    expect(html).toContain('data:image/png;base64,iVBORw0KGgo=');
    expect(html).toContain('Sobreajuste desde la época');
  });

  it('follows the language and has the same labels in es, pt and en', () => {
    const keys = Object.keys(reportText.es).sort();
    for (const language of LANGUAGES) expect(Object.keys(reportText[language]).sort()).toEqual(keys);
    const english = renderReportHtml({ ...run, notes: {}, thumbnails }, 'en');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Training report');
    expect(english).toContain('Overfitting from epoch');
    expect(renderReportHtml({ ...run, notes: {}, thumbnails }, 'pt')).toContain('Relatório de treinamento');
  });
});

const chromium = findChromium();
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

describe.skipIf(!chromium || !hasPoppler)('PDF report (system Chromium, checked with poppler)', () => {
  it('prints to a multi-page PDF whose text has the key numbers', async () => {
    const html = renderReportHtml({ ...run, notes, thumbnails }, 'es');
    const pdf = await printHtmlToPdf(html);
    const dir = mkdtempSync(join(tmpdir(), 'sinapsis-pdf-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', ['-r', '40', '-png', file, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((name) => name.startsWith('page') && name.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Práctica 2: dígitos');
    expect(text).toMatch(/83,33\s%/);
    expect(text).toContain('5835');
    expect(text).toContain('sha256:0123456789abcdef');
  });
});
