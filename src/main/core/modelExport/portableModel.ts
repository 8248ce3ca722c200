import type * as tf from '@tensorflow/tfjs';
import { SinapsisError } from '../../../shared/contract/errors';

/**
 * A trained tfjs model read back as a plain list of layers with their weights: the one description the three
 * exporters (standard tfjs, ONNX, PyTorch) write from. It is read from the saved model itself, not from the
 * spec, so what leaves Sinapsis is exactly what predicted `predictions.json` (and an imported tfjs model exports
 * the same way as one trained here).
 *
 * Layouts are tfjs's (channels last): a dense kernel is [inputs, units], a conv kernel [kh, kw, in, filters],
 * an image activation [height, width, channels]. 'same' padding is written out as the padding TensorFlow adds
 * (the extra pixel, when the total is odd, at the bottom/right), because ONNX and PyTorch need it explicit.
 */

export type Pads = { top: number; bottom: number; left: number; right: number };
export type ImageShape = [number, number, number];
export type Shape = [number] | ImageShape;

/** Elementwise functions; every exporter has each one (or says why it cannot). */
export const PORTABLE_ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'softplus', 'softmax', 'arctan', 'step', 'elu', 'leakyRelu'] as const;
export type PortableActivation = (typeof PORTABLE_ACTIVATIONS)[number];

interface LayerBase {
  /** The tfjs layer's name (L3_conv2d, L3_conv2d_activation, ...), kept in every format. */
  name: string;
  inputShape: Shape;
  outputShape: Shape;
}

export type PortableLayer = LayerBase &
  (
    | { kind: 'dense'; units: number; kernel: Float32Array; bias: Float32Array | null }
    | {
        kind: 'conv2d';
        filters: number;
        kernelSize: [number, number];
        strides: [number, number];
        dilation: [number, number];
        pads: Pads;
        kernel: Float32Array;
        bias: Float32Array | null;
      }
    | { kind: 'pool'; op: 'max' | 'avg'; poolSize: [number, number]; strides: [number, number]; pads: Pads }
    | { kind: 'flatten' }
    | { kind: 'dropout'; rate: number }
    | { kind: 'batchNorm'; epsilon: number; gamma: Float32Array; beta: Float32Array; mean: Float32Array; variance: Float32Array }
    | { kind: 'activation'; fn: PortableActivation; alpha: number }
    /** One learned slope per channel (images) or per neuron (vectors). */
    | { kind: 'prelu'; alpha: Float32Array }
  );

export interface PortableModel {
  inputShape: Shape;
  outputShape: Shape;
  layers: PortableLayer[];
}

type Config = Record<string, unknown>;

function pairOf(value: unknown, fallback: [number, number]): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number'))
    return [value[0] as number, value[1] as number];
  return fallback;
}

function shapeOf(shape: readonly (number | null)[], layer: string): Shape {
  const rest = shape.slice(1);
  if (rest.some((v) => v === null) || (rest.length !== 1 && rest.length !== 3)) {
    throw new SinapsisError(
      'export-shape-unsupported',
      `Layer ${layer} cannot be exported: its shape ${JSON.stringify(shape)} is neither [features] nor [height, width, channels].`,
      {
        layer,
        shape: JSON.stringify(shape),
      },
    );
  }
  return rest as Shape;
}

/** A layer the export formats cannot express; the code says why (each is translated in the UI). */
function refuse(code: string, layer: string, why: string, params: Record<string, string> = {}): SinapsisError {
  return new SinapsisError(code, `Layer ${layer} cannot be exported: ${why}.`, { layer, ...params });
}

function activationRefused(layer: string, activation: string): SinapsisError {
  return refuse('export-activation-unsupported', layer, `activation "${activation}" has no equivalent in the export formats`, {
    activation,
  });
}

/** Padding TensorFlow adds for 'same' (output ceil(n / s)); zero for 'valid'. */
export function samePadding(
  padding: unknown,
  input: [number, number],
  kernel: [number, number],
  strides: [number, number],
  dilation: [number, number],
): Pads {
  if (padding !== 'same') return { top: 0, bottom: 0, left: 0, right: 0 };
  const total = (axis: 0 | 1): number => {
    const out = Math.ceil(input[axis] / strides[axis]);
    return Math.max((out - 1) * strides[axis] + (kernel[axis] - 1) * dilation[axis] + 1 - input[axis], 0);
  };
  const h = total(0);
  const w = total(1);
  return { top: Math.floor(h / 2), bottom: h - Math.floor(h / 2), left: Math.floor(w / 2), right: w - Math.floor(w / 2) };
}

const FUSED_ACTIVATIONS: Record<string, PortableActivation | null> = {
  linear: null,
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  softplus: 'softplus',
  softmax: 'softmax',
  elu: 'elu',
};

function fusedActivation(config: Config, name: string, shape: Shape): PortableLayer[] {
  const id = String(config.activation ?? 'linear');
  if (!(id in FUSED_ACTIVATIONS)) throw activationRefused(name, id);
  const fn = FUSED_ACTIVATIONS[id];
  return fn ? [{ kind: 'activation', fn, alpha: fn === 'elu' ? 1 : 0, name: `${name}_${fn}`, inputShape: shape, outputShape: shape }] : [];
}

function values(tensor: tf.Tensor): Float32Array {
  return Float32Array.from(tensor.dataSync());
}

function imageShape(shape: Shape, name: string): ImageShape {
  if (shape.length !== 3) throw refuse('export-layer-layout', name, 'it works on images but receives a vector');
  return shape;
}

