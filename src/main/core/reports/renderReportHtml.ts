import { formatDecimal, formatNumber, formatPercent } from '../../../shared/i18n/formatNumber';
import { pluralForm } from '../../../shared/i18n/plural';
import { biasVarianceSentence } from '../../../shared/i18n/biasVarianceText';
import { diagnosisText, formatMessage, type Language } from '../../../shared/i18n/diagnosisText';
import { hogGeometry } from '../../../shared/features/hogLength';
import { modelSpecSchema, type LayerSpec, type ModelSpec } from '../../../shared/models/modelSpec';
import type { DiagramSample } from '../../../shared/models/diagramSample';
import { LAYER_TYPES } from '../../../shared/models/layerTable';
import { modelDiagramSvg } from '../../../shared/models/modelDiagramSvg';
import { summarizeModel, type ModelSummary } from '../../../shared/models/shapes';
import { rowNormalize } from '../evaluation/classificationMetrics';
import type { HistoryRow, RunConfig, RunMetrics } from '../../../shared/contract/runs';
import { reportText } from './reportText';
import { runCharts } from './runCharts';
import { escapeXml } from './svgCharts';
import { maxOfMatrix } from '../../../shared/arrays';
import { MAX_CONFUSION_TABLE_CLASSES, topConfusions } from '../../../shared/evaluation/confusionSummary';
import { pngDataUrl } from '../datasets/images/thumbnail';

/** What the student adds before exporting. */
export interface ReportNotes {
  title?: string;
  author?: string;
  comments?: string;
}

export interface ReportInput {
  config: RunConfig;
  /** Null for a run interrupted before it was evaluated: its settings and curves are reported, and where it stopped. */
  metrics: RunMetrics | null;
  /** The run's status when there are no metrics (e.g. `incomplete`). */
  status?: string;
  history: HistoryRow[];
  notes: ReportNotes;
  /** data: URIs of misclassified images by sample index (absent when the files are not images or are gone). */
  thumbnails: ReadonlyMap<number, string>;
  /** The real sample the model diagram draws as its input (diagram-sample.json), or null. */
  diagramSample?: DiagramSample | null;
}

