import { z } from 'zod';
import { datasetIdSchema, datasetProblemCodeSchema, reasonParamsSchema, type ReasonParams } from './datasets';
import { method } from './define';
import { taskIdSchema } from './tasks';

/** Block normalisations of `skimage.feature.hog` (`block_norm`), with its names. */
export const blockNormSchema = z.enum(['L1', 'L1-sqrt', 'L2', 'L2-Hys']);
export type BlockNorm = z.infer<typeof blockNormSchema>;

/** [rows, columns]: skimage's order for `pixels_per_cell` and `cells_per_block`. */
const sizePairSchema = z.tuple([z.number().int().min(1).max(512), z.number().int().min(1).max(512)]);

/**
 * The parameters of `skimage.feature.hog`, with its defaults except `cellsPerBlock`, which defaults to the
 * course's 2x2 (skimage's default is 3x3). A 3-channel image is treated as skimage's `channel_axis=-1`.
 */
export const hogParamsSchema = z.object({
  orientations: z.number().int().min(1).max(36).default(9),
  pixelsPerCell: sizePairSchema.default([8, 8]),
  cellsPerBlock: sizePairSchema.default([2, 2]),
  blockNorm: blockNormSchema.default('L2-Hys'),
  /** Gamma (power-law) compression: the square root of every pixel before the gradients. */
  transformSqrt: z.boolean().default(false),
});
export type HogParams = z.infer<typeof hogParamsSchema>;

/** The course's lab setting: a 12x24 grayscale image, 8 bins, 4x4-pixel cells, 2x2-cell blocks -> 320 features. */
export const LAB_HOG_PARAMS: HogParams = {
  orientations: 8,
  pixelsPerCell: [4, 4],
  cellsPerBlock: [2, 2],
  blockNorm: 'L2-Hys',
  transformSqrt: false,
};
export const LAB_RESIZE = { width: 12, height: 24 } as const;

export const interpolationSchema = z.enum(['linear', 'area']);
export type Interpolation = z.infer<typeof interpolationSchema>;

/** What happens to an image before HOG: optional grayscale conversion, then an optional OpenCV-style resize. */
export const hogPipelineSchema = z.object({
  /** Convert colour images to grey (cv2.cvtColor RGB2GRAY) first, as the labs do. False keeps colour: skimage's per-pixel channel choice. */
  grayscale: z.boolean().default(true),
  /** Target size in pixels (`cv2.resize(img, (width, height))`), or null to keep each image's own size. */
  resize: z
    .object({ width: z.number().int().min(1).max(2048), height: z.number().int().min(1).max(2048) })
    .nullable()
    .default({ ...LAB_RESIZE }),
  interpolation: interpolationSchema.default('linear'),
  params: hogParamsSchema.default(LAB_HOG_PARAMS),
});
export type HogPipeline = z.infer<typeof hogPipelineSchema>;

/** 8-bit pixels sent as plain numbers, row-major, channels interleaved (e.g. decoded by the renderer from a dropped file). */
export const pixelImageSchema = z
  .object({
    width: z.number().int().min(1).max(4096),
    height: z.number().int().min(1).max(4096),
    channels: z.union([z.literal(1), z.literal(3)]),
    data: z.array(z.number().int().min(0).max(255)).max(4096 * 4096 * 3),
  })
  .refine((image) => image.data.length === image.width * image.height * image.channels, {
    message: 'data must hold width x height x channels values',
    path: ['data'],
  });
export type PixelImageMessage = z.infer<typeof pixelImageSchema>;

/**
 * Where a preview's image comes from: one image of a loaded dataset, an image file inside a folder the student
 * opened, or pixels the UI already has (e.g. a file dropped in the browser).
 */
export const hogImageSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dataset'), datasetId: datasetIdSchema, index: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('pixels'), image: pixelImageSchema }),
]);

const pixelsOutSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  channels: z.union([z.literal(1), z.literal(3)]),
  /** 8-bit values, row-major, channels interleaved. */
  data: z.array(z.number()),
});

