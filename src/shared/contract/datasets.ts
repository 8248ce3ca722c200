import { z } from 'zod';
import { DATA_SEED, seedSchema } from '../seedSchema';
import { DEFAULT_FOLDS } from '../datasets/splits';
import { method } from './define';
import { taskIdSchema } from './tasks';

/** Ids of loaded datasets in the core-side store; later steps (features, training) refer to data by this id. */
export const datasetIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/);

/**
 * Why a file was skipped or flagged. `skipped: false` problems are notes (e.g. a JPEG named `.bmp` that loaded
 * anyway, or a duplicate) that the student should still see.
 */
export const datasetProblemCodeSchema = z.enum([
  'hidden',
  'not-an-image',
  'unsupported-format',
  'undecodable',
  'empty-file',
  'empty-class-folder',
  'symlink-loop',
  'broken-link',
  'link-outside',
  'unreadable',
  'outside-class-folder',
  'extension-mismatch',
  'too-large',
  'duplicate',
  'special-file',
  'dataset-document',
  'too-small',
]);
export type DatasetProblemCode = z.infer<typeof datasetProblemCodeSchema>;

/** Names and numbers a reason is built from (a file name, a size, an error code), for its translations. */
export const reasonParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ReasonParams = z.infer<typeof reasonParamsSchema>;

/** Which sentence explains a problem (`data.problems.why.<key>` in the UI); one code can have several. */
export const problemReasonKeySchema = z.enum([
  'empty-file',
  'not-an-image',
  'not-an-image-no-extension',
  'not-an-image-text',
  'not-an-image-bytes',
  'webp',
  'too-large',
  'undecodable',
  'undecodable-detail',
  'extension-mismatch',
  'unreadable-file',
  'unreadable-folder',
  'empty-class-folder',
  'duplicate',
  'duplicate-other-class',
  'hidden-folder',
  'hidden-file',
  'symlink-self',
  'symlink-seen',
  'broken-link',
  'link-outside',
  'outside-class-folder',
  'special-file',
  'dataset-document',
  'too-small',
]);
export type ProblemReasonKey = z.infer<typeof problemReasonKeySchema>;

export const datasetProblemSchema = z.object({
  /** Path relative to the opened folder, with `/` separators. */
  file: z.string(),
  code: datasetProblemCodeSchema,
  /** English explanation for the CLI and logs. */
  reason: z.string(),
  /**
   * The same reason for the UI: `data.problems.why.<reasonKey>` filled with `params` (the kind column
   * translates `data.problems.code.<code>`).
   */
  reasonKey: problemReasonKeySchema.optional(),
  params: reasonParamsSchema.optional(),
  skipped: z.boolean(),
});
export type DatasetProblem = z.infer<typeof datasetProblemSchema>;

/** Beyond this many, problems are counted but not listed (a folder of 60,000 stray files must not make a 10 MB reply). */
export const MAX_LISTED_PROBLEMS = 5000;

export const datasetProgressEventSchema = z.object({
  taskId: taskIdSchema,
  phase: z.enum(['scanning', 'loading']),
  done: z.number().int().nonnegative(),
  /** Files found so far while scanning; files to load while loading. */
  total: z.number().int().nonnegative(),
  filesPerSecond: z.number().nonnegative(),
  /** Null until the rate is known. */
  etaSeconds: z.number().nonnegative().nullable(),
  problems: z.number().int().nonnegative(),
});
export type DatasetProgressEvent = z.infer<typeof datasetProgressEventSchema>;

const statsSchema = z.object({ min: z.number(), median: z.number(), max: z.number() });
export const classCountSchema = z.object({ name: z.string(), count: z.number().int().nonnegative() });

export const imbalanceSchema = z.object({
  /** Largest class count divided by the smallest. */
  ratio: z.number(),
  /** True when the ratio exceeds `IMBALANCE_WARNING_RATIO`: accuracy alone becomes misleading. */
  warning: z.boolean(),
  smallest: z.string(),
  largest: z.string(),
});

