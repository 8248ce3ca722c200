import { viewedWorkspaceSchema } from './workspaces';
import { z } from 'zod';
import { method } from './define';
import { contractErrorSchema } from './errors';
import { backendPreferenceSchema } from './app';
import { augmentOptionsSchema, taskKindSchema } from './datasets';
import { predictionSchema } from './experiment';
import { folderPredictionSchema } from './folderPrediction';
import {
  inspectConvResultSchema,
  MAX_FEATURE_MAP_CHANNELS,
  MAX_TOP_K,
  predictImageResultSchema,
  predictionSourceSchema,
} from './inference';
import { modelExportFormatSchema, modelExportResultSchema } from './modelExport';
import { saliencyMethodRequestSchema, saliencyResultSchema } from './saliency';
import { taskIdSchema } from './tasks';
import { hogParamsSchema, interpolationSchema } from './features';
import { languageSchema, runIdSchema } from './runId';
import { biasVarianceSchema, diagnosisHintSchema } from './diagnosisSchemas';
import { layerDeadUnitsSchema, runInspectionSchema } from './training';
import { scalingNameSchema } from '../datasets/scaling';
import { colorModeSchema, resizeModeSchema } from '../features/pixelOptions';
import { diagramSampleSchema } from '../models/diagramSample';
import { modelSpecSchema } from '../models/modelSpec';
import { engineChoiceSchema, lossNameSchema, optimizerNameSchema } from '../models/trainingSettings';

export { languageSchema, runIdSchema } from './runId';

/*
 * The files of a run folder (docs/runs-and-reports.md), one schema each. Core writes them typed by these schemas and
 * reads them through the `...FileSchema` variants, which first upgrade a file of an older format; runs.get answers
 * with them, and the report and the renderer read them with these types.
 */

/**
 * The run-folder format. Each JSON file a run keeps (config, metrics, preprocessing, predictions) records it as
 * `formatVersion`; a file without one is version 1. Bumping it means adding the step from the previous version to
 * RUN_FILE_UPGRADES below, so that every run folder ever written still opens.
 */
export const RUN_FORMAT_VERSION = 2;
const formatVersionSchema = z.literal(RUN_FORMAT_VERSION);

type RawFile = Record<string, unknown>;
/** Rewrites a file of version `n` (the index + 1) as version `n + 1`; fields it does not know are left as they are. */
type FileUpgrade = (file: RawFile) => RawFile;

