import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LOCAL_FILES, readRegularFile, type FileAccessPolicy } from '../files';
import { fileNotRegular, ownFileRefusal } from '../files/readOwnFile';
import { SinapsisError } from '../../../shared/contract/errors';
import type { FeatureChoice } from '../../../shared/contract/experiment';
import type { ImportScaling, ModelImportResult } from '../../../shared/contract/inference';
import { pixelChannels } from '../../../shared/features/pixelOptions';
import { pixelDetails } from '../features/pixelDetails';
import { hogLength } from '../../../shared/features/hogLength';
import { APP_NAME, APP_VERSION } from '../app/version';
import { loadModel, MODEL_JSON, modelArtifacts, saveModelArtifacts } from '../models/modelIO';
import { writeFileAtomic, writeJsonAtomic } from '../runs/atomicWrite';
import { toCsv } from '../runs/historyCsv';
import { createRunFolder, finishRun, newRunId, RUN_FILES } from '../runs/runFolder';
import { HISTORY_COLUMNS, RUN_FORMAT_VERSION, runConfigFileSchema, type RunConfig, type RunMetrics } from '../../../shared/contract/runs';
import { parsePreprocessing, type PreprocessingFile } from './preprocessingFile';
import { product } from './runModelCache';

/**
 * model.import: a tfjs model folder (exported from a Sinapsis run, or made elsewhere) becomes a new run under the
 * runs folder, so Evaluación lists it and it can predict. Everything is checked before the run folder is made:
 * model.json parses, its weight files are inside the folder and as large as the weights it declares, tfjs can
 * build the model, and the model's input fits the features that will feed it.
 */

export interface ImportRequest {
  path: string;
  features?: FeatureChoice;
  scaling?: ImportScaling;
  classes?: string[];
  name?: string;
}

/** model.json larger than this is not a layers model we can use (topologies are a few kB to a few MB). */
const MAX_MODEL_JSON_BYTES = 64 * 1024 * 1024;
/** Weights beyond this would not fit the lab PCs' memory next to everything else. */
const MAX_WEIGHT_BYTES = 1024 * 1024 * 1024;
const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, float16: 2 };

