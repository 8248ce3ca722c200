import { basename, join } from 'node:path';
import type { z } from 'zod';
import { SinapsisError } from '../../../shared/contract/errors';
import type { ProjectFile } from '../../../shared/contract/project';
import { modelFamily } from '../../../shared/models/modelFamily';
import { modelSpecSchema } from '../../../shared/models/modelSpec';
import { experimentSplitOf } from '../../../shared/projects/experimentSplit';
import { classificationReport } from '../evaluation/classificationMetrics';
import { planExperiment } from '../experiment/experimentPlan';
import { parseRunJson } from '../runs/parseRunJson';
import { RUN_FILES } from '../runs/runFolder';
import {
  runConfigFileSchema,
  runMetricsFileSchema,
  runPredictionsFileSchema,
  type RunConfig,
  type RunMetrics,
  type RunPredictions,
} from '../../../shared/contract/runs';
import { readOwnText } from '../files/readOwnFile';
import { appendAll, maxOf } from '../../../shared/arrays';

/** Metrics recomputed from predictions.json must equal metrics.json to this tolerance (both are float64 JSON). */
const TOLERANCE = 1e-9;

/** One run's verdict: ok, a list of exact mismatches, or why its files could not be read. */
export interface CheckRow {
  run: string;
  status: 'ok' | 'mismatch' | 'unreadable';
  /** Test accuracy as recomputed from predictions.json (null when it could not be). */
  accuracy: number | null;
  problems: string[];
}

/** The split the assignment's setup makes of its dataset (same code as training), or why it could not be computed. */
export type ExpectedSplit = { indices: RunConfig['split']['indices']; samples: number } | { unavailable: string };

/** The split an assignment expects on a dataset with these labels (`labelsOf(dataset)`, null for regression). */
export function expectedSplit(assignment: ProjectFile, samples: number, labels: Int32Array | null, classCount: number): ExpectedSplit {
  const plan = planExperiment(samples, labels, classCount, {
    split: experimentSplitOf(assignment.setup.split),
    training: assignment.setup.training,
  });
  return { indices: plan.record.indices, samples };
}

async function readRunFile<T>(dir: string, name: string, schema: z.ZodType<T, unknown>): Promise<T> {
  const path = join(dir, name);
  const text = await readOwnText(path);
  if (text === null) throw new SinapsisError('run-file-missing', `${name} is missing`, { path });
  return parseRunJson(text, name, schema);
}

const short = (fingerprint: string | null | undefined): string => (fingerprint ? fingerprint.slice(0, 12) : '—');
const near = (a: number | null | undefined, b: number | null | undefined): boolean =>
  a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) <= TOLERANCE;
const sameList = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);

