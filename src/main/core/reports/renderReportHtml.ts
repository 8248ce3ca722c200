import { diagnosisText, formatMessage, type Language } from '../../../shared/i18n/diagnosisText';
import { rowNormalize } from '../evaluation/classificationMetrics';
import type { HistoryRow, RunConfig, RunMetrics } from '../runs/runSchemas';
import { reportText } from './reportText';
import { escapeXml, lineChartSvg } from './svgCharts';

/** What the student adds before exporting. */
export interface ReportNotes {
  title?: string;
  author?: string;
  comments?: string;
}

export interface ReportInput {
  config: RunConfig;
  metrics: RunMetrics;
  history: HistoryRow[];
  notes: ReportNotes;
  /** data: URIs of misclassified images by sample index (absent when the files are not images or are gone). */
  thumbnails: ReadonlyMap<number, string>;
}

const TRAIN_COLOR = '#3949ab';
const VAL_COLOR = '#e65100';

const esc = (value: unknown) => escapeXml(String(value ?? ''));
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)} %`);
const fixed = (value: number | null, digits = 4) => (value === null ? '—' : value.toFixed(digits));

function table(headers: string[], rows: string[][], className = ''): string {
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function keyValues(pairs: [string, string][]): string {
  return `<dl>${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** A heatmap cell colour from 0 (white) to 1 (the accent colour), readable in print. */
function heat(fraction: number): string {
  const t = Math.max(0, Math.min(1, fraction));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${mix(255, 57)},${mix(255, 73)},${mix(255, 171)})`;
}

function confusionTable(labels: string[], matrix: number[][], normalized: boolean, t: Record<string, string>): string {
  const values = normalized ? rowNormalize(matrix) : matrix;
  const max = Math.max(1, ...matrix.flat());
  const header = `<tr><th>${esc(t.trueLabel)} \\ ${esc(t.predictedLabel)}</th>${labels.map((l) => `<th>${esc(l)}</th>`).join('')}</tr>`;
  const rows = values
    .map((row, i) => {
      const cells = row
        .map((value, j) => {
          const fraction = normalized ? value : matrix[i][j] / max;
          const color = fraction > 0.55 ? '#fff' : '#111';
          const text = normalized ? value.toFixed(2) : String(value);
          return `<td style="background:${heat(fraction)};color:${color}">${text}</td>`;
        })
        .join('');
      return `<tr><th>${esc(labels[i])}</th>${cells}</tr>`;
    })
    .join('');
  return `<table class="confusion">${header}${rows}</table>`;
}

function featuresDescription(config: RunConfig): string {
  const details = Object.entries(config.features.details)
    .map(([key, value]) => `${esc(key)} = ${esc(Array.isArray(value) ? value.join('×') : typeof value === 'object' ? JSON.stringify(value) : value)}`)
    .join(', ');
  return details ? `${esc(config.features.kind)} (${details})` : esc(config.features.kind);
}

/** Inline SVG in HTML needs no namespace; dropping it keeps the page free of any URL. */
const inlineSvg = (svg: string) => svg.replace(' xmlns="http://www.w3.org/2000/svg"', '');

function curves(history: HistoryRow[], t: Record<string, string>): string {
  const folds = [...new Set(history.map((row) => row.fold))];
  const charts: string[] = [];
  for (const fold of folds) {
    const rows = history.filter((row) => row.fold === fold);
    const suffix = fold === null ? '' : ` — ${t.fold} ${fold}`;
    const lossSeries = [
      { name: t.trainSeries, color: TRAIN_COLOR, points: rows.map((r) => [r.epoch, r.trainLoss] as const) },
      ...(rows.some((r) => r.valLoss !== null) ? [{ name: t.valSeries, color: VAL_COLOR, dashed: true, points: rows.map((r) => [r.epoch, r.valLoss] as const) }] : []),
    ];
    charts.push(inlineSvg(lineChartSvg(lossSeries, { title: t.lossCurve + suffix, xLabel: t.epoch, yLabel: t.loss })));
    if (rows.some((r) => r.trainAccuracy !== null)) {
      const accuracySeries = [
        { name: t.trainSeries, color: TRAIN_COLOR, points: rows.map((r) => [r.epoch, r.trainAccuracy] as const) },
        ...(rows.some((r) => r.valAccuracy !== null) ? [{ name: t.valSeries, color: VAL_COLOR, dashed: true, points: rows.map((r) => [r.epoch, r.valAccuracy] as const) }] : []),
      ];
      charts.push(inlineSvg(lineChartSvg(accuracySeries, { title: t.accuracyCurve + suffix, xLabel: t.epoch, yLabel: t.accuracy })));
    }
  }
  return `<div class="charts">${charts.map((svg) => `<figure>${svg}</figure>`).join('')}</div>`;
}

const STYLE = `
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1d2233;margin:2rem auto;max-width:960px;padding:0 1rem;font-size:13px;line-height:1.45}
h1{font-size:1.7rem;margin:0 0 .3rem}h2{font-size:1.2rem;border-bottom:2px solid #3949ab;padding-bottom:.2rem;margin-top:1.8rem;break-after:avoid}
h3{font-size:1rem;margin:1rem 0 .4rem}
table{border-collapse:collapse;margin:.5rem 0;break-inside:avoid}th,td{border:1px solid #d1d5db;padding:.2rem .5rem;text-align:right}th{background:#e8eaf6}
td:first-child,th:first-child{text-align:left}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0}dt{font-weight:bold}dd{margin:0;word-break:break-all}
.charts{display:flex;flex-wrap:wrap;gap:.5rem}figure{margin:0;break-inside:avoid}
.confusion td{min-width:2.6rem;text-align:center}
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
  const { config, metrics, history, notes } = input;
  const title = notes.title?.trim() || t.defaultTitle;
  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`);
  parts.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`);
  parts.push(`<title>${esc(title)}</title><style>${STYLE}</style></head><body>`);
  parts.push(`<header><h1>${esc(title)}</h1>`);
  parts.push(
    keyValues([
      ...(notes.author?.trim() ? ([[t.author, esc(notes.author)]] as [string, string][]) : []),
      [t.date, esc(config.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))],
      [t.run, esc(config.runId)],
      [t.status, esc(metrics.status)],
    ]),
  );
  parts.push('</header>');
  if (notes.comments?.trim()) parts.push(`<h2>${esc(t.comments)}</h2><div class="comments">${esc(notes.comments)}</div>`);

  const d = config.dataset;
  parts.push(`<h2>${esc(t.dataset)}</h2>`);
  parts.push(keyValues([[t.source, esc(d.source)], [t.fingerprint, `<code>${esc(d.fingerprint)}</code>`], [t.samples, String(d.samples)], [t.classes, esc(d.classes.join(', '))]]));
  parts.push(`<h3>${esc(t.counts)}</h3>`);
  parts.push(table([t.label, t.samples], d.classes.map((c, i) => [esc(c), String(d.counts[i] ?? 0)])));
  parts.push(`<h3>${esc(t.problems)}</h3>`);
  parts.push(d.problems.length ? table([t.file, t.reason], d.problems.map((p) => [esc(p.file), esc(p.reason)])) : `<p>${esc(t.noProblems)}</p>`);

  parts.push(`<h2>${esc(t.features)}</h2>`);
  parts.push(keyValues([[t.featureKind, featuresDescription(config)], [t.featureLength, String(config.features.length)], [t.scaling, esc(config.preprocessing.scaling)]]));

  parts.push(`<h2>${esc(t.model)}</h2>`);
  parts.push(
    table(
      [t.layer, t.type, t.outputShape, t.params],
      config.model.layers.map((l) => [esc(l.name), esc(l.activation ? `${l.type} (${l.activation})` : l.type), esc(`[${l.outputShape.map((s) => s ?? 'N').join(', ')}]`), String(l.params)]),
    ),
  );
  parts.push(`<p><strong>${esc(t.totalParams)}:</strong> ${config.model.totalParams}</p>`);

  const tr = config.training;
  parts.push(`<h2>${esc(t.training)}</h2>`);
  parts.push(
    keyValues([
      [t.optimizer, esc(tr.optimizer)],
      [t.learningRate, String(tr.learningRate)],
      [t.batchSize, String(tr.batchSize)],
      [t.epochs, `${tr.epochs} / ${metrics.epochsRun}`],
      [t.loss, esc(tr.loss)],
      [t.l2, String(tr.l2)],
      [t.earlyStopping, tr.earlyStopping ? esc(formatMessage(t.patience, { patience: tr.earlyStopping.patience })) : esc(t.none)],
      [t.seed, String(tr.seed)],
      [t.split, esc(config.split.kind === 'kfold' ? `k-fold, k = ${config.split.k}` : config.split.ratios.join(' / '))],
      [t.backend, esc(config.backend)],
      [t.engine, esc(config.engine)],
      [t.versions, esc(`Sinapsis ${config.app.version}, TensorFlow.js ${config.app.tfjs}, Node ${config.app.node}${config.app.electron ? `, Electron ${config.app.electron}` : ''}, ${config.app.platform}`)],
      [t.seconds, `${metrics.seconds.toFixed(1)} s`],
      ...(metrics.bestEpoch !== null ? ([[t.bestEpoch, String(metrics.bestEpoch)]] as [string, string][]) : []),
    ]),
  );

  parts.push(`<h2>${esc(t.curves)}</h2>`);
  parts.push(curves(history, t));

  parts.push(`<h2>${esc(t.results)}</h2>`);
  parts.push(
    table(
      [t.part, t.accuracy, t.loss],
      (['train', 'val', 'test'] as const).filter((p) => metrics.accuracy[p] !== null || metrics.loss[p] !== null).map((p) => [esc(t[p]), percent(metrics.accuracy[p]), fixed(metrics.loss[p])]),
    ),
  );
  if (metrics.kfold) {
    const k = metrics.kfold.folds.length;
    parts.push(`<h3>${esc(formatMessage(t.kfold, { k }))}</h3>`);
    parts.push(
      table(
        [t.fold, t.accuracy, t.loss],
        [
          ...metrics.kfold.folds.map((f) => [String(f.fold), percent(f.accuracy), fixed(f.loss)]),
          [`<strong>${esc(t.meanStd)}</strong>`, `${percent(metrics.kfold.accuracy.mean)} ± ${(metrics.kfold.accuracy.std * 100).toFixed(2)}`, ''],
        ],
      ),
    );
  }
  parts.push(`<h3>${esc(t.perClass)}</h3>`);
  const row = (label: string, m: { precision: number; recall: number; f1: number }, support: string) => [label, fixed(m.precision, 3), fixed(m.recall, 3), fixed(m.f1, 3), support];
  const totalSupport = String(metrics.perClass.reduce((sum, c) => sum + c.support, 0));
  parts.push(
    table([t.label, t.precision, t.recall, t.f1, t.support], [
      ...metrics.perClass.map((c) => row(esc(c.label), c, String(c.support))),
      row(`<strong>${esc(t.macro)}</strong>`, metrics.macro, totalSupport),
      row(`<strong>${esc(t.weighted)}</strong>`, metrics.weighted, totalSupport),
    ]),
  );
  const cm = metrics.confusionMatrix;
  const splitName = t[cm.split as 'train' | 'val' | 'test'] ?? cm.split;
  parts.push(`<h3>${esc(formatMessage(t.confusion, { split: splitName }))}</h3>`);
  parts.push(`<h3>${esc(t.confusionCounts)}</h3>${confusionTable(cm.labels, cm.matrix, false, t)}`);
  parts.push(`<h3>${esc(t.confusionNormalized)}</h3>${confusionTable(cm.labels, cm.matrix, true, t)}`);

  parts.push(`<h2>${esc(t.misclassified)}</h2>`);
  if (metrics.misclassified.length === 0) parts.push(`<p>${esc(t.noMisclassified)}</p>`);
  else {
    const cards = metrics.misclassified.map((m) => {
      const image = input.thumbnails.get(m.index);
      const name = m.file ? m.file.split(/[\\/]/).slice(-2).join('/') : `#${m.index}`;
      return `<figure>${image ? `<img src="${image}" alt="${esc(name)}">` : ''}<figcaption>${esc(name)}<br>${esc(t.trueLabel)}: <strong>${esc(m.trueLabel)}</strong><br>${esc(t.predictedLabel)}: <strong>${esc(m.predictedLabel)}</strong> (${(m.probability * 100).toFixed(1)} %)</figcaption></figure>`;
    });
    parts.push(`<div class="gallery">${cards.join('')}</div>`);
  }

  parts.push(`<h2>${esc(t.diagnosis)}</h2>`);
  if (metrics.diagnosis.length === 0) parts.push(`<p>${esc(t.noDiagnosis)}</p>`);
  for (const hint of metrics.diagnosis) {
    const template = (diagnosisText[language] as Record<string, string>)[hint.code] ?? hint.message;
    parts.push(`<p class="hint ${esc(hint.severity)}">${esc(formatMessage(template, hint.params))}</p>`);
  }
  parts.push(`<footer>${esc(formatMessage(t.generated, { version: config.app.version }))}</footer></body></html>`);
  return parts.join('\n');
}
