import { z } from 'zod';
import { datasetIdSchema } from './datasets';
import { pixelImageSchema } from './features';
import { runIdSchema } from './runId';

/** Class probabilities listed at most, best first. */
export const MAX_TOP_K = 5;
/** Feature maps returned per conv layer at most (the first channels). */
export const MAX_FEATURE_MAP_CHANNELS = 32;

/**
 * What a trained run is asked to predict: an image of a loaded dataset (by its relative file, as predictions.json
 * names it), an image file inside a folder the student opened, pixels the renderer decoded (a dropped file), or,
 * for a table run, one row of numbers in the order of the run's feature columns.
 */
export const predictionSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dataset'), datasetId: datasetIdSchema, file: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('pixels'), image: pixelImageSchema }),
  z.object({ kind: z.literal('row'), values: z.array(z.number()).min(1).max(100_000) }),
]);
export type PredictionSource = z.infer<typeof predictionSourceSchema>;

export const topEntrySchema = z.object({ label: z.string(), probability: z.number() });

export const predictImageResultSchema = z.object({
  /** The run's class names, in output order (empty for a regression run). */
  labels: z.array(z.string()),
  /** One probability per label (a single sigmoid output p is widened to [1 - p, p], as predictions.json does). */
  probabilities: z.array(z.number()),
  /** The k most probable classes, best first (k <= 5). */
  top: z.array(topEntrySchema),
  /** Length of the feature vector the model received (after HOG or pixels, and the fitted scaler). */
  features: z.number().int().nonnegative(),
  /** The output layer's raw values (the predicted value of a regression run). */
  outputs: z.array(z.number()),
});
export type PredictImageResult = z.infer<typeof predictImageResultSchema>;

/** A picture of real values: `png` maps min..max to black..white (per channel, on one shared scale, when in colour). */
const valuePictureSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  min: z.number(),
  max: z.number(),
  png: z.string(),
});

export const convLayerInspectionSchema = z.object({
  /** Position of the conv layer among the model's layers (tfjs order), and its name. */
  layerIndex: z.number().int().nonnegative(),
  name: z.string(),
  /** Kernel shape as tfjs stores it: [kernelHeight, kernelWidth, inputChannels, filters]. */
  kernelShape: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  /**
   * One entry per filter: its weights ([kh][kw][inputChannel], row-major) and a picture of each input channel's
   * slice (the first 8 input channels at most); on a 3-channel (RGB) input also one colour picture of the whole
   * filter, the three slices as red, green and blue on one shared scale, so a filter tuned to a hue shows that hue.
   */
  filters: z.array(z.object({ values: z.array(z.number()), slices: z.array(valuePictureSchema), rgb: valuePictureSchema.optional() })),
  /** Shape of the layer's output for this image: [height, width, channels] (after its activation). */
  mapShape: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  /** The first channels of the output, as pictures. */
  maps: z.array(valuePictureSchema.extend({ channel: z.number().int() })),
});
export type ConvLayerInspection = z.infer<typeof convLayerInspectionSchema>;

export const inspectConvResultSchema = z.object({
  /** What the first layer sees: the image after grey or RGB, resize and scaling (in colour for 3 channels). */
  input: valuePictureSchema,
  layers: z.array(convLayerInspectionSchema),
});
export type InspectConvResult = z.infer<typeof inspectConvResultSchema>;

/** Features a scaler of an imported model may describe (HOG of large images and pixels of photos stay far below). */
const MAX_SCALED_FEATURES = 1_000_000;
const scaleValues = z.array(z.number()).min(1).max(MAX_SCALED_FEATURES);
const scaleSpreads = z.array(z.number().positive()).min(1).max(MAX_SCALED_FEATURES);

/**
 * How the inputs of an imported model were scaled in training, said by the student when the model comes without its
 * preprocessing.json (nothing else can tell, and the predictions depend on it): none, z-score with each feature's
 * mean and standard deviation, or min-max with each feature's minimum and range (max − min), as in preprocessing.json.
 */
export const importScalingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('standard'), mean: scaleValues, std: scaleSpreads }),
  z.object({ kind: z.literal('minmax'), min: scaleValues, range: scaleSpreads }),
]);
export type ImportScaling = z.infer<typeof importScalingSchema>;
export const IMPORT_SCALING_KINDS = importScalingSchema.options.map((option) => option.shape.kind.value);

export const modelImportResultSchema = z.object({
  runId: runIdSchema,
  /** The model's input without the batch dimension, e.g. [320] or [28, 28, 1]. */
  inputShape: z.array(z.number().int()),
  classes: z.array(z.string()),
  featureKind: z.enum(['hog', 'pixels', 'columns']),
  /** True when preprocessing.json (features and fitted scaler) came with the model. */
  withPreprocessing: z.boolean(),
});
export type ModelImportResult = z.infer<typeof modelImportResultSchema>;