/** What the assignment locks, checked against the run's config.json. */
function lockProblems(assignment: ProjectFile, config: RunConfig, split: ExpectedSplit): string[] {
  const locks = assignment.assignment?.locks;
  const setup = assignment.setup;
  const problems: string[] = [];
  if (!locks) return problems;
  if (locks.dataset && setup.dataset && config.dataset.fingerprint !== setup.dataset.fingerprint) {
    problems.push(
      `dataset fingerprint ${short(config.dataset.fingerprint)} (expected ${short(setup.dataset.fingerprint)}: other data than "${setup.dataset.name}")`,
    );
  }
  if (locks.split) {
    if (config.training.seed !== setup.training.seed) problems.push(`seed ${config.training.seed} (expected ${setup.training.seed})`);
    const wantedKind = setup.split.method === 'holdout' || setup.split.method === 'train-val-test' ? 'holdout' : 'kfold';
    if (config.split.kind !== wantedKind) problems.push(`split ${config.split.kind} (expected ${wantedKind}, ${setup.split.method})`);
    else if ('unavailable' in split) problems.push(`split indices not verified: ${split.unavailable}`);
    else {
      for (const [part, expected] of Object.entries(split.indices)) {
        const found = config.split.indices[part];
        if (!sameList(found, expected)) {
          const differing = found ? expected.filter((index) => !found.includes(index)).length : expected.length;
          problems.push(
            `split indices differ in "${part}" (${found?.length ?? 0} samples, ${differing} of the expected ${expected.length} missing)`,
          );
        }
      }
    }
  }
  if (locks.features) {
    const wanted = setup.features?.kind ?? (config.dataset.kind === 'csv' ? 'columns' : 'hog');
    if (config.features.kind !== wanted) problems.push(`features ${config.features.kind} (expected ${wanted})`);
    else if (config.features.kind === 'hog') {
      const details = config.features.details;
      const params = (setup.features?.kind === 'hog' ? setup.features.pipeline : setup.hogPipeline).params;
      for (const key of Object.keys(params) as (keyof typeof params)[]) {
        if (JSON.stringify(details[key]) !== JSON.stringify(params[key]))
          problems.push(`HOG ${key} ${JSON.stringify(details[key])} (expected ${JSON.stringify(params[key])})`);
      }
    }
    if (config.preprocessing.scaling !== setup.scaling)
      problems.push(`scaling ${config.preprocessing.scaling} (expected ${setup.scaling})`);
  }
  const spec = modelSpecSchema.safeParse(config.model.spec);
  if (locks.model.kind !== 'free' && !spec.success) problems.push('config.json model.spec is not a model Sinapsis can read');
  else if (locks.model.kind === 'families' && spec.success && !locks.model.families.includes(modelFamily(spec.data))) {
    problems.push(`model family ${modelFamily(spec.data)} (allowed: ${locks.model.families.join(', ')})`);
  } else if (locks.model.kind === 'fixed' && spec.success) {
    const shape = (s: typeof spec.data) => JSON.stringify({ inputShape: s.inputShape, layers: s.layers, seed: s.seed });
    if (shape(spec.data) !== shape(setup.model)) problems.push("model differs from the assignment's fixed model");
  }
  if (locks.epochs && (config.training.epochs < locks.epochs.min || config.training.epochs > locks.epochs.max)) {
    problems.push(`epochs ${config.training.epochs} (allowed ${locks.epochs.min}-${locks.epochs.max})`);
  }
  return problems;
}