function corrupt(path: string, reason: string): SinapsisError {
  return new SinapsisError('model-import-corrupt', `${path} is not a usable tfjs model: ${reason}.`, { path, reason });
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Where the model, and the run files that may come with it, are: `path` holds model.json, or is a run folder with model/. */
async function locate(path: string, files: FileAccessPolicy): Promise<{ modelDir: string; companionDirs: string[] }> {
  // The policy first: a refused folder gets its one message before anything says whether it exists.
  if (isAbsolute(path)) files.check(path);
  if (!isAbsolute(path))
    throw new SinapsisError(
      'model-import-path',
      `"${path}" is not an absolute folder path; give the full path of the folder holding model.json.`,
      { path },
    );
  const info = await stat(path).catch(() => null);
  if (!info) throw new SinapsisError('model-import-path', `"${path}" does not exist.`, { path });
  if (!info.isDirectory())
    throw new SinapsisError('model-import-path', `"${path}" is a file; choose the folder that holds model.json.`, { path });
  const folder = await realpath(path);
  if (existsSync(join(folder, MODEL_JSON))) {
    // A run's model/ folder: its preprocessing.json and config.json are one level up.
    return { modelDir: folder, companionDirs: basename(folder) === RUN_FILES.model ? [folder, dirname(folder)] : [folder] };
  }
  if (existsSync(join(folder, RUN_FILES.model, MODEL_JSON))) return { modelDir: join(folder, RUN_FILES.model), companionDirs: [folder] };
  throw new SinapsisError(
    'model-import-no-model',
    `"${path}" has no ${MODEL_JSON}. Choose the folder of an exported model (model.json + weights.bin), e.g. a run's model folder.`,
    { path },
  );
}

interface ModelJson {
  modelTopology: Record<string, unknown>;
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
}

/** Parses model.json and checks every weight file: named inside the folder, present, and exactly as large as declared. */
async function checkModelFolder(modelDir: string, files: FileAccessPolicy): Promise<void> {
  const file = join(modelDir, MODEL_JSON);
  const text = await readImportedFile(file, files);
  let json: ModelJson;
  try {
    json = JSON.parse(text) as ModelJson;
  } catch {
    throw corrupt(file, 'it is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || typeof json.modelTopology !== 'object' || json.modelTopology === null)
    throw corrupt(file, 'it has no modelTopology (only layers models can be imported)');
  if (!Array.isArray(json.weightsManifest)) throw corrupt(file, 'it has no weightsManifest');
  let declared = 0;
  let present = 0;
  for (const group of json.weightsManifest) {
    if (!group || !Array.isArray(group.paths) || !Array.isArray(group.weights))
      throw corrupt(file, 'a weightsManifest entry has no paths or weights');
    for (const weight of group.weights) {
      const bytes = DTYPE_BYTES[weight?.dtype ?? 'float32'];
      if (!bytes || !Array.isArray(weight.shape) || !weight.shape.every((n) => Number.isInteger(n) && n >= 0))
        throw corrupt(file, `weight "${String(weight?.name)}" has an unknown dtype or shape`);
      declared += bytes * product(weight.shape);
    }
    for (const name of group.paths) {
      const target = resolve(modelDir, String(name));
      // A manifest must not make us read files outside the model folder (e.g. "../../.ssh/id_rsa").
      if (typeof name !== 'string' || name.includes('\0') || !isInside(modelDir, target))
        throw corrupt(file, `weight file "${String(name)}" is outside the model folder`);
      const real = await realpath(target).catch(() => null);
      if (!real) throw corrupt(file, `weight file "${name}" is missing`);
      if (!isInside(modelDir, real)) throw corrupt(file, `weight file "${name}" is a link leading outside the model folder`);
      const info = await stat(real);
      if (!info.isFile()) throw fileNotRegular(real);
      present += info.size;
    }
  }
  if (declared > MAX_WEIGHT_BYTES) throw corrupt(file, `its weights need ${declared} bytes, more than Sinapsis loads`);
  if (present !== declared) throw corrupt(file, `its weight files hold ${present} bytes but its weights need ${declared}`);
}

/** The features a model without preprocessing.json is fed: what the student chose, with its length. */
export function featuresOfChoice(choice: FeatureChoice, inputShape: number[]): Pick<PreprocessingFile, 'features' | 'sampleShape'> {
  if (choice.kind === 'columns') {
    const length = product(inputShape);
    return {
      features: { kind: 'columns', length, details: { columns: Array.from({ length }, (_, i) => `x${i + 1}`) } },
      sampleShape: [length],
    };
  }
  const size = choice.kind === 'hog' ? choice.pipeline.resize : choice.resize;
  if (!size) {
    throw new SinapsisError(
      'model-import-needs-size',
      'An imported model sees every image at one size: choose the resize width and height its features were computed at.',
      { features: choice.kind },
    );
  }
  if (choice.kind === 'hog') {
    const { params, grayscale, interpolation } = choice.pipeline;
    const length = hogLength(size.height, size.width, params);
    return {
      features: { kind: 'hog', length, details: { ...params, resize: [size.width, size.height], grayscale, interpolation, length } },
      sampleShape: [length],
    };
  }
  // `auto` has no dataset to look at here: the model's own input says whether it takes colour.
  const channels = choice.colorMode === 'auto' ? autoChannels(inputShape, size) : pixelChannels(choice.colorMode, 0);
  const details = pixelDetails({
    width: size.width,
    height: size.height,
    channels,
    colorMode: choice.colorMode,
    resizeMode: choice.resizeMode,
    keepShape: choice.keepShape,
  });
  const length = size.width * size.height * channels;
  return {
    features: { kind: 'pixels', length, details },
    sampleShape: choice.keepShape ? [size.height, size.width, channels] : [length],
  };
}

/** Channels of a model input: the last axis of an image input, or 3 when a vector holds exactly W×H×3 values. */
function autoChannels(inputShape: number[], size: { width: number; height: number }): 1 | 3 {
  if (inputShape.length === 3) return inputShape[2] === 3 ? 3 : 1;
  return product(inputShape) === size.width * size.height * 3 ? 3 : 1;
}

function describeFeatures(features: PreprocessingFile['features']): string {
  if (features.kind === 'pixels')
    return `${String(features.details.width)}×${String(features.details.height)}×${String(features.details.channels ?? 1)} pixels give ${features.length} values`;
  if (features.kind === 'hog') return `this HOG setting gives ${features.length} features`;
  return `${features.length} columns`;
}

/**
 * A file of the folder being imported (model.json, preprocessing.json, config.json), read as every request's file
 * is: regular files only, at most 64 MB counted while reading (a FIFO or a link to /dev/zero named model.json
 * would otherwise block or fill memory).
 */
async function readImportedFile(path: string, files: FileAccessPolicy): Promise<string> {
  try {
    return (await readRegularFile(path, files, { maxBytes: MAX_MODEL_JSON_BYTES, what: 'a model description' })).toString('utf8');
  } catch (error) {
    if (error instanceof SinapsisError && error.code === 'file-too-large')
      throw corrupt(path, `it is larger than ${MAX_MODEL_JSON_BYTES / 1024 ** 2} MB, too large for a model description`);
    throw ownFileRefusal(path, error);
  }
}

async function readCompanion(dirs: string[], name: string, files: FileAccessPolicy): Promise<{ path: string; text: string } | null> {
  for (const dir of dirs) {
    const path = join(dir, name);
    if (existsSync(path)) return { path, text: await readImportedFile(path, files) };
  }
  return null;
}

function classesFor(outputWidth: number, request: ImportRequest, fromRun: string[] | undefined): string[] {
  const classes = fromRun ?? request.classes ?? (outputWidth === 1 ? ['0', '1'] : Array.from({ length: outputWidth }, (_, i) => String(i)));
  const fits =
    classes.length === outputWidth || (outputWidth === 1 && classes.length === 2) || (fromRun !== undefined && classes.length === 0);
  if (!fits) {
    throw new SinapsisError(
      'model-import-classes',
      `The model has ${outputWidth} outputs but ${classes.length} class names were given; give one name per output.`,
      {
        outputs: outputWidth,
        classes: classes.length,
      },
    );
  }
  return classes;
}

function layerRecords(model: tf.LayersModel): RunConfig['model']['layers'] {
  return model.layers.map((layer) => {
    const shape = layer.outputShape;
    const first = Array.isArray(shape[0]) ? (shape[0] as (number | null)[]) : (shape as (number | null)[]);
    return { name: layer.name, type: layer.getClassName(), outputShape: first, params: layer.countParams() };
  });
}

function importedMetrics(): RunMetrics {
  const zero = { precision: 0, recall: 0, f1: 0 };
  const none = { train: null, val: null, test: null };
  return {
    formatVersion: RUN_FORMAT_VERSION,
    status: 'completed',
    accuracy: none,
    loss: none,
    confusionMatrix: { labels: [], matrix: [], split: 'none' },
    perClass: [],
    macro: zero,
    weighted: zero,
    backend: 'none',
    engine: 'imported',
    seed: 0,
    datasetFingerprint: '',
    epochsRun: 0,
    bestEpoch: null,
    seconds: 0,
    kfold: null,
    diagnosis: [],
    biasVariance: null,
    deadUnits: [],
    misclassified: [],
  };
}

/** Imports the model folder at `request.path` as a new completed run under `runsRoot`. */
export async function importModel(
  request: ImportRequest,
  runsRoot: string,
  files: FileAccessPolicy = LOCAL_FILES,
): Promise<ModelImportResult> {
  const { modelDir, companionDirs } = await locate(request.path, files);
  await checkModelFolder(modelDir, files);
  let model: tf.LayersModel;
  try {
    model = await loadModel(modelDir);
  } catch (error) {
    throw corrupt(join(modelDir, MODEL_JSON), error instanceof Error ? error.message : String(error));
  }
  try {
    const inputShape = model.inputs[0].shape.slice(1);
    const outputShape = model.outputs[0].shape.slice(1);
    if ([...inputShape, ...outputShape].some((n) => n === null))
      throw corrupt(join(modelDir, MODEL_JSON), 'its input or output has no fixed size');
    const input = inputShape as number[];
    const outputWidth = product(outputShape as number[]);

    const stored = await readCompanion(companionDirs, RUN_FILES.preprocessing, files);
    const fromRun = stored ? parsePreprocessing(stored.text, stored.path) : null;
    if (!fromRun && !request.features) {
      throw new SinapsisError(
        'model-import-needs-features',
        `${modelDir} has no ${RUN_FILES.preprocessing}: say which features the model takes (HOG settings, pixel size or table columns).`,
        {
          path: modelDir,
        },
      );
    }
    const chosen = request.features ? featuresOfChoice(request.features, input) : null;
    if (fromRun && chosen && (chosen.features.kind !== fromRun.features.kind || chosen.features.length !== fromRun.features.length)) {
      throw new SinapsisError(
        'model-import-features-conflict',
        `The model comes with its ${RUN_FILES.preprocessing} (${fromRun.features.kind}, ${fromRun.features.length} features); the features chosen (${chosen.features.kind}, ${chosen.features.length}) differ. Leave the features on "from the run".`,
        { stored: fromRun.features.kind, chosen: chosen.features.kind },
      );
    }
    const features = fromRun?.features ?? chosen!.features;
    if (product(input) !== features.length) {
      throw new SinapsisError(
        'model-import-input-mismatch',
        `The model expects ${product(input)} inputs (${input.join('×')}), but ${describeFeatures(features)}. Choose the features the model was trained on.`,
        { model: input.join('×'), inputs: product(input), features: features.length },
      );
    }
    const classes = classesFor(outputWidth, request, fromRun?.classes);
    const preprocessing: PreprocessingFile = fromRun ?? {
      formatVersion: RUN_FORMAT_VERSION,
      ...declaredScaling(request.scaling, modelDir, features.length),
      features,
      sampleShape: chosen!.sampleShape,
      classes,
    };
    if (fromRun && request.scaling) {
      throw new SinapsisError(
        'model-import-scaling-conflict',
        `The model comes with its ${RUN_FILES.preprocessing}, which holds the scaling it was trained with (${fromRun.scaling}); leave the scaling unset to use it.`,
        { stored: fromRun.scaling },
      );
    }
    const sourceConfig = await readCompanion(companionDirs, RUN_FILES.config, files)
      .then((file) => (file ? runConfigFileSchema.safeParse(JSON.parse(file.text) as unknown) : null))
      .catch(() => null);
    const source = sourceConfig?.success ? sourceConfig.data : null;
    const artifacts = await modelArtifacts(model);
    return await writeImportedRun({
      request,
      runsRoot,
      modelDir,
      artifacts,
      model,
      preprocessing,
      classes,
      source,
      input,
      withPreprocessing: fromRun !== null,
    });
  } finally {
    model.dispose();
  }
}

/**
 * The scaling of a model imported without preprocessing.json, as the student gave it. Never assumed: a z-score model
 * fed raw features predicts something else, silently, so the import asks for it (none is a choice too).
 */
function declaredScaling(
  scaling: ImportScaling | undefined,
  modelDir: string,
  features: number,
): Pick<PreprocessingFile, 'scaling' | 'scaler'> {
  if (!scaling) {
    throw new SinapsisError(
      'model-import-needs-scaling',
      `${modelDir} has no ${RUN_FILES.preprocessing}, so nothing says how its inputs were scaled in training, and its predictions depend on it. Say "none" if it was trained on the raw features, or give the mean and standard deviation (z-score) or the minimum and range (min-max) of each of its ${features} features.`,
      { path: modelDir, features },
    );
  }
  if (scaling.kind === 'none') return { scaling: 'none', scaler: null };
  const [a, b] = scaling.kind === 'standard' ? [scaling.mean, scaling.std] : [scaling.min, scaling.range];
  if (a.length !== features || b.length !== features) {
    throw new SinapsisError(
      'model-import-scaling-length',
      `The scaling gives ${a.length} and ${b.length} values, but the model takes ${features} features: give one value per feature in each list.`,
      { given: a.length === features ? b.length : a.length, features },
    );
  }
  return scaling.kind === 'standard'
    ? { scaling: 'zscore', scaler: { kind: 'standard', mean: a, std: b } }
    : { scaling: 'minmax', scaler: { kind: 'minmax', min: a, range: b } };
}

interface WriteInput {
  request: ImportRequest;
  runsRoot: string;
  modelDir: string;
  artifacts: tf.io.ModelArtifacts;
  model: tf.LayersModel;
  preprocessing: PreprocessingFile;
  classes: string[];
  /** config.json of the run the model came from, when it came with one. */
  source: RunConfig | null;
  input: number[];
  /** preprocessing.json (features and fitted scaler) came with the model. */
  withPreprocessing: boolean;
}

const NO_TRAINING: RunConfig['training'] = {
  optimizer: 'none',
  learningRate: 0,
  batchSize: 0,
  epochs: 0,
  loss: 'none',
  l2: 0,
  earlyStopping: null,
  seed: 0,
};

/** The new run folder: model (re-saved in our single-file format), preprocessing, a minimal config and metrics. */
async function writeImportedRun(w: WriteInput): Promise<ModelImportResult> {
  const { request, preprocessing, classes, source } = w;
  const runId = newRunId();
  const { dir } = await createRunFolder(w.runsRoot, runId);
  try {
    const name = request.name ?? (source ? source.dataset.name : basename(request.path));
    const config: RunConfig = {
      formatVersion: RUN_FORMAT_VERSION,
      runId,
      createdAt: new Date().toISOString(),
      app: {
        name: APP_NAME,
        version: APP_VERSION,
        tfjs: tf.version.tfjs,
        node: process.versions.node,
        platform: `${process.platform} ${process.arch}`,
        electron: process.versions.electron ?? null,
      },
      backend: 'none',
      engine: 'imported',
      dataset: {
        name,
        kind: preprocessing.features.kind === 'columns' ? 'csv' : 'images',
        source: source?.dataset.source ?? request.path,
        fingerprint: source?.dataset.fingerprint ?? '',
        classes,
        counts: classes.map(() => 0),
        samples: 0,
        problems: [],
      },
      features: preprocessing.features,
      preprocessing: { scaling: preprocessing.scaling },
      model: {
        spec: source?.model.spec ?? { name: request.name ?? basename(w.modelDir), inputShape: w.input },
        layers: layerRecords(w.model),
        totalParams: w.model.countParams(),
      },
      training: source?.training ?? NO_TRAINING,
      split: { kind: 'holdout', ratios: [], indices: {} },
      imported: {
        from: request.path,
        at: new Date().toISOString(),
        withPreprocessing: w.withPreprocessing,
        sourceRunId: source?.runId ?? null,
      },
    };
    await saveModelArtifacts(join(dir, RUN_FILES.model), w.artifacts);
    await writeJsonAtomic(join(dir, RUN_FILES.preprocessing), { ...preprocessing, classes });
    await writeJsonAtomic(join(dir, RUN_FILES.config), config);
    await writeJsonAtomic(join(dir, RUN_FILES.metrics), importedMetrics());
    await writeFileAtomic(join(dir, RUN_FILES.history), toCsv(HISTORY_COLUMNS, []));
    await finishRun(dir, 'completed');
    return { runId, inputShape: w.input, classes, featureKind: preprocessing.features.kind, withPreprocessing: w.withPreprocessing };
  } catch (error) {
    // An import either gives a whole run or nothing.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
