import { join, resolve } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SinapsisError } from '../../../shared/contract/errors';
import { MAX_LISTED_PROBLEMS } from '../../../shared/contract/datasets';
import {
  FOLDER_PREDICTIONS_CSV,
  MAX_FOLDER_ROWS,
  type FolderPrediction,
  type FolderPredictionRow,
} from '../../../shared/contract/folderPrediction';
import { inspectImageFile } from '../datasets/images/inspectImageFile';
import { MAX_IMAGE_FILE_BYTES } from '../datasets/images/loadImageFolder';
import { scanFolder } from '../datasets/images/scanFolder';
import { ProblemList } from '../datasets/problems';
import { ProgressMeter } from '../datasets/progressMeter';
import { LOCAL_FILES, readRegularFile, type FileAccessPolicy } from '../files';
import { writeFileAtomic } from '../runs/atomicWrite';
import { csvCell } from '../runs/historyCsv';
import { predictVector } from './predictSample';
import type { RunModel } from './runModelCache';
import { sampleFeatures } from './sampleFeatures';

/**
 * "Clasificar una carpeta" and `sinapsis predict RUN FOLDER`: every image of a folder, recursively, through the
 * run's preprocessing and model. Files are found and decoded as Datos does (scanFolder + inspectImageFile, the
 * same problems report), one at a time so a folder of any size needs the memory of one image. When the
 * first-level subfolders are named after the run's classes, each image's folder is its true class, and the
 * accuracy and confusion matrix are computed over those images.
 */

export interface ClassifyFolderOptions {
  signal: AbortSignal;
  onProgress?: (state: { done: number; total: number; etaSeconds: number | null }) => void;
  files?: FileAccessPolicy;
  topK?: number;
}

export interface FolderClassification extends Omit<FolderPrediction, 'csv'> {
  /** Every row (the contract answer keeps the first MAX_FOLDER_ROWS). */
  allRows: FolderPredictionRow[];
  /** Each row's probabilities per class, for the CSV. */
  probabilities: number[][];
  classes: string[];
}

const YIELD_EVERY_MS = 16;

function cancelled(): SinapsisError {
  return new SinapsisError('folder-predict-cancelled', 'The folder classification was cancelled.');
}

export async function classifyFolder(run: RunModel, path: string, options: ClassifyFolderOptions): Promise<FolderClassification> {
  const started = performance.now();
  const root = resolve(path);
  const policy = options.files ?? LOCAL_FILES;
  if (run.preprocessing.features.kind === 'columns') {
    throw new SinapsisError(
      'folder-predict-table-run',
      'This run was trained on table columns: classify a folder with a run trained on images.',
    );
  }
  const problems = new ProblemList();
  const scan = await scanFolder(root, problems, options.signal, () => undefined, policy, { looseFiles: true });
  if (options.signal.aborted) throw cancelled();
  const classes = run.preprocessing.classes;
  const classIndex = new Map(classes.map((name, i) => [name, i]));
  const matrix = classes.map(() => classes.map(() => 0));
  const allRows: FolderPredictionRow[] = [];
  const probabilities: number[][] = [];
  const failed: FolderPrediction['failed'] = [];
  let withTruth = 0;
  let correct = 0;
  const meter = new ProgressMeter((state) => options.onProgress?.({ done: state.done, total: state.total, etaSeconds: state.etaSeconds }));
  let lastYield = performance.now();
  for (let i = 0; i < scan.files.length; i++) {
    if (options.signal.aborted) throw cancelled();
    const file = scan.files[i];
    meter.update(i, scan.files.length);
    let bytes: Uint8Array;
    try {
      const buffer = await readRegularFile(file.absolutePath, policy, { maxBytes: MAX_IMAGE_FILE_BYTES, what: 'an image' });
      bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      const code = error instanceof SinapsisError ? error.code : ((error as NodeJS.ErrnoException).code ?? 'error');
      problems.add(file.relativePath, 'unreadable', `cannot read the file (${code}); check its permissions`, {
        key: 'unreadable-file',
        params: { code },
      });
      continue;
    }
    const inspection = inspectImageFile(file.relativePath, bytes);
    if (!inspection.ok) {
      problems.add(file.relativePath, inspection.code, inspection.reason, inspection.text);
      continue;
    }
    if (inspection.note) problems.add(file.relativePath, inspection.note.code, inspection.note.reason, inspection.note.text);
    let result;
    try {
      result = predictVector(run, sampleFeatures({ kind: 'image', image: inspection.image }, run.preprocessing), options.topK ?? 3);
    } catch (error) {
      if (!(error instanceof SinapsisError)) throw error;
      failed.push({ file: file.relativePath, error: error.toContract() });
      continue;
    }
    const best = result.top[0] ?? { label: '', probability: 0 };
    const truth = classIndex.has(file.className) ? file.className : null;
    allRows.push({ file: file.relativePath, predicted: best.label, probability: best.probability, top: result.top, trueClass: truth });
    probabilities.push(result.probabilities);
    if (truth !== null) {
      withTruth++;
      if (truth === best.label) correct++;
      const predictedIndex = classIndex.get(best.label);
      if (predictedIndex !== undefined) matrix[classIndex.get(truth) ?? 0][predictedIndex]++;
    }
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  }
  meter.update(scan.files.length, scan.files.length, true);
  if (allRows.length === 0 && failed.length === 0) {
    throw new SinapsisError('folder-predict-empty', `The folder ${root} has no image that can be classified.`, { path: root });
  }
  return {
    folder: root,
    total: allRows.length,
    rows: allRows.slice(0, MAX_FOLDER_ROWS),
    allRows,
    probabilities,
    classes,
    accuracy: withTruth > 0 ? { correct, total: withTruth, accuracy: correct / withTruth } : null,
    confusionMatrix: withTruth > 0 ? { labels: [...classes], matrix } : null,
    problems: problems.items.slice(0, MAX_LISTED_PROBLEMS),
    problemsTotal: problems.items.length,
    failed,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The classification as CSV: file, true class (empty without one), predicted class and its probability, the
 * top-k as "label probability" pairs, then one probability column per class (p_<class>), 6 decimals.
 */
export function folderPredictionCsv(result: FolderClassification): string {
  const header = ['file', 'true_class', 'predicted', 'probability', 'top', ...result.classes.map((c) => `p_${c}`)];
  const lines = [header.map(csvCell).join(',')];
  result.allRows.forEach((row, r) => {
    const top = row.top.map((t) => `${t.label} ${t.probability.toFixed(6)}`).join('; ');
    lines.push(
      [row.file, row.trueClass ?? '', row.predicted, row.probability.toFixed(6), top, ...result.probabilities[r].map((p) => p.toFixed(6))]
        .map((v) => csvCell(v))
        .join(','),
    );
  });
  return lines.join('\n') + '\n';
}

/** Classifies and writes the CSV into the run folder (runs.predictFolder), answering the contract's shape. */
export async function classifyFolderIntoRun(run: RunModel, path: string, options: ClassifyFolderOptions): Promise<FolderPrediction> {
  const result = await classifyFolder(run, path, options);
  const csv = folderPredictionCsv(result);
  await writeFileAtomic(join(run.dir, FOLDER_PREDICTIONS_CSV), csv);
  const { allRows: _rows, probabilities: _probabilities, classes: _classes, ...answer } = result;
  return { ...answer, csv: { name: FOLDER_PREDICTIONS_CSV, bytes: Buffer.byteLength(csv) } };
}