function isRecord(value: unknown): value is RawFile {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The version a raw run file says it has (1 when it says none, as every file but config.json before version 2). */
export function runFileVersion(raw: unknown): number {
  return isRecord(raw) && typeof raw.formatVersion === 'number' ? raw.formatVersion : 1;
}

function upgradeFile(raw: unknown, upgrades: readonly FileUpgrade[]): unknown {
  if (!isRecord(raw)) return raw;
  let file = raw;
  for (let version = runFileVersion(raw); version < RUN_FORMAT_VERSION; version++) {
    const step = upgrades[version - 1];
    file = { ...(step ? step(file) : file), formatVersion: version + 1 };
  }
  return file;
}

/** The schema a run file is read with: the file upgraded from its format to the current one, then validated. */
function readAsCurrent<T extends z.ZodType>(schema: T, upgrades: readonly FileUpgrade[]) {
  if (upgrades.length !== RUN_FORMAT_VERSION - 1)
    throw new Error(`A run file needs ${RUN_FORMAT_VERSION - 1} upgrade steps, one per older format.`);
  return z.preprocess((raw) => upgradeFile(raw, upgrades), schema);
}

/** Version 1 pixel details from before colour have no channels: those runs were grey and stretched. */
function upgradeFeaturesV1(features: unknown): unknown {
  if (!isRecord(features) || !isRecord(features.details)) return features;
  const details = features.details;
  if (features.kind === 'pixels') {
    const channels = details.channels ?? 1;
    return {
      ...features,
      details: {
        colorMode: channels === 3 ? 'rgb' : 'grayscale',
        resizeMode: 'stretch',
        scale: '1/255',
        shape: 'vector',
        grayscale: channels === 1,
        ...details,
        channels,
      },
    };
  }
  // HOG before colour and the interpolation choice: grey images, linear resize (hogPipelineSchema's defaults).
  if (features.kind === 'hog') return { ...features, details: { grayscale: true, interpolation: 'linear', resize: null, ...details } };
  return features;
}

/** Where a run's numbers are computed: a tfjs backend, the preference asked for while it runs, or none (didactic, imported). */
export const runBackendSchema = z.enum([...backendPreferenceSchema.options, 'none']);
/** The engine that trained it (`auto` until training starts), or `imported` for a model brought in by model.import. */
export const runEngineSchema = z.enum([...engineChoiceSchema.options, 'imported']);

const pixelSize = z.number().int().positive();

/** HOG features: skimage's parameters and the image's preparation (resize [width, height] or null). */
export const hogFeatureDetailsSchema = hogParamsSchema.extend({
  resize: z.tuple([pixelSize, pixelSize]).nullable(),
  grayscale: z.boolean(),
  interpolation: interpolationSchema,
  length: z.number().int().positive(),
});
/** Raw pixels: the size and channels each image was brought to, scaled to 0..1 (src/main/core/features/pixelDetails.ts). */
export const pixelFeatureDetailsSchema = z.object({
  width: pixelSize,
  height: pixelSize,
  channels: z.union([z.literal(1), z.literal(3)]),
  colorMode: colorModeSchema,
  resizeMode: resizeModeSchema,
  /** True for one channel; kept because readers of version 1 files know it. */
  grayscale: z.boolean(),
  scale: z.literal('1/255'),
  /** `image` keeps [h, w, channels] for a CNN; `vector` flattens it. */
  shape: z.enum(['image', 'vector']),
  length: z.number().int().positive(),
});
/** Table columns: the feature columns in order (an imported model names them x1…xn), the target and the task. */
export type HogFeatureDetails = z.infer<typeof hogFeatureDetailsSchema>;
export type PixelFeatureDetails = z.infer<typeof pixelFeatureDetailsSchema>;
export const columnFeatureDetailsSchema = z.object({
  columns: z.array(z.string()),
  target: z.string().optional(),
  task: taskKindSchema.optional(),
});

/** How a run turned samples into vectors; the same record in config.json and preprocessing.json. */
export const runFeaturesSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hog'), length: z.number().int().positive(), details: hogFeatureDetailsSchema }),
  z.object({ kind: z.literal('pixels'), length: z.number().int().positive(), details: pixelFeatureDetailsSchema }),
  z.object({ kind: z.literal('columns'), length: z.number().int().positive(), details: columnFeatureDetailsSchema }),
]);
export type RunFeatures = z.infer<typeof runFeaturesSchema>;

/** An imported model that came without its run's config: Sinapsis knows its name and input, its layers are in model.json. */
export const importedModelSpecSchema = z.object({ name: z.string(), inputShape: z.array(z.number().int().positive()) });

/** config.json: everything needed to reproduce a run and to write its report. */
export const runConfigSchema = z.object({
  formatVersion: formatVersionSchema,
  runId: z.string(),
  createdAt: z.string(),
  app: z.object({
    name: z.string(),
    version: z.string(),
    tfjs: z.string(),
    node: z.string(),
    platform: z.string(),
    electron: z.string().nullable(),
  }),
  backend: runBackendSchema,
  engine: runEngineSchema,
  dataset: z.object({
    name: z.string(),
    kind: z.enum(['images', 'csv', 'builtin']),
    source: z.string(),
    fingerprint: z.string(),
    classes: z.array(z.string()),
    counts: z.array(z.number()),
    samples: z.number(),
    problems: z.array(z.object({ file: z.string(), reason: z.string() })),
  }),
  features: runFeaturesSchema,
  preprocessing: z.object({ scaling: scalingNameSchema }),
  model: z.object({
    spec: z.union([modelSpecSchema, importedModelSpecSchema]),
    layers: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        outputShape: z.array(z.number().nullable()),
        params: z.number(),
        activation: z.string().optional(),
      }),
    ),
    totalParams: z.number(),
  }),
  training: z.object({
    /** `none` for an imported model that came without its run's config. */
    optimizer: z.union([optimizerNameSchema, z.literal('none')]),
    learningRate: z.number(),
    /** Mini-batch SGD's momentum (absent in runs written before it was recorded). */
    momentum: z.number().optional(),
    batchSize: z.number(),
    epochs: z.number(),
    loss: z.union([lossNameSchema, z.literal('none')]),
    l2: z.number(),
    earlyStopping: z.object({ patience: z.number(), restoreBest: z.boolean() }).nullable(),
    seed: z.number(),
  }),
  /** Training images' random variants; null without augmentation (absent in imported runs). */
  augmentation: z.object({ options: augmentOptionsSchema, copies: z.number() }).nullable().optional(),
  split: z.object({
    kind: z.enum(['holdout', 'kfold']),
    ratios: z.array(z.number()),
    k: z.number().optional(),
    /** Sample indices of each part (holdout) or of each fold's test part (k-fold). */
    indices: z.record(z.string(), z.array(z.number())),
  }),
  /** Set on runs made by model.import: where the model came from (such a run was not trained here). */
  imported: z.object({ from: z.string(), at: z.string(), withPreprocessing: z.boolean(), sourceRunId: z.string().nullable() }).optional(),
});
export type RunConfig = z.infer<typeof runConfigSchema>;