export const imageSummarySchema = z.object({
  kind: z.literal('images'),
  datasetId: datasetIdSchema,
  name: z.string(),
  root: z.string(),
  classes: z.array(classCountSchema),
  total: z.number().int().nonnegative(),
  imbalance: imbalanceSchema,
  sizes: z.object({
    width: statsSchema,
    height: statsSchema,
    distinct: z.number().int().nonnegative(),
    mostCommon: z.object({ width: z.number().int(), height: z.number().int(), count: z.number().int() }),
    /** Images whose size differs from the most common one; they will need resizing before training. */
    differing: z.number().int().nonnegative(),
    /** Images larger than the kept size (800 pixels a side) that were shrunk right after decoding; sizes above are after it. */
    downscaled: z.number().int().nonnegative().default(0),
    /** The longest side images are kept at. */
    maxSide: z.number().int().positive().default(800),
  }),
  channels: z.object({
    grey: z.number().int().nonnegative(),
    rgb: z.number().int().nonnegative(),
    /**
     * Images with colour: stored as RGB with at least one pixel whose red, green and blue differ (an RGB file of a
     * grey picture does not count). The `auto` colour mode trains in RGB when this is above 0.
     */
    colour: z.number().int().nonnegative(),
    withAlpha: z.number().int().nonnegative(),
    sixteenBit: z.number().int().nonnegative(),
  }),
  formats: z.record(z.string(), z.number().int().nonnegative()),
  /** Groups of files with identical content (same SHA-256). */
  duplicates: z.array(z.array(z.string())),
  /** SHA-256 over the sorted relative paths and content hashes of every loaded file. */
  fingerprint: z.string(),
  /** The first `MAX_LISTED_PROBLEMS` problems; `problemCounts` counts all of them by code. */
  problems: z.array(datasetProblemSchema),
  problemCounts: z.record(z.string(), z.number().int().nonnegative()),
  problemsTotal: z.number().int().nonnegative(),
  /** Problems that skipped a file (the others are notes on files that loaded). */
  problemsSkipped: z.number().int().nonnegative(),
  loadSeconds: z.number().nonnegative(),
  filesPerSecond: z.number().nonnegative(),
  pixelBytes: z.number().int().nonnegative(),
});
export type ImageSummary = z.infer<typeof imageSummarySchema>;

export const taskKindSchema = z.enum(['classification', 'regression']);
export type TaskKind = z.infer<typeof taskKindSchema>;

export const tableSummarySchema = z.object({
  kind: z.literal('table'),
  datasetId: datasetIdSchema,
  name: z.string(),
  source: z.string(),
  features: z.array(z.string()),
  target: z.string(),
  task: taskKindSchema,
  rows: z.number().int().nonnegative(),
  /** Classification only: class names in label order and their counts. */
  classes: z.array(classCountSchema),
  imbalance: imbalanceSchema.nullable(),
  /** Regression only. */
  targetStats: z.object({ min: z.number(), median: z.number(), max: z.number(), mean: z.number() }).nullable(),
  fingerprint: z.string(),
});
export type TableSummary = z.infer<typeof tableSummarySchema>;

export const datasetSummarySchema = z.discriminatedUnion('kind', [imageSummarySchema, tableSummarySchema]);
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

export const csvDelimiterSchema = z.enum([',', ';', '\t', '|']);
export const csvColumnSchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string(),
  numeric: z.boolean(),
  distinct: z.number().int().nonnegative(),
  /** First cell that is not a number (1-based data row as a spreadsheet shows it, counting the header line). */
  firstNonNumeric: z.object({ row: z.number().int(), value: z.string() }).nullable(),
});
/** How a text file was decoded: UTF-8 (with or without byte-order mark), UTF-16 by its mark, or Windows-1252 when it is not UTF-8. */
export const textEncodingSchema = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']);
export type TextEncodingName = z.infer<typeof textEncodingSchema>;

