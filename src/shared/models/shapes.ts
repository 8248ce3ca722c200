import { SinapsisError } from '../contract/errors';
import { ACTIVATIONS } from './activationTable';
import { activationKind, isWeighted, pair, type ActivationSpec, type LayerSpec, type ModelSpec } from './modelSpec';

/**
 * Per-layer output shapes and parameter counts, computed from the spec alone (no tfjs), so the layer builder can
 * show them while the student types. The tests check every figure against tfjs's own model.
 */

export type Shape = number[];

export interface LayerSummary {
  index: number;
  type: LayerSpec['type'];
  /** Without the batch dimension. */
  outputShape: Shape;
  /** Trainable and non-trainable (batch norm's moving statistics) parameters, as tfjs's countParams(). */
  params: number;
  trainableParams: number;
  /** How the figure was obtained, e.g. "(28 + 2·0 - 5) / 1 + 1 = 24" or "320 × 18 + 18" (English words; the CLI's). */
  arithmetic: string;
  /** The same figures as data, so the interface can word them in its language (components/model/layerArithmetic.ts). */
  explain: LayerArithmetic;
}

/** One spatial dimension through a window: 'same' keeps ceil(N / S) with P pixels per side; 'valid' is (N - F) / S + 1. */
export type AxisArithmetic =
  | { padding: 'same'; n: number; s: number; size: number; perSide: number }
  | { padding: 'valid'; n: number; f: number; kernel: number; dilation: number; s: number; size: number };

/** The figures behind a layer's output shape and parameter count. */
export type LayerArithmetic =
  | { kind: 'dense'; inputs: number; units: number; bias: number; alpha: number; params: number }
  | {
      kind: 'conv';
      height: AxisArithmetic;
      width: AxisArithmetic;
      kernel: [number, number];
      channels: number;
      filters: number;
      bias: number;
      alpha: number;
      params: number;
    }
  | { kind: 'pool'; height: AxisArithmetic; width: AxisArithmetic }
  | { kind: 'flatten'; input: number[]; size: number }
  | { kind: 'dropout'; rate: number }
  | { kind: 'batchNorm'; channels: number };

