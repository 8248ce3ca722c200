import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SinapsisError, type ContractError } from '../../../shared/contract/errors';
import type { z } from 'zod';
import type { experimentPhaseSchema, ExperimentRequest, ExperimentResult } from '../../../shared/contract/experiment';
import type { Slots } from '../tasks/slots';
import type { Scaler } from '../../../shared/datasets/scaling';
import { activationKind } from '../../../shared/models/modelSpec';
import { checkMemoryBudget, estimateMemory } from '../../../shared/models/modelChecks';
import { summarizeModel, type ModelSummary } from '../../../shared/models/shapes';
import { effectiveBatchSize } from '../../../shared/models/trainingSettings';
import { APP_NAME, APP_VERSION } from '../app/version';
import type { DatasetStore } from '../datasets/datasetStore';
import { labelsOf, type ImageDataset, type TableDataset } from '../datasets/datasetTypes';
import { checkMinimumData, checkTrainingHoldsEveryClass, type DataCounts } from '../datasets/minimumData';
import type { TrainingControls } from '../engine/trainingControls';
import type { BatchProgress, EpochRecord } from '../engine/trainLoop';
import type { TrainingOutcome } from '../engine/trainingJob';
import { TrainingSession } from '../engine/trainingSession';
import type { HogProgress } from '../features/extractHog';
import { saveModelArtifacts } from '../models/modelArtifactsFile';
import { tfjsVersion } from '../models/tfjsVersion';
import { exportRunReport } from '../reports/exportRunReport';
import { writeRunExports } from '../reports/runExports';
import { latestFileWriter, withDeferredSync, writeJsonAtomic } from '../runs/atomicWrite';
import { runWriteError, writingRunFile } from '../runs/writeFailure';
import { toCsv } from '../runs/historyCsv';
import { createRunFolder, finishRun, newRunId, RUN_FILES } from '../runs/runFolder';
import {
  HISTORY_COLUMNS,
  RUN_FORMAT_VERSION,
  type RunConfig,
  type RunPredictions,
  type RunPreprocessing,
} from '../../../shared/contract/runs';
import { experimentFeatures } from './experimentFeatures';
import { collectPredictions, experimentMetrics, historyRows, type FoldRun } from './experimentMetrics';
import { planExperiment, type ExperimentPlan } from './experimentPlan';
import { featureLength, sampleCount, type ExperimentSamples } from './experimentSamples';
import { ExperimentControl } from './experimentControl';
import { diagramSampleOf } from '../datasets/diagramSample';
import { misclassifiedThumbnails } from './misclassifiedThumbnails';
import { scaleFeatures } from './scaleFeatures';
import { augmentedTrainingSamples } from './augmentTraining';
import { decisionPlane, type DecisionPlane, type PlanePoint } from './decisionPlane';
import { InspectionRecorder } from './inspectionRecorder';
import type { EpochInspection } from '../engine/epochInspection';
import { diagnoseTraining, featureSpread, type Diagnosis } from '../evaluation/diagnosis';
import { outputActivationOf } from '../../../shared/models/lossPairing';

/** Folder names that are also valid run ids (runs.get and the history list address runs by folder name). */
const RUN_ID_PATTERN = /^\w[\w.-]{0,79}$/;

export type ExperimentPhase = z.infer<typeof experimentPhaseSchema>;

export interface ExperimentEvents {
  progress(event: {
    runId: string;
    phase: ExperimentPhase;
    fold: number | null;
    folds: number | null;
    done?: number;
    total?: number;
    position?: number;
  }): void;
  batch(progress: BatchProgress & { engine: TrainingOutcome['engine'] }): void;
  /** An epoch, with the diagnosis of the fold's epochs so far. */
  epoch(record: EpochRecord & { engine: TrainingOutcome['engine']; diagnosis: Diagnosis[] }): void;
  /** Weight histograms and, for two-feature data, the decision regions; optional (the CLI does not draw them). */
  inspection?(
    event: Omit<EpochInspection, 'boundary'> & { boundary: { plane: DecisionPlane; values: number[]; points: PlanePoint[] } | null },
  ): void;
}