/** The portable form of one tfjs layer (a weighted layer with a fused activation gives two). */
function portableLayers(layer: tf.layers.Layer, inputShape: Shape): PortableLayer[] {
  const name = layer.name;
  const config = layer.getConfig() as Config;
  const outputShape = shapeOf(layer.outputShape as (number | null)[], name);
  const base = { name, inputShape, outputShape };
  const weights = layer.getWeights();
  switch (layer.getClassName()) {
    case 'Dense': {
      if (inputShape.length !== 1) throw refuse('export-dense-on-image', name, 'a dense layer on an image needs a flatten layer before it');
      const units = outputShape[0];
      return [
        { ...base, kind: 'dense', units, kernel: values(weights[0]), bias: weights[1] ? values(weights[1]) : null },
        ...fusedActivation(config, name, outputShape),
      ];
    }
    case 'Conv2D': {
      const input = imageShape(inputShape, name);
      const kernelSize = pairOf(config.kernelSize, [1, 1]);
      const strides = pairOf(config.strides, [1, 1]);
      const dilation = pairOf(config.dilationRate, [1, 1]);
      if (config.dataFormat === 'channelsFirst') throw refuse('export-layer-layout', name, 'it is channels-first');
      const conv: PortableLayer = {
        ...base,
        kind: 'conv2d',
        filters: outputShape[2] ?? 0,
        kernelSize,
        strides,
        dilation,
        pads: samePadding(config.padding, [input[0], input[1]], kernelSize, strides, dilation),
        kernel: values(weights[0]),
        bias: weights[1] ? values(weights[1]) : null,
      };
      return [conv, ...fusedActivation(config, name, outputShape)];
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const input = imageShape(inputShape, name);
      const poolSize = pairOf(config.poolSize, [2, 2]);
      const strides = pairOf(config.strides, poolSize);
      const op = layer.getClassName() === 'MaxPooling2D' ? 'max' : 'avg';
      return [
        {
          ...base,
          kind: 'pool',
          op,
          poolSize,
          strides,
          pads: samePadding(config.padding, [input[0], input[1]], poolSize, strides, [1, 1]),
        },
      ];
    }
    case 'Flatten':
      return [{ ...base, kind: 'flatten' }];
    case 'Dropout':
    case 'SinapsisDropout':
      return [{ ...base, kind: 'dropout', rate: Number(config.rate ?? 0) }];
    case 'BatchNormalization': {
      const axis = config.axis;
      if (axis !== undefined && axis !== -1 && axis !== inputShape.length)
        throw refuse('export-batchnorm-unsupported', name, `it normalizes axis ${String(axis)}, not the channels`);
      if (weights.length !== 4) throw refuse('export-batchnorm-unsupported', name, 'it has no scale or no centre (the export writes both)');
      const [gamma, beta, mean, variance] = weights.map(values);
      return [{ ...base, kind: 'batchNorm', epsilon: Number(config.epsilon ?? 0.001), gamma, beta, mean, variance }];
    }
    case 'LeakyReLU':
      return [{ ...base, kind: 'activation', fn: 'leakyRelu', alpha: Number(config.alpha ?? 0.3) }];
    case 'ELU':
      return [{ ...base, kind: 'activation', fn: 'elu', alpha: Number(config.alpha ?? 1) }];
    case 'ReLU':
      if (config.maxValue !== null && config.maxValue !== undefined)
        throw activationRefused(name, `ReLU capped at ${String(config.maxValue)}`);
      return [{ ...base, kind: 'activation', fn: 'relu', alpha: 0 }];
    case 'Softmax':
      return [{ ...base, kind: 'activation', fn: 'softmax', alpha: 0 }];
    case 'Activation':
      return fusedActivation(config, name, outputShape).map((l) => ({ ...l, name }));
    case 'PReLU': {
      const alpha = values(weights[0]);
      const perChannel = outputShape.length === 3 ? outputShape[2] : outputShape[0];
      if (alpha.length !== perChannel) throw refuse('export-prelu-shared', name, 'its slopes are not one per channel (or per neuron)');
      return [{ ...base, kind: 'prelu', alpha }];
    }
    case 'SinapsisActivation': {
      const fn = String(config.fn);
      if (fn !== 'arctan' && fn !== 'step' && fn !== 'elu') throw activationRefused(name, fn);
      return [{ ...base, kind: 'activation', fn, alpha: fn === 'elu' ? Number(config.alpha ?? 1) : 0 }];
    }
    default:
      throw refuse('export-layer-unsupported', name, `the layer type ${layer.getClassName()} is not one Sinapsis builds`, {
        type: layer.getClassName(),
      });
  }
}

/** Reads a trained (sequential) tfjs model into the portable form. */
export function portableModel(model: tf.LayersModel): PortableModel {
  const inputShape = shapeOf(model.inputs[0].shape, 'input');
  if (model.inputs.length !== 1 || model.outputs.length !== 1)
    throw refuse('export-layer-layout', model.name, 'it has more than one input or output');
  const layers: PortableLayer[] = [];
  let shape = inputShape;
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    const portable = portableLayers(layer, shape);
    for (const part of portable) layers.push(part);
    shape = portable.length ? portable[portable.length - 1].outputShape : shape;
  }
  return { inputShape, outputShape: shape, layers };
}

/** Index of a kernel value in tfjs's conv layout [kh, kw, in, out]. */
export function convKernelIndex(
  shape: { kh: number; kw: number; cin: number; cout: number },
  y: number,
  x: number,
  i: number,
  o: number,
): number {
  return ((y * shape.kw + x) * shape.cin + i) * shape.cout + o;
}