export const hogPreviewSchema = z.object({
  length: z.number().int().nonnegative(),
  cells: z.object({ rows: z.number().int(), columns: z.number().int() }),
  blocks: z.object({ rows: z.number().int(), columns: z.number().int() }),
  /** Pixels at the image's right/bottom edge that fill no whole cell and are ignored (skimage does the same). */
  unusedPixels: z.object({ rows: z.number().int(), columns: z.number().int() }),
  input: pixelsOutSchema,
  /** The image HOG sees: after grayscale conversion and resize. */
  prepared: pixelsOutSchema,
  /** skimage's visualize=True picture scaled to 0..255, same size as `prepared`. */
  picture: pixelsOutSchema,
  vector: z.array(z.number()),
  /** Cell histograms before block normalisation, [cellRow][cellColumn][bin] flattened. */
  cellHistograms: z.array(z.number()),
});
export type HogPreview = z.infer<typeof hogPreviewSchema>;

/**
 * Why an image got no HOG vector: the dataset loader's codes for files that cannot be read or decoded, plus
 * `missing` (no such file), `not-a-file` (a folder), `too-small` (less than one block) and `size-mismatch`
 * (another length than the other images: they need a resize size).
 */
export const hogFailureCodeSchema = z.union([datasetProblemCodeSchema, z.enum(['missing', 'not-a-file', 'too-small', 'size-mismatch'])]);
export type HogFailureCode = z.infer<typeof hogFailureCodeSchema>;

export type HogFailureParams = ReasonParams;

/**
 * `reason` is English detail for the CLI and logs. The UI translates `code` (the kind of failure) and the whole
 * reason: `reasonKey` is a full message key (`data.problems.why.*` for files that cannot be decoded,
 * `features.extract.reason.*` for HOG's own failures), filled with `params`.
 */
export const hogFailureSchema = z.object({
  file: z.string(),
  code: hogFailureCodeSchema,
  reason: z.string(),
  reasonKey: z.string().max(80).optional(),
  params: reasonParamsSchema.optional(),
});

export const hogExtractResultSchema = z.object({
  /** Id to hand to training; the vectors stay in the core. */
  featureSetId: z.string(),
  length: z.number().int().nonnegative(),
  extracted: z.number().int().nonnegative(),
  /** How many vectors came from the on-disk cache instead of being computed. */
  fromCache: z.number().int().nonnegative(),
  failures: z.array(hogFailureSchema),
  seconds: z.number().nonnegative(),
  imagesPerSecond: z.number().nonnegative(),
  threads: z.number().int().positive(),
});
export type HogExtractResult = z.infer<typeof hogExtractResultSchema>;

export const hogProgressEventSchema = z.object({
  taskId: taskIdSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  imagesPerSecond: z.number().nonnegative(),
  /** Null until the rate is known. */
  etaSeconds: z.number().nonnegative().nullable(),
  failures: z.number().int().nonnegative(),
});
export type HogProgressEvent = z.infer<typeof hogProgressEventSchema>;

export const featuresMethods = {
  /** HOG of one image with the given pipeline: the vector, the prepared image and the HOG picture, for live sliders. */
  'hog.preview': method(
    z.object({ source: hogImageSourceSchema, pipeline: hogPipelineSchema.default(hogPipelineSchema.parse({})) }),
    hogPreviewSchema,
  ),
  /**
   * HOG of every image of a loaded dataset, or of files inside an opened folder, in worker threads; streams
   * `hog.progress`, cancellable with `task.cancel`. Unreadable or too-small images are listed, the rest go on.
   */
  'hog.extract': method(
    z.object({
      taskId: taskIdSchema,
      source: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('dataset'), datasetId: datasetIdSchema }),
        z.object({ kind: z.literal('files'), files: z.array(z.string().min(1).max(4096)).min(1).max(1_000_000) }),
      ]),
      pipeline: hogPipelineSchema.default(hogPipelineSchema.parse({})),
      /** Worker threads; default: one per core. */
      threads: z.number().int().min(1).max(64).optional(),
      useCache: z.boolean().default(true),
    }),
    hogExtractResultSchema,
  ),
  /**
   * Extracted HOG features as CSV: one row per image with its file path and class, then one column per feature
   * (hog_0 ... hog_{n-1}), values with 9 significant digits (exact for the float32 the models train on).
   */
  'features.exportCsv': method(
    z.object({ featureSetId: z.string().min(1).max(100) }),
    z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().nonnegative(), columns: z.number().int().nonnegative() }),
  ),
};

export const featuresEvents = {
  'hog.progress': hogProgressEventSchema,
};
