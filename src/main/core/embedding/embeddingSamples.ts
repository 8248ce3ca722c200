import { assertNever } from '../../../shared/assertNever';
import { SinapsisError } from '../../../shared/contract/errors';
import type { EmbeddingLayer, EmbeddingPart, EmbeddingPoint } from '../../../shared/contract/embedding';
import type { FeatureChoice } from '../../../shared/contract/experiment';
import type { RunConfig, RunFeatures } from '../../../shared/contract/runs';
import { applyScaler } from '../../../shared/datasets/scaling';
import type { ImageDataset, TableDataset } from '../datasets/datasetTypes';
import { experimentFeatures } from '../experiment/experimentFeatures';
import type { ExperimentSamples } from '../experiment/experimentSamples';
import type { HogProgress } from '../features/extractHog';
import { classProbabilities } from '../inference/predictSample';
import type { RunModel } from '../inference/runModelCache';
import { hogPipelineOf } from '../inference/sampleFeatures';
import { matrixOf, type Matrix } from './matrix';
import { chosenLayer, layerActivations, modelLayers } from './modelLayers';

/** What a map places: one row per sample, and what each point carries besides its coordinates. */
export interface EmbeddingInput {
  matrix: Matrix;
  points: Omit<EmbeddingPoint, 'x' | 'y'>[];
  classNames: string[];
  /** Z-score the columns first (table columns, whose units differ; see matrix.ts `standardized`). */
  standardize: boolean;
  layers: EmbeddingLayer[] | null;
  layer: EmbeddingLayer | null;
}

export interface SampleOptions {
  signal: AbortSignal;
  /** HOG cache folder (null: none), as Características uses it. */
  cacheDir: string | null;
  onProgress: (stage: 'features' | 'activations', done: number, total: number) => void;
  cancelled: () => Error;
}

type Dataset = ImageDataset | TableDataset;

/** Each sample's position in its dataset: a table row is its own index, an image is found by its file. */
function datasetIndices(dataset: Dataset, samples: ExperimentSamples): number[] {
  if (dataset.kind === 'table') return samples.files.map((_, row) => row);
  const byFile = new Map(dataset.images.map((image, index) => [image.file, index]));
  return samples.files.map((file, row) => (file === null ? row : (byFile.get(file) ?? row)));
}

function features(dataset: Dataset, choice: FeatureChoice, options: SampleOptions): Promise<ExperimentSamples> {
  return experimentFeatures(dataset, choice, {
    signal: options.signal,
    cacheDir: options.cacheDir,
    onHogProgress: (progress: HogProgress) => options.onProgress('features', progress.done, progress.total),
  });
}

function basePoints(dataset: Dataset, samples: ExperimentSamples): Omit<EmbeddingPoint, 'x' | 'y'>[] {
  const indices = datasetIndices(dataset, samples);
  return samples.files.map((file, row) => ({ index: indices[row], file, classIndex: samples.labels ? samples.labels[row] : null }));
}

/** A loaded dataset's features, computed as Características and the experiment compute them (HOG through its cache). */
export async function datasetSamples(dataset: Dataset, choice: FeatureChoice, options: SampleOptions): Promise<EmbeddingInput> {
  const samples = await features(dataset, choice, options);
  const columns = samples.sampleShape.reduce((a, b) => a * b, 1);
  return {
    matrix: matrixOf(samples.files.length, columns, samples.values),
    points: basePoints(dataset, samples),
    classNames: samples.classNames,
    standardize: choice.kind === 'columns',
    layers: null,
    layer: null,
  };
}

/** The feature choice that gives a run's recorded features again (HOG pipeline, pixel size and colour, columns). */
export function choiceOfRun(features: RunFeatures): FeatureChoice {
  switch (features.kind) {
    case 'hog':
      return { kind: 'hog', pipeline: hogPipelineOf(features.details) };
    case 'pixels': {
      const { width, height, colorMode, resizeMode, shape } = features.details;
      // Without a resize every training image already had this size: resizing to it is a copy.
      return { kind: 'pixels', resize: { width, height }, keepShape: shape === 'image', colorMode, resizeMode };
    }
    case 'columns':
      return { kind: 'columns' };
    default:
      return assertNever(features);
  }
}

/** The part of a holdout split each sample was in; null for k-fold runs (every sample is tested once) and imported runs. */
export function partsOf(split: RunConfig['split'], samples: number): (EmbeddingPart | null)[] {
  const parts = new Array<EmbeddingPart | null>(samples).fill(null);
  if (split.kind !== 'holdout') return parts;
  for (const part of ['train', 'validation', 'test'] as const)
    for (const index of split.indices[part] ?? []) if (index < samples) parts[index] = part;
  return parts;
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * A run's layer activations for its own samples: the dataset it was trained on (checked by fingerprint) described
 * as the run described it, scaled with its fitted scaler, run through the model; each point has its split part,
 * true and predicted class.
 */
export async function runSamples(
  dataset: Dataset,
  config: RunConfig,
  run: RunModel,
  requestedLayer: number | undefined,
  options: SampleOptions,
): Promise<EmbeddingInput> {
  if (dataset.summary.fingerprint !== config.dataset.fingerprint) {
    throw new SinapsisError(
      'embedding-dataset-mismatch',
      `Run "${config.runId}" was trained on "${config.dataset.name}", and the loaded dataset "${dataset.summary.name}" is not the same data (its files or rows differ). Load the run's dataset (${config.dataset.source}) in Datos and try again.`,
      { run: config.runId, runDataset: config.dataset.name, dataset: dataset.summary.name },
    );
  }
  const layers = modelLayers(run.model);
  const layer = chosenLayer(layers, requestedLayer);
  const samples = await features(dataset, choiceOfRun(run.preprocessing.features), options);
  const count = samples.files.length;
  const columns = samples.sampleShape.reduce((a, b) => a * b, 1);
  const scaled = run.preprocessing.scaler
    ? Float32Array.from(applyScaler(run.preprocessing.scaler, { values: samples.values, rows: count, columns }))
    : samples.values;
  const activations = await layerActivations(run.model, run.inputShape, scaled, layer, {
    signal: options.signal,
    cancelled: options.cancelled,
    onProgress: (done, total) => options.onProgress('activations', done, total),
  });
  const parts = partsOf(config.split, count);
  const classes = run.preprocessing.classes.length;
  const points = basePoints(dataset, samples).map((point, row) => {
    if (classes === 0) return { ...point, part: parts[row] };
    const outputs = activations.outputs.subarray(row * activations.outputWidth, (row + 1) * activations.outputWidth);
    return { ...point, part: parts[row], predictedIndex: argmax(classProbabilities(outputs, classes)) };
  });
  return {
    matrix: { rows: count, columns: activations.units, values: activations.values },
    points,
    classNames: run.preprocessing.classes,
    standardize: false,
    layers,
    layer,
  };
}