export interface ExperimentDeps {
  runsRoot: string;
  store: DatasetStore;
  /** Where train.pause/resume/stop find this experiment (the workspace's); the CLI has none. */
  controls?: TrainingControls;
  signal: AbortSignal;
  events: ExperimentEvents;
  /**
   * The places for trainings on this core (a lab server's whole class shares them): the experiment waits for one
   * before its features and training, telling its place in line. Absent (the CLI): it starts at once.
   */
  slots?: Slots;
  /** HOG cache folder (undefined: the default one; null: none). */
  cacheDir?: string | null;
  /** The app's version strings recorded in config.json. */
  electron?: string | null;
  /** Write the run into exactly this folder (it must be new or empty) instead of a new one under `runsRoot`. */
  runDir?: string;
}

/** The run's folder: a new `<runsRoot>/<runId>`, or the folder the caller named, refused when it already holds files. */
async function makeRunFolder(deps: ExperimentDeps, runId: string): Promise<string> {
  if (!deps.runDir) return (await createRunFolder(deps.runsRoot, runId)).dir;
  const dir = resolve(deps.runDir);
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) {
    throw new SinapsisError(
      'run-folder-not-empty',
      `${dir} already contains files; a run never overwrites another. Choose a new folder for --out.`,
      { path: dir },
    );
  }
  return (await createRunFolder(dirname(dir), basename(dir))).dir;
}

/** Samples per class as loaded, before any feature is computed (for the minimum-data rule). */
function datasetCounts(dataset: ImageDataset | TableDataset): DataCounts {
  const labels = labelsOf(dataset);
  const samples = dataset.kind === 'images' ? dataset.images.length : dataset.rows;
  return {
    samples,
    classes: labels ? { names: dataset.classNames, counts: countClasses(labels, dataset.classNames.length) } : null,
    name: dataset.summary.name,
  };
}

function sampleCounts(samples: ExperimentSamples, name: string): DataCounts {
  const classes = samples.labels ? { names: samples.classNames, counts: countClasses(samples.labels, samples.classNames.length) } : null;
  return { samples: sampleCount(samples), classes, name };
}