export const csvInspectionSchema = z.object({
  datasetId: datasetIdSchema,
  path: z.string(),
  /** Anything but UTF-8 is said in the Datos step; `windows-1252` is a guess the user should check. */
  encoding: textEncodingSchema.default('utf-8'),
  delimiter: csvDelimiterSchema,
  hasHeader: z.boolean(),
  rows: z.number().int().nonnegative(),
  columns: z.array(csvColumnSchema),
  preview: z.array(z.array(z.string())),
  suggestedTarget: z.number().int().nonnegative(),
});
export type CsvInspection = z.infer<typeof csvInspectionSchema>;

export const builtinIdSchema = z.enum(['digits', 'wine', 'xor', 'and', 'or', 'circles', 'spirals', 'blobs', 'xor-quadrants']);
export type BuiltinId = z.infer<typeof builtinIdSchema>;
export const builtinInfoSchema = z.object({
  id: builtinIdSchema,
  kind: z.enum(['images', 'table']),
  generated: z.boolean(),
  licence: z.string().nullable(),
});

/** Ranges of the generated datasets' options: the schema below and Datos' fields both read them. */
export const BUILTIN_LIMITS = { samples: { min: 4, max: 100_000 }, classes: { min: 2, max: 8 } } as const;

export const builtinOptionsSchema = z.object({
  seed: seedSchema.default(DATA_SEED),
  samples: z.number().int().min(BUILTIN_LIMITS.samples.min).max(BUILTIN_LIMITS.samples.max).default(400),
  /** 0..1: 0 gives clean sets; the playground's slider range. */
  noise: z.number().min(0).max(1).default(0.1),
  /** Logic gates: 0/1 or -1/1 inputs and outputs, as in the course exercises. */
  encoding: z.enum(['binary', 'bipolar']).default('binary'),
  classes: z.number().int().min(BUILTIN_LIMITS.classes.min).max(BUILTIN_LIMITS.classes.max).default(2),
});

export const thumbnailSchema = z.object({
  index: z.number().int().nonnegative(),
  file: z.string(),
  label: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** A small PNG as a data URL (allowed by the CSP). */
  src: z.string(),
});

export const splitMethodSchema = z.enum(['holdout', 'train-val-test', 'k-fold', 'leave-one-out']);
export const splitRequestSchema = z.object({
  datasetId: datasetIdSchema,
  method: splitMethodSchema.default('holdout'),
  /**
   * Fractions, ignored by k-fold and leave-one-out. When omitted: 0.7/0.3 for holdout (which has no
   * validation part) and 0.7/0.15/0.15 for train-val-test.
   */
  train: z.number().gt(0).lt(1).optional(),
  validation: z.number().min(0).lt(1).optional(),
  test: z.number().gt(0).lt(1).optional(),
  folds: z.number().int().min(2).max(100).default(DEFAULT_FOLDS),
  stratified: z.boolean().default(true),
  seed: seedSchema.default(DATA_SEED),
});
export type SplitRequest = z.infer<typeof splitRequestSchema>;

export const splitResultSchema = z.object({
  datasetId: datasetIdSchema,
  method: splitMethodSchema,
  stratified: z.boolean(),
  seed: z.number().int(),
  /** Holdout methods: sample indices of each part (validation empty for plain holdout). */
  train: z.array(z.number().int()),
  validation: z.array(z.number().int()),
  test: z.array(z.number().int()),
  /** k-fold and leave-one-out: the test indices of each fold; the training part is everything else. */
  folds: z.array(z.array(z.number().int())),
  /** Per part (or fold), count per class, in class order; empty for regression. */
  classCounts: z.record(z.string(), z.array(z.number().int())),
});
export type SplitResult = z.infer<typeof splitResultSchema>;

