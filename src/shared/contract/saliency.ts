import { z } from 'zod';

/**
 * "¿Dónde mira la red?": schemas of `runs.saliency` (the method itself is declared with the other `runs.*` in
 * runs.ts). A saliency map says, for one image and one class, which parts of the input the class score depends on.
 * The methods and when each applies are in `src/shared/inference/saliencyMethods.ts`.
 */

/** SmoothGrad's defaults (Smilkov et al. 2017 found 10–20 % noise and a few dozen samples enough). */
export const SMOOTHGRAD_DEFAULTS = { samples: 25, noise: 0.15, seed: 1 } as const;
export const SMOOTHGRAD_MAX_SAMPLES = 100;

/** Which method, with its own options. */
export const saliencyMethodRequestSchema = z.discriminatedUnion('method', [
  /** Grad-CAM: `layer` is an index among the conv layers (default: the last one). */
  z.object({ method: z.literal('gradcam'), layer: z.number().int().nonnegative().max(1000).optional() }),
  /** The input gradient ("vanilla" saliency): |∂ score / ∂ pixel|, one backward pass. */
  z.object({ method: z.literal('gradient') }),
  /** SmoothGrad: the mean |gradient| over `samples` noisy copies, noise σ = `noise` × the image's value range. */
  z.object({
    method: z.literal('smoothgrad'),
    samples: z.number().int().min(2).max(SMOOTHGRAD_MAX_SAMPLES).default(SMOOTHGRAD_DEFAULTS.samples),
    noise: z.number().min(0.01).max(1).default(SMOOTHGRAD_DEFAULTS.noise),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(SMOOTHGRAD_DEFAULTS.seed),
  }),
  /** Occlusion: a `patch`-pixel square of the image's mean value every `stride` pixels (defaults from the image size). */
  z.object({
    method: z.literal('occlusion'),
    patch: z.number().int().min(1).max(512).optional(),
    stride: z.number().int().min(1).max(512).optional(),
  }),
  /** For HOG runs: gradient × input of the class score over the HOG vector, summed per cell and per orientation bin. */
  z.object({ method: z.literal('hogCells') }),
]);
export type SaliencyMethodRequest = z.infer<typeof saliencyMethodRequestSchema>;
export const SALIENCY_METHODS = saliencyMethodRequestSchema.options.map((option) => option.shape.method.value);
export type SaliencyMethod = SaliencyMethodRequest['method'];

/** A map of real values over a picture's pixels, row-major; `values` are scaled to 0..1, `min`/`max` are the raw range. */
export const saliencyMapSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  values: z.array(z.number().min(0).max(1)),
  min: z.number(),
  max: z.number(),
});
export type SaliencyMap = z.infer<typeof saliencyMapSchema>;

/** A picture the map is drawn on, as a PNG data URL of `width` × `height` pixels. */
const pictureSchema = z.object({ width: z.number().int().positive(), height: z.number().int().positive(), png: z.string() });

export const saliencyResultSchema = z.object({
  method: z.enum(SALIENCY_METHODS as [SaliencyMethod, ...SaliencyMethod[]]),
  /** The class whose score was explained (the predicted one unless another was asked for), its name and probability. */
  targetClass: z.number().int().nonnegative(),
  label: z.string(),
  probability: z.number(),
  predictedClass: z.number().int().nonnegative(),
  /** What the model sees, at the size the map has: the pixels after grey/RGB and resize, or the image HOG was computed on. */
  picture: pictureSchema,
  map: saliencyMapSchema,
  /** Grad-CAM: the conv layers one can pick (in model order) and the one used, with the size of its maps. */
  gradcam: z
    .object({
      layers: z.array(z.string()),
      layer: z.number().int().nonnegative(),
      mapWidth: z.number().int().positive(),
      mapHeight: z.number().int().positive(),
    })
    .optional(),
  /** SmoothGrad's settings as used. */
  smoothgrad: z.object({ samples: z.number().int(), noise: z.number(), seed: z.number().int() }).optional(),
  /** Occlusion's settings as used and the copies of the image the model classified (one batch). */
  occlusion: z
    .object({ patch: z.number().int(), stride: z.number().int(), copies: z.number().int(), fill: z.array(z.number()) })
    .optional(),
  /**
   * HOG cells: `weights` is signed (positive speaks for the class), [cellRow][cellColumn][bin] row-major; `picture`
   * is then skimage's HOG picture of the image, and `map` gives each cell's pixels the cell's positive weight.
   */
  hog: z
    .object({
      cellRows: z.number().int().positive(),
      cellColumns: z.number().int().positive(),
      orientations: z.number().int().positive(),
      pixelsPerCell: z.tuple([z.number().int().positive(), z.number().int().positive()]),
      weights: z.array(z.number()),
      /** Each orientation bin's weight summed over the cells. */
      binTotals: z.array(z.number()),
      /** The image HOG saw (the map and the HOG picture share its size). */
      image: pictureSchema,
    })
    .optional(),
});
export type SaliencyResult = z.infer<typeof saliencyResultSchema>;