export interface ModelSummary {
  inputShape: Shape;
  outputShape: Shape;
  layers: LayerSummary[];
  totalParams: number;
  trainableParams: number;
  /** Values kept per sample by the forward pass (every layer's output), for the memory estimate. */
  activationsPerSample: number;
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function shapeText(shape: readonly number[]): string {
  return shape.join('×');
}

/** Extra parameters of the activation that follows a weighted layer: PReLU learns one α per unit (per channel for images). */
function activationParams(activation: ActivationSpec, shape: Shape): number {
  if (!ACTIVATIONS[activationKind(activation)].learnsAlpha) return 0;
  return shape[shape.length - 1];
}

/**
 * One spatial dimension through a convolution or pooling window: O = (N + 2P - F) / S + 1, with F the effective
 * window (a dilated kernel covers d(F - 1) + 1 pixels). 'valid' means P = 0; 'same' pads so that O = ceil(N / S).
 * A non-integer or non-positive O is rejected, as the course asks students to check by hand.
 */
export function windowOutputSize(
  n: number,
  f: number,
  s: number,
  padding: 'valid' | 'same',
  dilation: number,
  where: string,
): { size: number; arithmetic: string; axis: AxisArithmetic } {
  const effective = dilation * (f - 1) + 1;
  const fText = dilation > 1 ? `${effective} (kernel ${f} dilated by ${dilation})` : `${f}`;
  if (padding === 'same') {
    const size = Math.ceil(n / s);
    const totalPadding = Math.max(0, (size - 1) * s + effective - n);
    return {
      size,
      arithmetic: `ceil(${n} / ${s}) = ${size} (padding ${totalPadding / 2} per side)`,
      axis: { padding: 'same', n, s, size, perSide: totalPadding / 2 },
    };
  }
  const exact = (n - effective) / s + 1;
  const arithmetic = `(${n} + 2·0 - ${fText}) / ${s} + 1 = ${Number.isInteger(exact) ? exact : exact.toFixed(2)}`;
  if (exact <= 0) {
    throw new SinapsisError(
      'model-window-too-large',
      `${where}: (N + 2P - F) / S + 1 = ${arithmetic}, which is not positive: the ${f}×${f} window does not fit in ${n} pixels. Use a smaller kernel, 'same' padding, or remove a pooling layer before it.`,
      { where, n, f: effective, s, p: 0, result: exact },
    );
  }
  if (!Number.isInteger(exact)) {
    throw new SinapsisError(
      'model-window-not-integer',
      `${where}: (N + 2P - F) / S + 1 = ${arithmetic} is not an integer, so the window would not cover the ${n} pixels evenly. Change the stride, the kernel size or the padding ('same').`,
      { where, n, f: effective, s, p: 0, result: Number(exact.toFixed(4)) },
    );
  }
  return { size: exact, arithmetic, axis: { padding: 'valid', n, f: effective, kernel: f, dilation, s, size: exact } };
}

function layerName(layer: LayerSpec, index: number): string {
  return `Layer ${index + 1} (${layer.type})`;
}

function summarizeLayer(layer: LayerSpec, index: number, input: Shape, isLast: boolean): LayerSummary {
  const where = layerName(layer, index);
  const base = { index, type: layer.type };
  switch (layer.type) {
    case 'dense':
    case 'output': {
      if (input.length !== 1) {
        throw new SinapsisError(
          'model-needs-flatten',
          `${where} is dense but receives a ${shapeText(input)} image-shaped input. Add a flatten layer before it.`,
          { where, shape: shapeText(input) },
        );
      }
      const n = input[0];
      const bias = layer.useBias ? layer.units : 0;
      const extra = layer.type === 'dense' ? activationParams(layer.activation, [layer.units]) : 0;
      const params = n * layer.units + bias + extra;
      const arithmetic = `${n} × ${layer.units}${bias ? ` + ${bias}` : ''}${extra ? ` + ${extra} (PReLU α)` : ''} = ${params}`;
      return {
        ...base,
        outputShape: [layer.units],
        params,
        trainableParams: params,
        arithmetic,
        explain: { kind: 'dense', inputs: n, units: layer.units, bias, alpha: extra, params },
      };
    }
    case 'conv2d': {
      if (input.length !== 3) {
        throw new SinapsisError(
          'model-conv-needs-image',
          `${where} needs an image input [height, width, channels], but receives ${shapeText(input)}.`,
          {
            where,
            shape: shapeText(input),
          },
        );
      }
      const [kh, kw] = pair(layer.kernelSize);
      const [sh, sw] = pair(layer.strides);
      const [dh, dw] = pair(layer.dilation);
      if ((dh > 1 || dw > 1) && (sh > 1 || sw > 1)) {
        throw new SinapsisError(
          'model-dilation-with-stride',
          `${where}: dilation above 1 cannot be combined with a stride above 1 (tfjs does not support it). Set one of them to 1.`,
          { where },
        );
      }
      const h = windowOutputSize(input[0], kh, sh, layer.padding, dh, `${where}, height`);
      const w = windowOutputSize(input[1], kw, sw, layer.padding, dw, `${where}, width`);
      const cin = input[2];
      const outputShape = [h.size, w.size, layer.filters];
      const weights = kh * kw * cin * layer.filters;
      const bias = layer.useBias ? layer.filters : 0;
      const extra = activationParams(layer.activation, outputShape);
      const params = weights + bias + extra;
      const arithmetic = `height ${h.arithmetic}; width ${w.arithmetic}; params ${kh}×${kw}×${cin}×${layer.filters}${bias ? ` + ${bias}` : ''}${extra ? ` + ${extra} (PReLU α)` : ''} = ${params}`;
      const explain: LayerArithmetic = {
        kind: 'conv',
        height: h.axis,
        width: w.axis,
        kernel: [kh, kw],
        channels: cin,
        filters: layer.filters,
        bias,
        alpha: extra,
        params,
      };
      return { ...base, outputShape, params, trainableParams: params, arithmetic, explain };
    }
    case 'maxPool':
    case 'avgPool': {
      if (input.length !== 3) {
        throw new SinapsisError(
          'model-pool-needs-image',
          `${where} needs an image input [height, width, channels], but receives ${shapeText(input)}.`,
          {
            where,
            shape: shapeText(input),
          },
        );
      }
      const [ph, pw] = pair(layer.poolSize);
      const [sh, sw] = pair(layer.strides ?? layer.poolSize);
      const h = windowOutputSize(input[0], ph, sh, layer.padding, 1, `${where}, height`);
      const w = windowOutputSize(input[1], pw, sw, layer.padding, 1, `${where}, width`);
      return {
        ...base,
        outputShape: [h.size, w.size, input[2]],
        params: 0,
        trainableParams: 0,
        arithmetic: `height ${h.arithmetic}; width ${w.arithmetic}`,
        explain: { kind: 'pool', height: h.axis, width: w.axis },
      };
    }
    case 'flatten': {
      const size = product(input);
      return {
        ...base,
        outputShape: [size],
        params: 0,
        trainableParams: 0,
        arithmetic: `${shapeText(input)} = ${size}`,
        explain: { kind: 'flatten', input: [...input], size },
      };
    }
    case 'dropout':
      if (isLast)
        throw new SinapsisError('model-ends-with-dropout', `${where}: a network cannot end with dropout; end it with an output layer.`, {
          where,
        });
      return {
        ...base,
        outputShape: [...input],
        params: 0,
        trainableParams: 0,
        arithmetic: `rate ${layer.rate}`,
        explain: { kind: 'dropout', rate: layer.rate },
      };
    case 'batchNorm': {
      const channels = input[input.length - 1];
      // γ and β are learned; the moving mean and variance are updated from batches but are not trained.
      return {
        ...base,
        outputShape: [...input],
        params: 4 * channels,
        trainableParams: 2 * channels,
        arithmetic: `4 × ${channels} (γ, β learned; mean, variance tracked)`,
        explain: { kind: 'batchNorm', channels },
      };
    }
  }
}

/** Output shape and parameters of every layer; throws a SinapsisError naming the layer and the numbers when the spec cannot be built. */
export function summarizeModel(spec: ModelSpec): ModelSummary {
  const last = spec.layers[spec.layers.length - 1];
  if (last.type !== 'output') {
    throw new SinapsisError(
      'model-needs-output',
      `The last layer must be an output layer (softmax, sigmoid or linear); it is ${last.type}.`,
      { type: last.type },
    );
  }
  spec.layers.forEach((layer, index) => {
    if (layer.type === 'output' && index !== spec.layers.length - 1) {
      throw new SinapsisError(
        'model-output-not-last',
        `Layer ${index + 1} is an output layer but is not the last one. Use a dense layer for hidden layers.`,
        { where: index + 1 },
      );
    }
    if (layer.type === 'dense' && activationKind(layer.activation) === 'softmax') {
      throw new SinapsisError('model-hidden-softmax', `Layer ${index + 1}: softmax belongs to the output layer only.`, {
        where: index + 1,
      });
    }
  });
  let shape: Shape = [...spec.inputShape];
  let activations = product(shape);
  const layers = spec.layers.map((layer, index) => {
    const summary = summarizeLayer(layer, index, shape, index === spec.layers.length - 1);
    shape = summary.outputShape;
    // A weighted layer with a separate activation keeps both its net input and its output.
    activations += product(shape) * (isWeighted(layer) ? 2 : 1);
    return summary;
  });
  return {
    inputShape: [...spec.inputShape],
    outputShape: shape,
    layers,
    totalParams: layers.reduce((sum, layer) => sum + layer.params, 0),
    trainableParams: layers.reduce((sum, layer) => sum + layer.trainableParams, 0),
    activationsPerSample: activations,
  };
}
