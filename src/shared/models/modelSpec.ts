import { z, type ZodObject } from 'zod';
import { seedSchema } from '../seedSchema';
import { LAYERS } from './layerTable';
import {
  ALPHA_ACTIVATION_KINDS,
  defaultAlpha,
  OUTPUT_ACTIVATION_KINDS,
  PLAIN_ACTIVATION_KINDS,
  type ActivationKind,
  type AlphaActivationKind,
} from './activationTable';

/**
 * The JSON model spec: what the student builds in the layer builder, what a run saves in `config.json`, and
 * what the core turns into a network (tfjs or the didactic engine). Pure data with runtime schemas, so the
 * renderer can validate a model before sending it.
 *
 * Shapes are channels-last: an image input is [height, width, channels]; a vector input is [features].
 */

/** Every activation, in the order of the lecture table; the table in `activationTable.ts` is the one list. */
export { ACTIVATION_KINDS, type ActivationKind } from './activationTable';

const alphaActivationSchemas = ALPHA_ACTIVATION_KINDS.map((kind) =>
  z.object({ kind: z.literal(kind), alpha: z.number().min(0).max(10).default(defaultAlpha(kind)) }),
) as unknown as [ZodObject<{ kind: z.ZodLiteral<AlphaActivationKind>; alpha: z.ZodDefault<z.ZodNumber> }>];

/**
 * A plain name (`"relu"`), or `{ kind, alpha }` for those that take α (leaky ReLU and ELU use it as slope or scale;
 * PReLU learns its α, starting from `alpha`); α defaults to the table's.
 */
export const activationSchema = z.union([z.enum(PLAIN_ACTIVATION_KINDS), z.discriminatedUnion('kind', alphaActivationSchemas)]);
export type ActivationSpec = z.output<typeof activationSchema>;

export function activationKind(activation: ActivationSpec): ActivationKind {
  return typeof activation === 'string' ? activation : activation.kind;
}

/** α of an activation that has one, else 0. */
export function activationAlpha(activation: ActivationSpec): number {
  return typeof activation === 'string' ? 0 : activation.alpha;
}

/**
 * How initial weights are drawn. `scale` multiplies every initial weight (the lecture's "x0.1" experiment).
 * - glorotUniform: U(-r, r), r = √(6 / (fanIn + fanOut)) (Keras' default)
 * - heNormal: N(0, 2 / fanIn), suited to ReLU
 * - uniform: U(-1, 1) as in the lecture exercises
 * - zeros
 */
export const INITIALIZER_METHODS = ['glorotUniform', 'heNormal', 'uniform', 'zeros'] as const;
export const initializerSchema = z.object({
  method: z.enum(INITIALIZER_METHODS).default('glorotUniform'),
  scale: z.number().min(0).max(100).default(1),
});
export type InitializerSpec = z.output<typeof initializerSchema>;

const positiveInt = (max: number) => z.number().int().min(1).max(max);
const pairSchema = (max: number) => z.union([positiveInt(max), z.tuple([positiveInt(max), positiveInt(max)])]);

export const denseLayerSchema = z.object({
  type: z.literal('dense'),
  units: positiveInt(100_000),
  activation: activationSchema.default('relu'),
  useBias: z.boolean().default(true),
  initializer: initializerSchema.default({ method: 'glorotUniform', scale: 1 }),
});

export const conv2dLayerSchema = z.object({
  type: z.literal('conv2d'),
  filters: positiveInt(4096),
  /** F: kernel size (square) or [height, width]. */
  kernelSize: pairSchema(255),
  /** S */
  strides: pairSchema(255).default(1),
  /** 'valid': P = 0; 'same': output size ceil(N / S), padding added as needed. */
  padding: z.enum(['valid', 'same']).default('valid'),
  dilation: pairSchema(64).default(1),
  activation: activationSchema.default('relu'),
  useBias: z.boolean().default(true),
  initializer: initializerSchema.default({ method: 'glorotUniform', scale: 1 }),
});

export const poolLayerSchema = z.object({
  type: z.enum(['maxPool', 'avgPool']),
  poolSize: pairSchema(255).default(2),
  /** Defaults to the pool size (non-overlapping windows). */
  strides: pairSchema(255).optional(),
  padding: z.enum(['valid', 'same']).default('valid'),
});

export const flattenLayerSchema = z.object({ type: z.literal('flatten') });

export const dropoutLayerSchema = z.object({
  type: z.literal('dropout'),
  /** Probability of silencing each unit during training. */
  rate: z.number().min(0).max(0.95),
});

export const batchNormLayerSchema = z.object({
  type: z.literal('batchNorm'),
  momentum: z.number().min(0).max(1).default(0.99),
  epsilon: z.number().positive().max(1).default(0.001),
});

/** The last layer: a dense layer whose activation says what the network predicts. */
export const outputLayerSchema = z.object({
  type: z.literal('output'),
  units: positiveInt(100_000),
  activation: z.enum(OUTPUT_ACTIVATION_KINDS).default('softmax'),
  useBias: z.boolean().default(true),
  initializer: initializerSchema.default({ method: 'glorotUniform', scale: 1 }),
});

export const layerSchema = z.discriminatedUnion('type', [
  denseLayerSchema,
  conv2dLayerSchema,
  poolLayerSchema,
  flattenLayerSchema,
  dropoutLayerSchema,
  batchNormLayerSchema,
  outputLayerSchema,
]);

export const modelSpecSchema = z.object({
  /** Shown in reports; free text. */
  name: z.string().max(200).default(''),
  /** [features] or [height, width, channels]. */
  inputShape: z.union([z.tuple([positiveInt(1_000_000)]), z.tuple([positiveInt(4096), positiveInt(4096), positiveInt(64)])]),
  layers: z.array(layerSchema).min(1).max(200),
  /** Seed of the initial weights (and of dropout masks), so a run can be reproduced. */
  seed: seedSchema.default(1),
});

export type ModelSpec = z.output<typeof modelSpecSchema>;
/** What a caller may write: defaults not yet applied. */
export type ModelSpecInput = z.input<typeof modelSpecSchema>;
export type LayerSpec = z.output<typeof layerSchema>;
export type DenseLayerSpec = z.output<typeof denseLayerSchema>;
export type Conv2dLayerSpec = z.output<typeof conv2dLayerSchema>;
export type PoolLayerSpec = z.output<typeof poolLayerSchema>;
export type OutputLayerSpec = z.output<typeof outputLayerSchema>;
export type LayerType = LayerSpec['type'];

/** Layers that hold a weight matrix (or kernel) and an optional bias. */
export type WeightedLayerSpec = DenseLayerSpec | Conv2dLayerSpec | OutputLayerSpec;

export function isWeighted(layer: LayerSpec): layer is WeightedLayerSpec {
  return LAYERS[layer.type].weighted;
}

export function pair(value: number | [number, number]): [number, number] {
  return typeof value === 'number' ? [value, value] : value;
}

/** Parses a spec, applying defaults; throws zod's error for invalid input. */
export function parseModelSpec(input: unknown): ModelSpec {
  return modelSpecSchema.parse(input);
}