const averagedSchema = z.object({ precision: z.number(), recall: z.number(), f1: z.number() });
const splitValuesSchema = z.object({ train: z.number().nullable(), val: z.number().nullable(), test: z.number().nullable() });

/** How a run ended: `stopped` by the student (keeping what it had), `failed` when the loss diverged or a write failed. */
export const finishedStatusSchema = z.enum(['completed', 'stopped', 'failed']);

/** metrics.json: the results graders script against (fields documented in docs/runs-and-reports.md). */
export const runMetricsSchema = z.object({
  formatVersion: formatVersionSchema,
  status: finishedStatusSchema,
  accuracy: splitValuesSchema,
  loss: splitValuesSchema,
  confusionMatrix: z.object({ labels: z.array(z.string()), matrix: z.array(z.array(z.number())), split: z.string() }),
  perClass: z.array(z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number() })),
  macro: averagedSchema,
  weighted: averagedSchema,
  backend: runBackendSchema,
  engine: runEngineSchema,
  seed: z.number(),
  datasetFingerprint: z.string(),
  epochsRun: z.number(),
  bestEpoch: z.number().nullable(),
  seconds: z.number(),
  kfold: z
    .object({
      folds: z.array(z.object({ fold: z.number(), accuracy: z.number(), loss: z.number() })),
      accuracy: z.object({ mean: z.number(), std: z.number() }),
    })
    .nullable(),
  diagnosis: z.array(diagnosisHintSchema),
  /** Training against held-out error and its verdict (the same readout as the high-bias/high-variance hints); null for regression. */
  biasVariance: biasVarianceSchema.nullable(),
  /** Per hidden ReLU layer, the units that never fired on a training batch after the last epoch. */
  deadUnits: z.array(layerDeadUnitsSchema),
  misclassified: z.array(
    z.object({
      index: z.number(),
      file: z.string().nullable(),
      trueLabel: z.string(),
      predictedLabel: z.string(),
      probability: z.number(),
    }),
  ),
});
export type RunMetrics = z.infer<typeof runMetricsSchema>;

/** preprocessing.json: what a new sample goes through before the model, exactly as in training. */
export const runPreprocessingSchema = z.object({
  formatVersion: formatVersionSchema,
  scaling: scalingNameSchema,
  /** Fitted on the training part; null without scaling. */
  scaler: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('standard'), mean: z.array(z.number()), std: z.array(z.number()) }),
      z.object({ kind: z.literal('minmax'), min: z.array(z.number()), range: z.array(z.number()) }),
    ])
    .nullable(),
  features: runFeaturesSchema,
  sampleShape: z.array(z.number().int().positive()).min(1).max(3),
  classes: z.array(z.string()),
});
export type RunPreprocessing = z.infer<typeof runPreprocessingSchema>;

/** predictions.json: every evaluated sample's predicted class and probabilities (the confusion-matrix gallery). */
export const runPredictionsSchema = z.object({
  formatVersion: formatVersionSchema,
  labels: z.array(z.string()),
  predictions: z.array(predictionSchema),
});
export type RunPredictions = z.infer<typeof runPredictionsSchema>;

/** status.json: the run's life, rewritten as it goes (see core/runs/runFolder.ts); `incomplete` when its process died. */
export const runStatusFileSchema = z.object({
  status: z.enum(['running', 'completed', 'stopped', 'failed', 'incomplete']),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  pid: z.number().int(),
  host: z.string(),
  /** The training process's boot and start time (see liveness.ts): a reused pid is not this run's process. */
  processStart: z.string().optional(),
  message: z.string().optional(),
});
export type RunStatusFile = z.infer<typeof runStatusFileSchema>;

/** inspection.json: the weight histograms per fold and the last decision regions (runs.inspection answers with it). */
export const runInspectionFileSchema = runInspectionSchema;

/** diagram-sample.json: the real sample the report's model diagram draws as its input (shared/models/diagramSample.ts). */
export const runDiagramSampleSchema = diagramSampleSchema;