const esc = (value: unknown) => escapeXml(String(value ?? ''));
/** The report's numbers in its own language (0,9444 in es/pt), through the app's one formatter. */
function reportNumbers(language: Language) {
  return {
    percent: (value: number | null, digits = 2) => formatPercent(value, language, digits),
    fixed: (value: number | null, digits = 4) =>
      formatNumber(value, language, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    /** A setting as it was typed (η = 0,05), every digit kept. */
    plain: (value: number | null | undefined) => formatNumber(value, language, { maximumFractionDigits: 20, useGrouping: false }),
  };
}
type ReportNumbers = ReturnType<typeof reportNumbers>;

function table(headers: string[], rows: string[][], className = ''): string {
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function keyValues(pairs: [string, string][]): string {
  return `<dl>${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** A heatmap cell colour from 0 (white) to 1 (the accent colour), readable in print. */
function heatRgb(fraction: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, fraction));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return [mix(255, 57), mix(255, 73), mix(255, 171)];
}

function heat(fraction: number): string {
  return `rgb(${heatRgb(fraction).join(',')})`;
}

/**
 * A confusion matrix of more classes than fit a table: a picture with one pixel per cell (row-normalized, so each
 * class counts the same whatever its size), drawn large with crisp pixels, and the most frequent confusions.
 */
function confusionHeatmap(labels: string[], matrix: number[][], t: Record<string, string>, n: ReportNumbers): string {
  const size = labels.length;
  const pixels = new Uint8Array(size * size * 3);
  const rows = rowNormalize(matrix);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const [r, g, b] = heatRgb(rows[i][j] > 0 && i !== j ? 0.25 + 0.75 * rows[i][j] : rows[i][j]);
      const at = (i * size + j) * 3;
      pixels[at] = r;
      pixels[at + 1] = g;
      pixels[at + 2] = b;
    }
  }
  const picture = `<img class="heatmap" src="${pngDataUrl(size, size, 3, pixels)}" alt="${esc(formatMessage(t.confusionTooMany, { count: size }))}">`;
  const top = topConfusions(matrix).map((c) => [
    esc(labels[c.trueClass]),
    esc(labels[c.predictedClass]),
    String(c.count),
    n.percent(c.share, 1),
  ]);
  return `<p>${esc(formatMessage(t.confusionTooMany, { count: size }))}</p>${picture}<h3>${esc(t.topConfusions)}</h3>${table([t.trueLabel, t.predictedLabel, t.samples, t.shareOfTrue], top)}`;
}

function confusionTable(labels: string[], matrix: number[][], normalized: boolean, t: Record<string, string>, n: ReportNumbers): string {
  const values = normalized ? rowNormalize(matrix) : matrix;
  const max = Math.max(1, maxOfMatrix(matrix, 1));
  const header = `<tr><th>${esc(t.trueLabel)} \\ ${esc(t.predictedLabel)}</th>${labels.map((l) => `<th>${esc(l)}</th>`).join('')}</tr>`;
  const rows = values
    .map((row, i) => {
      const cells = row
        .map((value, j) => {
          const fraction = normalized ? value : matrix[i][j] / max;
          const color = fraction > 0.55 ? '#fff' : '#111';
          const text = normalized ? n.fixed(value, 2) : String(value);
          return `<td style="background:${heat(fraction)};color:${color}">${text}</td>`;
        })
        .join('');
      return `<tr><th>${esc(labels[i])}</th>${cells}</tr>`;
    })
    .join('');
  return `<table class="confusion">${header}${rows}</table>`;
}

/** A translated enum value, or the raw value when there is no translation (e.g. from a newer version). */
const label = (t: Record<string, string>, prefix: string, value: string): string => t[`${prefix}.${value}`] ?? value;
const yesNo = (t: Record<string, string>, value: unknown): string => (value ? t.yes : t.none);
const pair = (value: unknown): string => (Array.isArray(value) ? value.join('×') : String(value ?? '—'));

/** The features section's rows: every HOG parameter with the length arithmetic, the pixel settings, or the columns. */
function featureRows(config: RunConfig, t: Record<string, string>): [string, string][] {
  const { kind, length, details } = config.features;
  const rows: [string, string][] = [[t.featureKind, esc(label(t, 'featureKind', kind))]];
  if (kind === 'hog') {
    const { resize } = details;
    rows.push(
      [t['hog.grayscale'], esc(yesNo(t, details.grayscale))],
      [t['hog.resize'], esc(resize ? `${resize[0]}×${resize[1]} px` : t['hog.keepSize'])],
      ...(resize ? ([[t['hog.interpolation'], esc(label(t, 'interpolation', details.interpolation))]] as [string, string][]) : []),
      [t['hog.orientations'], esc(String(details.orientations))],
      [t['hog.pixelsPerCell'], esc(pair(details.pixelsPerCell))],
      [t['hog.cellsPerBlock'], esc(pair(details.cellsPerBlock))],
      [t['hog.blockNorm'], esc(details.blockNorm)],
      [t['hog.transformSqrt'], esc(yesNo(t, details.transformSqrt))],
    );
    if (resize) {
      const g = hogGeometry(resize[1], resize[0], details);
      rows.push([t['hog.arithmetic'], esc(formatMessage(t['hog.arithmeticValue'], { width: resize[0], height: resize[1], ...g }))]);
    }
  } else if (kind === 'pixels') {
    rows.push(
      [t['pixels.size'], esc(`${details.width}×${details.height} px`)],
      // Runs from before colour were grey: the contract's upgrade gives them colorMode grayscale and one channel.
      [
        t['pixels.colour'],
        esc(
          formatMessage(t['pixels.channelsValue'], { mode: label(t, 'colorMode', details.colorMode), channels: String(details.channels) }),
        ),
      ],
      [t['pixels.resizeMode'], esc(label(t, 'resizeMode', details.resizeMode))],
      [t['pixels.scale'], esc(details.scale)],
      [t['pixels.shape'], esc(label(t, 'shape', details.shape))],
    );
  } else {
    rows.push([t['columns.list'], esc(details.columns.join(', '))]);
    if (details.target !== undefined) rows.push([t['columns.target'], esc(details.target)]);
  }
  rows.push([t.featureLength, String(length)], [t.scaling, esc(label(t, 'scaling', config.preprocessing.scaling))]);
  return rows;
}

const shapeText = (shape: readonly (number | null)[]) => `[${shape.map((s) => s ?? 'N').join(', ')}]`;

/** What a layer does besides its type: units, filters and kernel, pooling window, dropout rate. */
function layerDetails(layer: LayerSpec | undefined, t: Record<string, string>, n: ReportNumbers): string {
  if (!layer) return '';
  switch (layer.type) {
    case 'dense':
    case 'output':
      return formatMessage(t['detail.units'], { units: layer.units });
    case 'conv2d':
      return formatMessage(t['detail.conv'], {
        filters: layer.filters,
        kernel: pair(layer.kernelSize),
        strides: pair(layer.strides),
        padding: layer.padding,
      });
    case 'maxPool':
    case 'avgPool':
      return formatMessage(t['detail.pool'], {
        size: pair(layer.poolSize),
        strides: pair(layer.strides ?? layer.poolSize),
        padding: layer.padding,
      });
    case 'dropout':
      return formatMessage(t['detail.rate'], { rate: n.plain(layer.rate) });
    default:
      return '';
  }
}

/** The Modelo view's diagram of the run's model (the same shared function draws both), or '' when the spec does not build. */
function modelDiagram(spec: ModelSpec, sample: DiagramSample | null, t: Record<string, string>, language: Language): string {
  let summary: ModelSummary;
  try {
    summary = summarizeModel(spec);
  } catch {
    return '';
  }
  const svg = modelDiagramSvg({
    spec,
    layers: summary.layers,
    failedLayer: null,
    sample,
    language,
    labels: {
      input: t['layer.input'],
      layerType: Object.fromEntries(LAYER_TYPES.map((type) => [type, label(t, 'layer', type)])) as Record<LayerSpec['type'], string>,
      params: (count, formatted) => formatMessage(pluralForm(t.diagramParams, count, language), { count: formatted }),
      noParams: t.diagramNoParams,
      title: t.diagram,
    },
  });
  return `<figure class="model-diagram">${inlineSvg(svg)}<figcaption>${esc(t.diagram)}</figcaption></figure>`;
}

function modelSection(
  config: RunConfig,
  t: Record<string, string>,
  n: ReportNumbers,
  sample: DiagramSample | null,
  language: Language,
): string {
  const spec = modelSpecSchema.safeParse(config.model.spec);
  const layers = spec.success ? spec.data.layers : [];
  const parts: string[] = [];
  if (spec.success) parts.push(modelDiagram(spec.data, sample, t, language));
  const facts: [string, string][] = [];
  if (spec.success && spec.data.name) facts.push([t.modelName, esc(spec.data.name)]);
  if (spec.success) facts.push([t.inputShape, esc(shapeText([null, ...spec.data.inputShape]))]);
  if (facts.length) parts.push(keyValues(facts));
  const rows = config.model.layers.map((l, i) => [
    esc(l.name),
    esc(label(t, 'layer', l.type)),
    esc(layerDetails(layers[i], t, n)),
    esc(l.activation ?? ''),
    esc(shapeText(l.outputShape)),
    String(l.params),
  ]);
  parts.push(table([t.layer, t.type, t.details, t.activation, t.outputShape, t.params], rows));
  parts.push(`<p><strong>${esc(t.totalParams)}:</strong> ${config.model.totalParams}</p>`);
  if (spec.success) {
    const initialized = layers.find((l) => l.type === 'dense' || l.type === 'conv2d' || l.type === 'output');
    const init = initialized && 'initializer' in initialized ? initialized.initializer : null;
    parts.push(
      keyValues([
        ...(init
          ? ([
              [
                t.initializer,
                `${esc(`${label(t, 'initializer', init.method)}${init.scale !== 1 ? ` ×${init.scale}` : ''}`)} <code>${esc(init.method)}</code>`,
              ],
            ] as [string, string][])
          : []),
        [t.weightSeed, String(spec.data.seed)],
      ]),
    );
  }
  return parts.join('');
}

function splitDescription(config: RunConfig, t: Record<string, string>, language: Language): string {
  const { split } = config;
  if (split.kind === 'kfold') return formatMessage(t.kfoldSplit, { k: split.k ?? Object.keys(split.indices).length });
  const names: Record<string, string> = { train: t.train, validation: t.val, val: t.val, test: t.test };
  return Object.keys(split.indices)
    .map((key, i) =>
      formatMessage(t.splitPart, {
        part: names[key] ?? key,
        percent: split.ratios[i] !== undefined ? formatPercent(split.ratios[i], language, 1, true) : '',
        samples: formatMessage(pluralForm(t.sampleCount, split.indices[key].length, language), {
          count: formatDecimal(split.indices[key].length, language),
        }),
      }),
    )
    .join(' · ');
}

function regularization(config: RunConfig, t: Record<string, string>, n: ReportNumbers): string {
  const spec = modelSpecSchema.safeParse(config.model.spec);
  const rates = spec.success ? spec.data.layers.flatMap((l) => (l.type === 'dropout' ? [l.rate] : [])) : [];
  const settings = config.training;
  return [
    `L2 λ = ${n.plain(settings.l2)}`,
    rates.length ? formatMessage(t.dropoutRates, { rates: rates.map(n.plain).join(', ') }) : t.noDropout,
    `${t.earlyStopping}: ${settings.earlyStopping ? formatMessage(t.patience, { patience: settings.earlyStopping.patience }) : t.none}`,
  ].join(' · ');
}

/** The augmentation a run trained with, in the report's words (percentages as the Datos form shows them). */
function augmentationText(augmentation: NonNullable<RunConfig['augmentation']>, t: Record<string, string>, n: ReportNumbers): string {
  const o = augmentation.options;
  const num = (key: Exclude<keyof typeof o, 'horizontalFlip'>, scale = 1) => n.plain(Math.round(o[key] * scale * 100) / 100);
  return formatMessage(t.augmentationLine, {
    copies: augmentation.copies,
    rotation: num('rotationDegrees'),
    shift: num('shiftFraction', 100),
    zoom: num('zoomFraction', 100),
    flip: o.horizontalFlip === true ? t.yes : t.no,
    brightness: num('brightness', 100),
    contrast: num('contrast', 100),
    noise: num('noiseStd', 100),
  });
}

/** The TensorFlow.js backend, or why there is none (the didactic engine runs its own code). */
function backendText(config: RunConfig, t: Record<string, string>): string {
  return config.engine === 'didactic' && !['tensorflow', 'wasm', 'cpu', 'webgl'].includes(config.backend) ? t.backendNone : config.backend;
}

/** Inline SVG in HTML needs no namespace; dropping it keeps the page free of any URL. */
const inlineSvg = (svg: string) => svg.replace(' xmlns="http://www.w3.org/2000/svg"', '');

function curves(history: HistoryRow[], t: Record<string, string>): string {
  return `<div class="charts">${runCharts(history, t)
    .map((chart) => `<figure>${inlineSvg(chart.svg)}</figure>`)
    .join('')}</div>`;
}

const STYLE = `
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1d2233;margin:2rem auto;max-width:960px;padding:0 1rem;font-size:13px;line-height:1.45}
h1{font-size:1.7rem;margin:0 0 .3rem}h2{font-size:1.2rem;border-bottom:2px solid #3949ab;padding-bottom:.2rem;margin-top:1.8rem;break-after:avoid}
h3{font-size:1rem;margin:1rem 0 .4rem;break-after:avoid}
table{border-collapse:collapse;margin:.5rem 0;break-inside:avoid}th,td{border:1px solid #d1d5db;padding:.2rem .5rem;text-align:right}th{background:#e8eaf6}
td:first-child,th:first-child{text-align:left}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0}dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
.charts{display:flex;flex-wrap:wrap;gap:.5rem}figure{margin:0;break-inside:avoid}
.model-diagram{margin:.6rem 0}.model-diagram svg{max-width:100%;height:auto}.model-diagram image{image-rendering:pixelated}.model-diagram figcaption{color:#6b7280;font-size:11px}
.confusion td{min-width:2.6rem;text-align:center}
.heatmap{width:100%;max-width:720px;image-rendering:pixelated;border:1px solid #d1d5db}
.gallery{display:flex;flex-wrap:wrap;gap:.6rem}.gallery figure{border:1px solid #d1d5db;padding:.3rem;width:120px;font-size:11px}
.gallery img{width:100%;image-rendering:pixelated;background:#000}
.hint{padding:.4rem .6rem;border-left:4px solid #a15c00;background:#fff7ed;margin:.4rem 0}.hint.error{border-color:#b3261e;background:#fdecea}.hint.info{border-color:#3949ab;background:#e8eaf6}
.comments{white-space:pre-wrap;border:1px solid #d1d5db;padding:.6rem;background:#fafafa}
footer{margin-top:2rem;color:#6b7280;font-size:11px}
@media print{body{margin:0}}
`;

/**
 * The report of one run as a single self-contained HTML page: inline CSS and SVG charts, images as data: URIs,
 * no script and no external URL, so it opens offline in any browser and prints to PDF as is.
 */
export function renderReportHtml(input: ReportInput, language: Language): string {
  const t = reportText[language];
  const n = reportNumbers(language);
  const { config, metrics, history, notes } = input;
  const title = notes.title?.trim() || t.defaultTitle;
  const parts: string[] = [];
  parts.push(
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
  );
  parts.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`);
  parts.push(`<title>${esc(title)}</title><style>${STYLE}</style></head><body>`);
  parts.push(`<header><h1>${esc(title)}</h1>`);
  parts.push(
    keyValues([
      ...(notes.author?.trim() ? ([[t.author, esc(notes.author)]] as [string, string][]) : []),
      [t.date, esc(config.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))],
      [t.run, esc(config.runId)],
      [t.status, esc(label(t, 'status', metrics?.status ?? input.status ?? 'incomplete'))],
    ]),
  );
  parts.push('</header>');
  if (notes.comments?.trim()) parts.push(`<h2>${esc(t.comments)}</h2><div class="comments">${esc(notes.comments)}</div>`);

  const d = config.dataset;
  parts.push(`<h2>${esc(t.dataset)}</h2>`);
  parts.push(
    keyValues([
      [t.datasetName, esc(d.name)],
      [t.datasetKind, esc(label(t, 'kind', d.kind))],
      [t.source, esc(d.source)],
      [t.fingerprint, `<code>${esc(d.fingerprint)}</code>`],
      [t.samples, String(d.samples)],
      [t.classes, esc(d.classes.join(', '))],
    ]),
  );
  if (d.classes.length) {
    parts.push(`<h3>${esc(t.counts)}</h3>`);
    parts.push(
      table(
        [t.label, t.samples],
        d.classes.map((c, i) => [esc(c), String(d.counts[i] ?? 0)]),
      ),
    );
  }
  parts.push(`<h3>${esc(t.problems)}</h3>`);
  parts.push(
    d.problems.length
      ? table(
          [t.file, t.reason],
          d.problems.map((p) => [esc(p.file), esc(p.reason)]),
        )
      : `<p>${esc(t.noProblems)}</p>`,
  );

  parts.push(`<h2>${esc(t.features)}</h2>`);
  parts.push(keyValues(featureRows(config, t)));

  parts.push(`<h2>${esc(t.model)}</h2>`);
  parts.push(modelSection(config, t, n, input.diagramSample ?? null, language));

  const tr = config.training;
  parts.push(`<h2>${esc(t.training)}</h2>`);
  parts.push(
    keyValues([
      [t.optimizer, `${esc(label(t, 'optimizer', tr.optimizer))} <code>${esc(tr.optimizer)}</code>`],
      [t.learningRate, n.plain(tr.learningRate)],
      ...(tr.momentum !== undefined && tr.optimizer === 'minibatch' ? ([[t.momentum, n.plain(tr.momentum)]] as [string, string][]) : []),
      [t.batchSize, tr.optimizer === 'gd' ? esc(t.batchAll) : tr.optimizer === 'sgd' ? '1' : String(tr.batchSize)],
      [t.epochs, `${tr.epochs} / ${metrics?.epochsRun ?? history.length}`],
      [t.loss, `${esc(label(t, 'loss', tr.loss))} <code>${esc(tr.loss)}</code>`],
      [t.regularization, esc(regularization(config, t, n))],
      ...(config.augmentation ? ([[t.augmentation, esc(augmentationText(config.augmentation, t, n))]] as [string, string][]) : []),
      [t.seed, String(tr.seed)],
      [t.split, esc(splitDescription(config, t, language))],
      [t.engine, esc(label(t, 'engine', config.engine))],
      [t.backend, esc(backendText(config, t))],
      [
        t.versions,
        esc(
          `Sinapsis ${config.app.version}, TensorFlow.js ${config.app.tfjs}, Node ${config.app.node}${config.app.electron ? `, Electron ${config.app.electron}` : ''}, ${config.app.platform}`,
        ),
      ],
      ...(metrics ? ([[t.seconds, `${n.fixed(metrics.seconds, 1)} s`]] as [string, string][]) : []),
      ...(metrics && metrics.bestEpoch !== null ? ([[t.bestEpoch, String(metrics.bestEpoch)]] as [string, string][]) : []),
    ]),
  );

  parts.push(`<h2>${esc(t.curves)}</h2>`);
  parts.push(curves(history, t));
  if (!metrics) {
    parts.push(`<p class="hint">${esc(formatMessage(t.interruptedAt, { epoch: history[history.length - 1]?.epoch ?? 0 }))}</p>`);
    parts.push(`<footer>${esc(formatMessage(t.generated, { version: config.app.version }))}</footer></body></html>`);
    return parts.join('\n');
  }

  parts.push(`<h2>${esc(t.results)}</h2>`);
  parts.push(
    table(
      [t.part, t.accuracy, t.loss],
      (['train', 'val', 'test'] as const)
        .filter((p) => metrics.accuracy[p] !== null || metrics.loss[p] !== null)
        .map((p) => [esc(t[p]), n.percent(metrics.accuracy[p]), n.fixed(metrics.loss[p])]),
    ),
  );
  if (metrics.kfold) {
    const k = metrics.kfold.folds.length;
    parts.push(`<h3>${esc(formatMessage(t.kfold, { k }))}</h3>`);
    parts.push(
      table(
        [t.fold, t.accuracy, t.loss],
        [
          ...metrics.kfold.folds.map((f) => [String(f.fold), n.percent(f.accuracy), n.fixed(f.loss)]),
          [
            `<strong>${esc(t.meanStd)}</strong>`,
            `${n.percent(metrics.kfold.accuracy.mean)} ± ${n.percent(metrics.kfold.accuracy.std)}`,
            '',
          ],
        ],
      ),
    );
  }
  parts.push(`<h3>${esc(t.perClass)}</h3>`);
  const row = (label: string, m: { precision: number; recall: number; f1: number }, support: string) => [
    label,
    n.fixed(m.precision, 3),
    n.fixed(m.recall, 3),
    n.fixed(m.f1, 3),
    support,
  ];
  const totalSupport = String(metrics.perClass.reduce((sum, c) => sum + c.support, 0));
  parts.push(
    table(
      [t.label, t.precision, t.recall, t.f1, t.support],
      [
        ...metrics.perClass.map((c) => row(esc(c.label), c, String(c.support))),
        row(`<strong>${esc(t.macro)}</strong>`, metrics.macro, totalSupport),
        row(`<strong>${esc(t.weighted)}</strong>`, metrics.weighted, totalSupport),
      ],
    ),
  );
  const cm = metrics.confusionMatrix;
  if (cm.labels.length === 0) parts.push(`<p>${esc(t.notClassification)}</p>`);
  else {
    const splitName = cm.split === 'cross-validation' ? t.crossValidation : (t[cm.split as 'train' | 'val' | 'test'] ?? cm.split);
    parts.push(`<h3>${esc(formatMessage(t.confusion, { split: splitName }))}</h3>`);
    if (cm.labels.length > MAX_CONFUSION_TABLE_CLASSES) parts.push(confusionHeatmap(cm.labels, cm.matrix, t, n));
    else {
      parts.push(`<h3>${esc(t.confusionCounts)}</h3>${confusionTable(cm.labels, cm.matrix, false, t, n)}`);
      parts.push(`<h3>${esc(t.confusionNormalized)}</h3>${confusionTable(cm.labels, cm.matrix, true, t, n)}`);
    }
  }

  parts.push(`<h2>${esc(t.misclassified)}</h2>`);
  if (metrics.misclassified.length === 0) parts.push(`<p>${esc(t.noMisclassified)}</p>`);
  else {
    const cards = metrics.misclassified.map((m) => {
      const image = input.thumbnails.get(m.index);
      const name = m.file ? m.file.split(/[\\/]/).slice(-2).join('/') : `#${m.index}`;
      return `<figure>${image ? `<img src="${image}" alt="${esc(name)}">` : ''}<figcaption>${esc(name)}<br>${esc(t.trueLabel)}: <strong>${esc(m.trueLabel)}</strong><br>${esc(t.predictedLabel)}: <strong>${esc(m.predictedLabel)}</strong> (${n.percent(m.probability, 1)})</figcaption></figure>`;
    });
    parts.push(`<div class="gallery">${cards.join('')}</div>`);
  }

  parts.push(`<h2>${esc(t.diagnosis)}</h2>`);
  if (metrics.diagnosis.length === 0) parts.push(`<p>${esc(t.noDiagnosis)}</p>`);
  for (const hint of metrics.diagnosis) {
    const template = (diagnosisText[language] as Record<string, string>)[hint.code] ?? hint.message;
    parts.push(
      `<p class="hint ${esc(hint.severity)}">${esc(formatMessage(template, Object.fromEntries(Object.entries(hint.params).map(([key, value]) => [key, typeof value === 'number' ? n.plain(value) : value]))))}</p>`,
    );
  }
  // The same readout as Evaluación's panel and the CLI's line (metrics.json), never recomputed here.
  if (metrics.biasVariance)
    parts.push(`<h3>${esc(t.biasVariance)}</h3><p data-bias-variance>${esc(biasVarianceSentence(metrics.biasVariance, language))}</p>`);
  parts.push(`<footer>${esc(formatMessage(t.generated, { version: config.app.version }))}</footer></body></html>`);
  return parts.join('\n');
}
