import { existsSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SinapsisError, type ContractError } from '../../../shared/contract/errors';
import type { Language } from '../../../shared/i18n/diagnosisText';
import { rowNormalize } from '../evaluation/classificationMetrics';
import { writeFileAtomic } from '../runs/atomicWrite';
import { csvCell, toCsv } from '../runs/historyCsv';
import { readRun, type RunRecord } from '../runs/readRun';
import type { RunMetrics } from '../../../shared/contract/runs';
import type { SvgImage } from './printPdf';
import { runCharts } from './runCharts';
import { reportText } from './reportText';

/** The export files a run folder gets besides config/history/metrics/model/report (see docs/runs-and-reports.md). */
export const EXPORT_FILES = {
  confusionMatrix: 'confusion-matrix.csv',
  confusionMatrixNormalized: 'confusion-matrix-normalized.csv',
  perClass: 'per-class.csv',
  metrics: 'metrics.csv',
  kfold: 'kfold.csv',
  charts: 'charts',
} as const;

/** Confusion matrix as CSV: one row per true class, one column per predicted class, counts or row fractions. */
export function confusionMatrixCsv(labels: readonly string[], matrix: readonly number[][], normalized = false): string {
  const values = normalized ? rowNormalize(matrix.map((row) => [...row])) : matrix;
  const lines = [['true\\predicted', ...labels].map(csvCell).join(',')];
  values.forEach((row, i) =>
    lines.push([csvCell(labels[i]), ...row.map((v) => (normalized ? String(Number(v.toFixed(6))) : String(v)))].join(',')),
  );
  return lines.join('\n') + '\n';
}

/** Precision, recall, F1 and support per class, then the macro and weighted averages (as sklearn's classification_report). */
export function perClassCsv(metrics: Pick<RunMetrics, 'perClass' | 'macro' | 'weighted'>): string {
  const total = metrics.perClass.reduce((sum, c) => sum + c.support, 0);
  const rows = [
    ...metrics.perClass.map((c) => ({ label: c.label, precision: c.precision, recall: c.recall, f1: c.f1, support: c.support })),
    { label: 'macro avg', ...metrics.macro, support: total },
    { label: 'weighted avg', ...metrics.weighted, support: total },
  ];
  return toCsv(['label', 'precision', 'recall', 'f1', 'support'], rows);
}

/** Accuracy and loss of each part (empty cells for a part the run did not have). */
export function metricsCsv(metrics: Pick<RunMetrics, 'accuracy' | 'loss'>): string {
  return toCsv(
    ['part', 'accuracy', 'loss'],
    (['train', 'val', 'test'] as const).map((part) => ({ part, accuracy: metrics.accuracy[part], loss: metrics.loss[part] })),
  );
}

/** A k-fold run's score per fold, then the mean and standard deviation of the accuracy. */
export function kfoldCsv(kfold: NonNullable<RunMetrics['kfold']>): string {
  const rows: Record<string, string | number | null>[] = kfold.folds.map((f) => ({ fold: f.fold, accuracy: f.accuracy, loss: f.loss }));
  rows.push({ fold: 'mean', accuracy: kfold.accuracy.mean, loss: null }, { fold: 'std', accuracy: kfold.accuracy.std, loss: null });
  return toCsv(['fold', 'accuracy', 'loss'], rows);
}

export interface ExportedFile {
  /** Path inside the run folder, with "/" (e.g. "charts/loss.svg"). */
  name: string;
  bytes: number;
}

export interface RunExportsResult {
  dir: string;
  /** Every file of the run folder a student may take (the exports and the run's own files). */
  files: ExportedFile[];
  /** Why the PNG charts were not drawn (no Chromium), or null. */
  pngProblem: ContractError | null;
}

export interface RunExportOptions {
  language: Language;
  /** Draws the PNG charts; without it only the SVG ones are written. */
  renderPng?: (images: readonly SvgImage[]) => Promise<Uint8Array[]>;
  /** The run as the experiment holds it, before its metrics.json is written (otherwise read from the folder). */
  run?: RunRecord;
}

/**
 * Writes a run's tables as CSV (confusion matrix in counts and row-normalized, per-class metrics, accuracy and
 * loss per part, k-fold scores) and its learning curves as SVG (and PNG when a renderer is given) into the run
 * folder. Cheap without PNG: the experiment can call it at the end of every run.
 */
export async function writeRunExports(dir: string, options: RunExportOptions): Promise<RunExportsResult> {
  const run = options.run ?? (await readRun(dir));
  const { metrics } = run;
  const write = (name: string, text: string | Uint8Array) => writeFileAtomic(join(dir, name), text);
  if (metrics.confusionMatrix.labels.length > 0) {
    await write(EXPORT_FILES.confusionMatrix, confusionMatrixCsv(metrics.confusionMatrix.labels, metrics.confusionMatrix.matrix));
    await write(
      EXPORT_FILES.confusionMatrixNormalized,
      confusionMatrixCsv(metrics.confusionMatrix.labels, metrics.confusionMatrix.matrix, true),
    );
    await write(EXPORT_FILES.perClass, perClassCsv(metrics));
  }
  await write(EXPORT_FILES.metrics, metricsCsv(metrics));
  if (metrics.kfold) await write(EXPORT_FILES.kfold, kfoldCsv(metrics.kfold));
  const charts = runCharts(run.history, reportText[options.language]);
  await mkdir(join(dir, EXPORT_FILES.charts), { recursive: true });
  for (const chart of charts) await write(`${EXPORT_FILES.charts}/${chart.name}.svg`, chart.svg);
  let pngProblem: ContractError | null = null;
  if (options.renderPng && charts.length > 0) {
    try {
      const pictures = await options.renderPng(charts);
      for (let i = 0; i < charts.length; i++) await write(`${EXPORT_FILES.charts}/${charts[i].name}.png`, pictures[i]);
    } catch (error) {
      if (!(error instanceof SinapsisError)) throw error;
      pngProblem = error.toContract();
    }
  }
  return { dir, files: await listRunFiles(dir), pngProblem };
}

/** Names a student may download from a run folder: top-level files, charts/ and model/ (never hidden or temporary files). */
export const RUN_FILE_NAME = /^(?:(?:charts|model)\/)?[\w-][\w.-]*$/;

/** The downloadable files of a run folder, sorted, with their sizes. */
export async function listRunFiles(dir: string): Promise<ExportedFile[]> {
  const files: ExportedFile[] = [];
  for (const sub of ['', 'charts/', 'model/']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const name = sub + entry.name;
      if (!entry.isFile() || !RUN_FILE_NAME.test(name) || entry.name.endsWith('.tmp')) continue;
      files.push({ name, bytes: (await stat(join(folder, entry.name))).size });
    }
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