/** thumbnails.json: small inline PNGs of the misclassified images by sample index, so the report shows them. */
export const runThumbnailsSchema = z.record(z.string().regex(/^\d+$/), z.string().startsWith('data:image/png;base64,'));

/** The columns of history.csv, in order. */
export const HISTORY_COLUMNS = [
  'fold',
  'epoch',
  'trainLoss',
  'trainAccuracy',
  'valLoss',
  'valAccuracy',
  'learningRate',
  'seconds',
] as const;

/** One row of history.csv. Validation columns are empty without a validation split; `fold` is set in k-fold runs. */
export const historyRowSchema = z.object({
  fold: z.number().nullable(),
  epoch: z.number(),
  trainLoss: z.number(),
  trainAccuracy: z.number().nullable(),
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  learningRate: z.number(),
  seconds: z.number(),
}) satisfies z.ZodType<Record<(typeof HISTORY_COLUMNS)[number], number | null>>;
export type HistoryRow = z.infer<typeof historyRowSchema>;

/**
 * The upgrade steps of each versioned file, oldest first. 1 -> 2: every file records `formatVersion`; pixel details
 * always say their channels, colour and resize mode, HOG details their grey/interpolation/resize; metrics always
 * have `kfold`, `diagnosis`, `biasVariance`, `deadUnits` and `misclassified`.
 */
const RUN_FILE_UPGRADES = {
  config: [(file) => ({ ...file, features: upgradeFeaturesV1(file.features) })],
  metrics: [(file) => ({ kfold: null, diagnosis: [], biasVariance: null, deadUnits: [], misclassified: [], ...file })],
  preprocessing: [(file) => ({ ...file, features: upgradeFeaturesV1(file.features) })],
  predictions: [(file) => file],
} satisfies Record<string, readonly FileUpgrade[]>;

/** What core reads a run's files with: any format this version knows, upgraded to the current one. */
export const runConfigFileSchema = readAsCurrent(runConfigSchema, RUN_FILE_UPGRADES.config);
export const runMetricsFileSchema = readAsCurrent(runMetricsSchema, RUN_FILE_UPGRADES.metrics);
export const runPreprocessingFileSchema = readAsCurrent(runPreprocessingSchema, RUN_FILE_UPGRADES.preprocessing);
export const runPredictionsFileSchema = readAsCurrent(runPredictionsSchema, RUN_FILE_UPGRADES.predictions);

/** A run file's name inside its folder: a top-level file, or one in charts/ or model/ (never a path elsewhere). */
export const runFileNameSchema = z
  .string()
  .max(120)
  .regex(/^(?:(?:charts|model)\/)?[\w-][\w.-]*$/, 'a file of the run folder (e.g. "per-class.csv", "charts/loss.png")');

export const exportedFileSchema = z.object({ name: runFileNameSchema, bytes: z.number().int().nonnegative() });