/** Training-time image augmentation limits (see src/shared/datasets/augment.ts); all off by default. */
export const augmentOptionsSchema = z.object({
  rotationDegrees: z.number().min(0).max(180).default(0),
  shiftFraction: z.number().min(0).max(0.5).default(0),
  zoomFraction: z.number().min(0).max(0.5).default(0),
  horizontalFlip: z.boolean().default(false),
  brightness: z.number().min(0).max(1).default(0),
  contrast: z.number().min(0).max(1).default(0),
  noiseStd: z.number().min(0).max(0.5).default(0),
});
export type AugmentOptionsInput = z.input<typeof augmentOptionsSchema>;

export const datasetMethods = {
  /** Scan and decode a folder with one subfolder per class; streams `dataset.progress`, cancellable by `task.cancel`. */
  'dataset.openFolder': method(z.object({ taskId: taskIdSchema, path: z.string().min(1).max(4096) }), imageSummarySchema),
  /** Parse a CSV/TSV and describe its columns; a target is chosen next with `dataset.chooseTarget`. */
  'dataset.openCsv': method(
    z.object({
      path: z.string().min(1).max(4096),
      delimiter: z.union([z.literal('auto'), csvDelimiterSchema]).default('auto'),
      header: z.enum(['auto', 'yes', 'no']).default('auto'),
    }),
    csvInspectionSchema,
  ),
  'dataset.chooseTarget': method(
    z.object({
      datasetId: datasetIdSchema,
      target: z.number().int().nonnegative(),
      task: z.enum(['auto', 'classification', 'regression']).default('auto'),
    }),
    tableSummarySchema,
  ),
  'dataset.builtinList': method(z.object({}), z.array(builtinInfoSchema)),
  'dataset.builtin': method(
    z.object({ taskId: taskIdSchema, id: builtinIdSchema, options: builtinOptionsSchema.default(builtinOptionsSchema.parse({})) }),
    datasetSummarySchema,
  ),
  /** One page of thumbnails, optionally of one class and of files whose name contains `search`, for the galleries. */
  'dataset.thumbnails': method(
    z.object({
      datasetId: datasetIdSchema,
      className: z.string().max(500).optional(),
      /** Only files whose path contains this text (case and accents ignored), e.g. "012" or "7/". */
      search: z.string().max(200).optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(60),
      size: z.number().int().min(8).max(128).default(48),
    }),
    z.object({ total: z.number().int().nonnegative(), items: z.array(thumbnailSchema) }),
  ),
  /** One image of an opened folder at full size, by its relative path; paths outside the folder are refused. */
  'dataset.image': method(
    z.object({ datasetId: datasetIdSchema, file: z.string().min(1).max(4096) }),
    z.object({ file: z.string(), width: z.number().int(), height: z.number().int(), src: z.string() }),
  ),
  /** A page of a table dataset's rows (features then target), e.g. to plot a 2D toy set. */
  'dataset.rows': method(
    z.object({
      datasetId: datasetIdSchema,
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
    z.object({ total: z.number().int().nonnegative(), features: z.array(z.array(z.number())), targets: z.array(z.number()) }),
  ),
  'dataset.split': method(splitRequestSchema, splitResultSchema),
  /** A grid of augmented copies of one image, to see what the settings do before training with them. */
  'dataset.augmentPreview': method(
    z.object({
      datasetId: datasetIdSchema,
      index: z.number().int().nonnegative().default(0),
      options: augmentOptionsSchema,
      count: z.number().int().min(1).max(32).default(12),
      seed: seedSchema.default(DATA_SEED),
      size: z.number().int().min(8).max(128).default(64),
    }),
    z.object({
      file: z.string(),
      original: z.string(),
      items: z.array(z.string()),
      warnings: z.array(z.enum(['flip-digits', 'rotation-digits'])),
    }),
  ),
  /** The summary of a dataset still loaded in the core (a reloaded page takes it back without reading the folder again). */
  'dataset.summary': method(z.object({ datasetId: datasetIdSchema }), datasetSummarySchema),
};

export const datasetEvents = {
  'dataset.progress': datasetProgressEventSchema,
};
