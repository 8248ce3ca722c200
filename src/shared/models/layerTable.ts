import type { LayerSpec, LayerType } from './modelSpec';

/**
 * Every layer type, once: what it holds and what the layer builder starts a new one with. Each type's fields are
 * its zod schema in `modelSpec.ts`; code that treats types differently (shapes, tfjs builder, report) switches
 * exhaustively with `assertNever`, so a type added here and there but forgotten elsewhere fails to compile.
 */
/** The spec of a layer of type T (pooling shares one schema for max and average, hence the distribution). */
type LayerOf<T extends LayerType> = LayerSpec extends infer L
  ? L extends { type: infer U }
    ? T extends U
      ? Omit<L, 'type'> & { type: T }
      : never
    : never
  : never;

interface LayerInfo<T extends LayerType> {
  /** Holds a kernel (weight matrix) and an optional bias: has an activation and initial weights. */
  weighted: boolean;
  /** A new layer of this type in the builder. */
  template: LayerOf<T>;
}

const initializer = { method: 'glorotUniform', scale: 1 } as const;

/** In the order the builder offers them. */
export const LAYERS: { [T in LayerType]: LayerInfo<T> } = {
  dense: { weighted: true, template: { type: 'dense', units: 16, activation: 'relu', useBias: true, initializer } },
  conv2d: {
    weighted: true,
    template: {
      type: 'conv2d',
      filters: 8,
      kernelSize: 3,
      strides: 1,
      padding: 'valid',
      dilation: 1,
      activation: 'relu',
      useBias: true,
      initializer,
    },
  },
  maxPool: { weighted: false, template: { type: 'maxPool', poolSize: 2, padding: 'valid' } },
  avgPool: { weighted: false, template: { type: 'avgPool', poolSize: 2, padding: 'valid' } },
  flatten: { weighted: false, template: { type: 'flatten' } },
  dropout: { weighted: false, template: { type: 'dropout', rate: 0.2 } },
  batchNorm: { weighted: false, template: { type: 'batchNorm', momentum: 0.99, epsilon: 0.001 } },
  output: { weighted: true, template: { type: 'output', units: 10, activation: 'softmax', useBias: true, initializer } },
};

export const LAYER_TYPES = Object.keys(LAYERS) as LayerType[];

/** A fresh copy of the builder's starting layer of `type`. */
export function newLayer(type: LayerType): LayerSpec {
  return structuredClone(LAYERS[type].template);
}