function countClasses(labels: Int32Array, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

function datasetRecord(dataset: ImageDataset | TableDataset, samples: ExperimentSamples): RunConfig['dataset'] {
  const counts = samples.labels ? countClasses(samples.labels, samples.classNames.length) : samples.classNames.map(() => 0);
  const loadProblems =
    dataset.kind === 'images' ? dataset.summary.problems.filter((p) => p.skipped).map((p) => ({ file: p.file, reason: p.reason })) : [];
  return {
    name: dataset.summary.name,
    kind: dataset.kind === 'images' ? 'images' : 'csv',
    source: dataset.kind === 'images' ? dataset.root : dataset.summary.source,
    fingerprint: dataset.summary.fingerprint,
    classes: samples.classNames,
    counts,
    samples: sampleCount(samples),
    problems: [...loadProblems, ...samples.skipped],
  };
}

function modelRecord(request: ExperimentRequest, summary: ModelSummary): RunConfig['model'] {
  return {
    spec: request.model,
    layers: summary.layers.map((layer) => {
      const spec = request.model.layers[layer.index];
      const activation = 'activation' in spec && spec.activation !== undefined ? activationKind(spec.activation) : undefined;
      return {
        name: `${layer.type}_${layer.index + 1}`,
        type: layer.type,
        outputShape: [null, ...layer.outputShape],
        params: layer.params,
        ...(activation ? { activation } : {}),
      };
    }),
    totalParams: summary.totalParams,
  };
}

function configOf(
  runId: string,
  request: ExperimentRequest,
  dataset: ImageDataset | TableDataset,
  samples: ExperimentSamples,
  plan: ExperimentPlan,
  summary: ModelSummary,
  electron: string | null,
): RunConfig {
  const t = request.training;
  return {
    formatVersion: RUN_FORMAT_VERSION,
    runId,
    createdAt: new Date().toISOString(),
    app: {
      name: APP_NAME,
      version: APP_VERSION,
      tfjs: tfjsVersion(),
      node: process.versions.node,
      platform: `${process.platform} ${process.arch}`,
      electron,
    },
    backend: request.backend,
    engine: t.engine,
    dataset: datasetRecord(dataset, samples),
    features: samples.features,
    preprocessing: { scaling: request.scaling },
    model: modelRecord(request, summary),
    training: {
      optimizer: t.optimizer,
      learningRate: t.learningRate,
      momentum: t.momentum,
      batchSize: t.batchSize,
      epochs: t.epochs,
      loss: t.loss,
      l2: t.l2,
      earlyStopping: t.earlyStopping ? { patience: t.earlyStopping.patience, restoreBest: t.earlyStopping.restoreBestWeights } : null,
      seed: t.seed,
    },
    split: plan.record,
    augmentation: request.augmentation,
  };
}

/** Refuses, before any work, a model that cannot be built or would not fit in memory with `samples` samples. */
function checkModel(request: ExperimentRequest, samples: number): ModelSummary {
  const summary = summarizeModel(request.model);
  const estimate = estimateMemory(summary, {
    batchSize: effectiveBatchSize(request.training, samples),
    samples,
    optimizer: request.training.optimizer,
    momentum: request.training.momentum,
  });
  checkMemoryBudget(estimate);
  return summary;
}

function checkFeaturesFitModel(samples: ExperimentSamples, summary: ModelSummary): void {
  const size = featureLength(samples);
  const inputSize = summary.inputShape.reduce((a, b) => a * b, 1);
  if (size !== inputSize) {
    throw new SinapsisError(
      'data-input-mismatch',
      `Each sample has ${size} features (${samples.sampleShape.join('×')}), but the model's input expects ${inputSize} (${summary.inputShape.join('×')}). Set the model's input shape to match the features.`,
      { data: samples.sampleShape.join('×'), model: summary.inputShape.join('×') },
    );
  }
}

/**
 * One experiment, from a loaded dataset to a finished run folder: features, seeded split, scaling fitted on the
 * training part, training in a worker (one per fold), evaluation and every file of the run. The run folder is
 * written as training goes (config first, history after every epoch), so a stop or a crash keeps what was done.
 */
export async function runExperiment(request: ExperimentRequest, deps: ExperimentDeps): Promise<ExperimentResult> {
  const started = performance.now();
  const runId = deps.runDir && RUN_ID_PATTERN.test(basename(deps.runDir)) ? basename(deps.runDir) : newRunId();
  const { events, signal } = deps;
  const progress = (
    phase: ExperimentPhase,
    fold: number | null = null,
    folds: number | null = null,
    counts: { done?: number; total?: number; position?: number } = {},
  ): void => events.progress({ runId, phase, fold, folds, ...counts });

  progress('preparing');
  const dataset = deps.store.get(request.datasetId, 'images', 'table');
  const control = new ExperimentControl();
  const unregister = deps.controls?.register(request.taskId, control) ?? (() => undefined);
  const onAbort = (): void => control.stop();
  signal.addEventListener('abort', onAbort);
  // A cancel that came before the listener (e.g. from inside the 'preparing' event) must not be lost.
  if (signal.aborted) control.stop();
  let releaseSlot = (): void => undefined;
  try {
    releaseSlot = await waitForSlot(deps.slots, control, (position) => progress('queued', null, null, { position }));
    if (request.augmentation && dataset.kind !== 'images') {
      throw new SinapsisError(
        'augmentation-needs-images',
        'Data augmentation transforms images; this dataset is a table. Turn augmentation off to train on it.',
      );
    }
    // The memory check comes before the features: raw pixels of many large images would fill memory on their own.
    const samplesPlanned = dataset.kind === 'images' ? dataset.images.length * (1 + (request.augmentation?.copies ?? 0)) : dataset.rows;
    const summary = checkModel(request, samplesPlanned);
    checkMinimumData(datasetCounts(dataset), request.split);
    progress('features');
    const samples = await experimentFeatures(dataset, request.features, {
      signal,
      cacheDir: deps.cacheDir,
      onHogProgress: (hog: HogProgress) => progress('features', null, null, { done: hog.done, total: hog.total }),
    });
    const total = sampleCount(samples);
    checkFeaturesFitModel(samples, summary);
    if (request.scaling === 'channel' && samples.channels === undefined) {
      throw new SinapsisError(
        'scaling-needs-pixels',
        'Scaling per colour channel applies to raw-pixel features only; choose z-score or min-max for HOG and table columns.',
      );
    }
    // Images that could not be turned into features are dropped: the rule holds again for what is left.
    if (samples.skipped.length > 0) checkMinimumData(sampleCounts(samples, dataset.summary.name), request.split);
    const plan = planExperiment(total, samples.labels, samples.classNames.length, request);
    for (const fold of plan.folds) checkTrainingHoldsEveryClass(fold.train, samples.labels, samples.classNames, dataset.summary.name);
    if (control.stopped)
      throw new SinapsisError('experiment-cancelled', 'The experiment was stopped before training started; no run was written.');

    const dir = await makeRunFolder(deps, runId);
    try {
      return await trainAndWrite({ request, deps, dataset, samples, plan, summary, control, runId, dir, started, progress });
    } catch (error) {
      await recordFailure(dir, error);
      throw error;
    }
  } finally {
    releaseSlot();
    signal.removeEventListener('abort', onAbort);
    unregister();
  }
}

/** Waits for a place to train (none needed without `slots`); a stop while waiting ends the experiment unwritten. */
async function waitForSlot(
  slots: Slots | undefined,
  control: ExperimentControl,
  onPosition: (position: number) => void,
): Promise<() => void> {
  if (!slots) return () => undefined;
  try {
    return await slots.acquire(control.stopSignal, onPosition);
  } catch (error) {
    if (control.stopped)
      throw new SinapsisError('experiment-cancelled', 'The experiment was stopped while it waited for its turn; no run was written.');
    throw error;
  }
}

/**
 * Ends a run that could not finish as `failed`, keeping its files in agreement: metrics.json is what says a run has
 * results, so it goes when the status cannot say `completed` (and its space with it, on a full disk, so the status
 * can still be written). If even the status cannot be written, the run stays `running` on disk and the next start
 * (or any listing, by its dead process) shows it as `incomplete`; the error the caller gets names the first failure.
 */
async function recordFailure(dir: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await rm(join(dir, RUN_FILES.metrics), { force: true }).catch(() => undefined);
  await finishRun(dir, 'failed', message).catch(() => undefined);
}

/**
 * One fold's training data: the samples, plus the random variants of its training images when augmentation is on
 * (appended after the real samples, so every real sample keeps its index and only the training part grows).
 */
async function foldTrainingData(
  context: TrainContext,
  train: number[],
  fold: number,
): Promise<{ values: Float32Array; labels: Int32Array | null; train: number[] }> {
  const { request, dataset, samples, deps } = context;
  if (!request.augmentation || dataset.kind !== 'images' || !samples.labels)
    return { values: samples.values, labels: samples.labels, train };
  const extra = await augmentedTrainingSamples(
    dataset,
    samples,
    train,
    request.augmentation,
    request.features,
    request.training.seed + 7919 * fold,
    deps.signal,
  );
  const total = sampleCount(samples);
  const values = new Float32Array(samples.values.length + extra.values.length);
  values.set(samples.values);
  values.set(extra.values, samples.values.length);
  const labels = new Int32Array(total + extra.labels.length);
  labels.set(samples.labels);
  labels.set(extra.labels, total);
  return { values, labels, train: [...train, ...Array.from({ length: extra.labels.length }, (_, i) => total + i)] };
}

interface TrainContext {
  request: ExperimentRequest;
  deps: ExperimentDeps;
  dataset: ImageDataset | TableDataset;
  samples: ExperimentSamples;
  plan: ExperimentPlan;
  summary: ModelSummary;
  control: ExperimentControl;
  runId: string;
  dir: string;
  started: number;
  progress: (phase: ExperimentPhase, fold?: number | null, folds?: number | null) => void;
}

/**
 * Whether the live diagnosis is recomputed at this epoch, given the epoch it was last computed at: it reads every
 * epoch so far, so recomputing it at each of 100,000 epochs is quadratic and starved the process (a full disk's
 * write error was never heard). Every epoch up to 50, then once 2 % more epochs have passed, and at the last planned
 * one; the events in between repeat the last diagnosis.
 */
export function liveDiagnosisDue(epoch: number, lastComputed: number, plannedEpochs: number): boolean {
  return epoch <= 50 || epoch === plannedEpochs || epoch - lastComputed >= epoch / 50;
}

async function trainAndWrite(context: TrainContext): Promise<ExperimentResult> {
  const { request, deps, dataset, samples, plan, summary, control, runId, dir, progress } = context;
  const config = configOf(runId, request, dataset, samples, plan, summary, deps.electron ?? null);
  await writingRunFile(join(dir, RUN_FILES.config), () => writeJsonAtomic(join(dir, RUN_FILES.config), config));

  const columns = featureLength(samples);
  const outputWidth = summary.outputShape.reduce((a, b) => a * b, 1);
  const runs: FoldRun[] = [];
  let scaler: Scaler | null = null;
  let engine: TrainingOutcome['engine'] = 'tfjs';
  let problem: ContractError | null = null;
  // What the diagnosis reads besides the curves, the same live (each epoch event) and in metrics.json.
  const diagnosisSettings = {
    loss: request.training.loss,
    outputActivation: outputActivationOf(request.model),
    learningRate: request.training.learningRate,
    scaling: request.scaling,
    // Raw feature scales on the first training part (tables and vectors; image tensors are pixels of one scale).
    featureSpread:
      samples.sampleShape.length === 1 && plan.folds[0] ? featureSpread(samples.values, samples.sampleShape[0], plan.folds[0].train) : null,
  };
  const classes = samples.labels ? samples.classNames.length : null;
  // history.csv is rewritten after every epoch (merged while a write is on disk): a killed process leaves the curves up to its last epochs.
  const live: EpochRecord[][] = plan.folds.map(() => []);
  const inspections = new InspectionRecorder(plan.folds.length);
  const historyPath = join(dir, RUN_FILES.history);
  // A history.csv that cannot be written (full disk, read-only) stops the training after the current batch.
  const history = latestFileWriter(
    historyPath,
    () => toCsv(HISTORY_COLUMNS, historyRows(plan.kind, live)),
    () => control.stop(),
  );

  let liveDiagnosis: Diagnosis[] = [];
  let liveDiagnosisEpoch = 0;
  for (let f = 0; f < plan.folds.length && !control.stopped && !problem; f++) {
    const fold = plan.folds[f];
    progress('training', plan.kind === 'kfold' ? f + 1 : null, plan.kind === 'kfold' ? plan.folds.length : null);
    const data = await foldTrainingData(context, fold.train, f);
    const scaled = scaleFeatures(data.values, columns, data.train, request.scaling, samples.channels ?? null);
    scaler = scaled.scaler;
    const plane = decisionPlane(samples, fold, scaled.scaler, outputWidth);
    const session = new TrainingSession(
      {
        spec: request.model,
        settings: request.training,
        data: {
          sampleShape: samples.sampleShape,
          features: scaled.values,
          ...(data.labels ? { labels: data.labels } : { targets: samples.targets ?? new Float64Array(0) }),
        },
        folds: [{ train: data.train, validation: fold.validation }],
        backend: request.backend,
        evaluation: { test: fold.evaluation, predict: true },
        inspection: { grid: plane?.grid ?? null },
      },
      {
        engine: (name) => (engine = name),
        batch: (batch) => deps.events.batch({ ...batch, fold: f, engine }),
        epoch: (record) => {
          live[f].push(record);
          history.request();
          // The live diagnosis: the same function as metrics.json's, on this fold's epochs so far.
          if (liveDiagnosisDue(record.epoch, liveDiagnosisEpoch, request.training.epochs)) {
            liveDiagnosis = diagnoseTraining({ ...diagnosisSettings, history: live[f], classes });
            liveDiagnosisEpoch = record.epoch;
          }
          deps.events.epoch({ ...record, fold: f, engine, diagnosis: liveDiagnosis });
        },
        inspection: (inspection) => {
          const event = {
            ...inspection,
            fold: f,
            boundary: plane && inspection.boundary ? { plane: plane.plane, values: inspection.boundary, points: plane.points } : null,
          };
          inspections.record(event);
          deps.events.inspection?.(event);
        },
      },
    );
    control.attach(session);
    try {
      const outcome = await session.finished;
      runs.push({ outcome });
      engine = outcome.engine;
      problem = outcome.problem;
    } finally {
      control.detach(session);
    }
  }
  // One last write, also for a run stopped before its first epoch (its history.csv is the header alone).
  history.request();
  await writingRunFile(historyPath, () => history.flush());

  progress('evaluating');
  const last = runs[runs.length - 1]?.outcome ?? null;
  const predictions = collectPredictions(samples, plan, runs, outputWidth);
  const stopped = control.stopped || runs.some((run) => run.outcome.stopped);
  const status = problem ? 'failed' : stopped ? 'stopped' : 'completed';
  const backend = last?.backend ?? 'none';
  const metrics = experimentMetrics({
    samples,
    plan,
    runs,
    predictions,
    status,
    backend,
    engine,
    seed: request.training.seed,
    datasetFingerprint: config.dataset.fingerprint,
    seconds: (performance.now() - context.started) / 1000,
    misclassifiedSample: request.misclassifiedSample,
    diverged: problem?.code === 'training-diverged',
    diagnosis: diagnosisSettings,
  });

  progress('writing');
  // Every file before metrics.json: a run has metrics only once all its results are on disk, so a write that fails
  // on the way (full disk, read-only) leaves a failed run without metrics, never "completed" metrics of a failed run.
  const write = (name: string, value: unknown) => writingRunFile(join(dir, name), () => writeJsonAtomic(join(dir, name), value));
  // Each file flushed to disk at the end of this block, all at once (atomicWrite.ts), then metrics.json on its own.
  const finalConfig: RunConfig = { ...config, backend, engine };
  await writingRunFile(dir, () =>
    withDeferredSync(async () => {
      await write(RUN_FILES.config, finalConfig);
      if (last?.artifacts) {
        const artifacts = last.artifacts;
        await writingRunFile(join(dir, RUN_FILES.model), () => saveModelArtifacts(join(dir, RUN_FILES.model), artifacts));
      }
      const preprocessing: RunPreprocessing = {
        formatVersion: RUN_FORMAT_VERSION,
        scaling: request.scaling,
        scaler,
        features: config.features,
        sampleShape: samples.sampleShape,
        classes: samples.classNames,
      };
      await write(RUN_FILES.preprocessing, preprocessing);
      const predictionsFile: RunPredictions = { formatVersion: RUN_FORMAT_VERSION, labels: samples.classNames, predictions };
      await write(RUN_FILES.predictions, predictionsFile);
      await write(RUN_FILES.inspection, inspections.file());
      if (dataset.kind === 'images') await write(RUN_FILES.thumbnails, misclassifiedThumbnails(dataset, metrics.misclassified));
      const sample = diagramSampleOf(dataset, request.features);
      if (sample) await write(RUN_FILES.diagramSample, sample);
      const record = { dir, config: finalConfig, metrics, history: historyRows(plan.kind, live) };
      await writingRunFile(join(dir, RUN_FILES.reportHtml), () =>
        exportRunReport(dir, { language: request.language, pdf: false, run: record }),
      );
      await writingRunFile(dir, () => writeRunExports(dir, { language: request.language, run: record }));
    }),
  );
  await write(RUN_FILES.metrics, metrics);
  try {
    await finishRun(dir, status, problem?.message);
  } catch (error) {
    throw runWriteError(join(dir, RUN_FILES.status), error);
  }
  return {
    runId,
    dir,
    status,
    accuracy: metrics.accuracy,
    engine,
    backend,
    workers: last?.workers ?? 1,
    epochsRun: metrics.epochsRun,
    seconds: metrics.seconds,
    problem,
  };
}