export const runSummarySchema = z.object({
  runId: runIdSchema,
  status: runStatusFileSchema.shape.status,
  createdAt: z.string(),
  dataset: z.string().nullable(),
  /** The model's name as the student typed it in Modelo (the spec's `name`), or null when it has none. */
  modelName: z.string().nullable(),
  /** The layer sizes, e.g. "18-10". */
  model: z.string().nullable(),
  engine: z.string().nullable(),
  backend: z.string().nullable(),
  testAccuracy: z.number().nullable(),
  epochsRun: z.number().nullable(),
  hasReport: z.boolean(),
  hasPdf: z.boolean(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const reportNotesSchema = z.object({
  title: z.string().max(200).optional(),
  author: z.string().max(200).optional(),
  comments: z.string().max(20_000).optional(),
});

/**
 * Every `runs.*` method, handled in core/runs/handlers.ts: listing and reading runs, their files and exports, and
 * what a finished run's model does (predict an image or a folder, show its filters, leave in a standard format).
 */
export const runsMethods = {
  'runs.list': method(
    z.object({ search: z.string().max(200).optional() }).extend(viewedWorkspaceSchema.shape),
    /** `unwritable`: why new runs cannot be recorded in `root` (read-only, no permission); its runs can still be read. */
    z.object({ root: z.string(), runs: z.array(runSummarySchema), unwritable: contractErrorSchema.nullable() }),
  ),
  /** Config and metrics as their files hold them, upgraded to the current format; see docs/runs-and-reports.md. */
  'runs.get': method(
    z.object({ runId: runIdSchema }).extend(viewedWorkspaceSchema.shape),
    z.object({
      runId: runIdSchema,
      config: runConfigSchema,
      /** Null for a run interrupted or failed before it wrote its results; its config and history are still there. */
      metrics: runMetricsSchema.nullable(),
      history: z.array(historyRowSchema),
      notes: reportNotesSchema,
      status: runSummarySchema.shape.status,
      /** Why the run ended as it did (status.json's message), e.g. which file could not be written. */
      statusMessage: z.string().nullable(),
    }),
  ),
  /**
   * Writes a run's exports into its folder: confusion-matrix.csv (counts), confusion-matrix-normalized.csv,
   * per-class.csv, metrics.csv, kfold.csv (k-fold runs), charts/*.svg and charts/*.png (when a Chromium is there to
   * draw them), and lists every file of the folder a student may take.
   */
  'runs.export': method(
    z.object({ runId: runIdSchema, language: languageSchema, png: z.boolean().default(true) }),
    z.object({ dir: z.string(), files: z.array(exportedFileSchema), pngProblem: contractErrorSchema.nullable() }),
  ),
  /** One file of a run folder, for the UI to hand to the student as a download (up to 64 MB). */
  'runs.file': method(
    z.object({ runId: runIdSchema, name: runFileNameSchema }).extend(viewedWorkspaceSchema.shape),
    z.object({ name: runFileNameSchema, path: z.string(), mime: z.string(), bytes: z.number().int().nonnegative(), base64: z.string() }),
  ),
  /** Per-sample test predictions of a run (its predictions.json). */
  'runs.predictions': method(
    z.object({ runId: runIdSchema }).extend(viewedWorkspaceSchema.shape),
    runPredictionsSchema.omit({ formatVersion: true }),
  ),
  /** What the trainer inspected (weight histograms per fold over epochs, decision regions), as inspection.json. */
  'runs.inspection': method(z.object({ runId: runIdSchema }).extend(viewedWorkspaceSchema.shape), runInspectionSchema),
  /** Class probabilities of one image (or table row) under a finished run's model, its features and its fitted scaler. */
  'runs.predictImage': method(
    z.object({ runId: runIdSchema, source: predictionSourceSchema, topK: z.number().int().min(1).max(MAX_TOP_K).default(MAX_TOP_K) }),
    predictImageResultSchema,
  ),
  /**
   * For a CNN run: the learned filters of its conv layers (or only `layer`, an index among the conv layers) and
   * the feature maps of one image after each of them (`channels` channels from `firstChannel`).
   */
  'runs.inspectConv': method(
    z.object({
      runId: runIdSchema,
      source: predictionSourceSchema,
      layer: z.number().int().nonnegative().optional(),
      /** The first channel whose map is returned: a layer with 64 channels is paged 0, 16, 32, 48. */
      firstChannel: z.number().int().nonnegative().max(100_000).default(0),
      channels: z.number().int().min(1).max(MAX_FEATURE_MAP_CHANNELS).default(8),
    }),
    inspectConvResultSchema,
  ),
  /**
   * "¿Dónde mira la red?": a saliency map of one image for one class (the predicted one unless `targetClass` is
   * given) under a finished run's model, by the method asked for (src/shared/inference/saliencyMethods.ts says which
   * apply; the others are refused with what to use instead).
   */
  'runs.saliency': method(
    z.object({
      runId: runIdSchema,
      source: predictionSourceSchema,
      method: saliencyMethodRequestSchema,
      targetClass: z.number().int().nonnegative().max(100_000).optional(),
    }),
    saliencyResultSchema,
  ),
  /**
   * Classifies every image of a folder (recursively; decoding and problems report as Datos) with a run's model,
   * streaming `runs.predictFolderProgress`; `task.cancel` stops it. Writes folder-predictions.csv into the run.
   */
  'runs.predictFolder': method(
    z.object({
      taskId: taskIdSchema,
      runId: runIdSchema,
      path: z.string().min(1).max(4096),
      topK: z.number().int().min(1).max(10).default(3),
    }),
    folderPredictionSchema,
  ),
  /**
   * Writes the run's model in a standard format into `<run>/export-<format>/` (the model, the run's
   * preprocessing.json and a README in `language` with a runnable example) and zips it as
   * `<run>/export-<format>.zip`. Refused, with the reason, for a layer or activation the format cannot express.
   */
  'runs.exportModel': method(
    z.object({ runId: runIdSchema, format: modelExportFormatSchema, language: languageSchema }),
    modelExportResultSchema,
  ),
};

export const runsEvents = {
  'runs.predictFolderProgress': z.object({
    taskId: taskIdSchema,
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    etaSeconds: z.number().nullable(),
  }),
};