/** metrics.json against what predictions.json says: accuracy, confusion matrix, per-class metrics; predictions against config. */
function metricProblems(
  config: RunConfig,
  metrics: RunMetrics,
  predictions: RunPredictions,
): { problems: string[]; accuracy: number | null } {
  const problems: string[] = [];
  if (metrics.datasetFingerprint !== config.dataset.fingerprint)
    problems.push(
      `metrics.json fingerprint ${short(metrics.datasetFingerprint)} differs from config.json's ${short(config.dataset.fingerprint)}`,
    );
  if (metrics.seed !== config.training.seed)
    problems.push(`metrics.json seed ${metrics.seed} differs from config.json's ${config.training.seed}`);
  const labels = predictions.labels;
  const wrongArgmax = predictions.predictions.filter(
    (p) => p.probabilities.length === labels.length && p.probabilities.indexOf(maxOf(p.probabilities)) !== p.predictedClass,
  );
  if (wrongArgmax.length)
    problems.push(
      `predictions.json: ${wrongArgmax.length} predicted classes are not the most probable one (first: sample ${wrongArgmax[0].index})`,
    );
  const outOfRange = predictions.predictions.find(
    (p) => p.trueClass < 0 || p.trueClass >= labels.length || p.predictedClass < 0 || p.predictedClass >= labels.length,
  );
  if (outOfRange)
    return {
      problems: [...problems, `predictions.json: sample ${outOfRange.index} has a class outside the ${labels.length} labels`],
      accuracy: null,
    };
  // Hold-out: predictions are the test part; k-fold: every held-out fold.
  const evaluated = config.split.kind === 'holdout' ? (config.split.indices.test ?? []) : Object.values(config.split.indices).flat();
  const predictedIndices = predictions.predictions.map((p) => p.index);
  if (
    !sameList(
      [...predictedIndices].sort((a, b) => a - b),
      [...evaluated].sort((a, b) => a - b),
    )
  ) {
    problems.push(`predictions.json covers ${predictedIndices.length} samples, not the ${evaluated.length} evaluated ones of config.json`);
  }
  const report = classificationReport(
    predictions.predictions.map((p) => p.trueClass),
    predictions.predictions.map((p) => p.predictedClass),
    labels,
  );
  const stated = config.split.kind === 'holdout' ? metrics.accuracy.test : (metrics.kfold?.accuracy.mean ?? null);
  // K-fold's reported accuracy is the mean over folds; the pooled one equals it only for equal folds, so compare the matrix there.
  if (config.split.kind === 'holdout' && !near(report.accuracy, stated)) {
    problems.push(`metrics.json test accuracy ${stated ?? '—'} but predictions.json gives ${report.accuracy}`);
  }
  if (JSON.stringify(metrics.confusionMatrix.labels) !== JSON.stringify(labels))
    problems.push('metrics.json confusion-matrix labels differ from predictions.json');
  else if (JSON.stringify(metrics.confusionMatrix.matrix) !== JSON.stringify(report.confusionMatrix)) {
    const cell = report.confusionMatrix
      .flatMap((row, i) => row.map((count, j) => ({ i, j, count })))
      .find(({ i, j, count }) => metrics.confusionMatrix.matrix[i]?.[j] !== count);
    problems.push(
      cell
        ? `metrics.json confusion matrix [${labels[cell.i]}→${labels[cell.j]}] is ${metrics.confusionMatrix.matrix[cell.i]?.[cell.j] ?? '—'}, predictions.json gives ${cell.count}`
        : 'metrics.json confusion matrix has another shape than predictions.json gives',
    );
  }
  for (const computed of report.perClass) {
    const stored = metrics.perClass.find((row) => row.label === computed.label);
    if (!stored) {
      problems.push(`metrics.json has no per-class row for "${computed.label}"`);
      continue;
    }
    for (const key of ['precision', 'recall', 'f1', 'support'] as const) {
      if (!near(stored[key], computed[key]))
        problems.push(`metrics.json ${key} of "${computed.label}" is ${stored[key]}, predictions.json gives ${computed[key]}`);
    }
  }
  return { problems, accuracy: report.accuracy };
}

/**
 * Checks one returned run folder against the assignment: the locks on its config.json, its metrics.json against
 * its own predictions.json, and that it ran to the end. Never throws for a damaged run: that is a row too.
 */
export async function checkRun(assignment: ProjectFile, dir: string, split: ExpectedSplit): Promise<CheckRow> {
  const run = basename(dir);
  let config: RunConfig;
  let metrics: RunMetrics;
  let predictions: RunPredictions;
  try {
    config = await readRunFile(dir, RUN_FILES.config, runConfigFileSchema);
    metrics = await readRunFile(dir, RUN_FILES.metrics, runMetricsFileSchema);
    predictions = await readRunFile(dir, RUN_FILES.predictions, runPredictionsFileSchema);
  } catch (error) {
    const reason = error instanceof SinapsisError ? unreadableReason(error) : String(error);
    return { run, status: 'unreadable', accuracy: null, problems: [reason] };
  }
  const problems: string[] = [];
  if (metrics.status !== 'completed') problems.push(`the run did not complete (status ${metrics.status})`);
  appendAll(problems, lockProblems(assignment, config, split));
  const checked = metricProblems(config, metrics, predictions);
  appendAll(problems, checked.problems);
  return { run, status: problems.length ? 'mismatch' : 'ok', accuracy: checked.accuracy, problems };
}

function unreadableReason(error: SinapsisError): string {
  const name = String(error.params?.path ?? '')
    .split(/[\\/]/)
    .pop();
  if (error.code === 'run-file-missing') return `${name} is missing`;
  if (error.code === 'run-file-corrupt') return `${name} is not valid JSON (edited or damaged)`;
  if (error.code === 'run-file-invalid') return `${name} does not have the expected content (field ${String(error.params?.field ?? '?')})`;
  return error.message;
}
