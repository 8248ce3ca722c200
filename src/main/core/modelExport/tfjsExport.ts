import * as tf from '@tensorflow/tfjs';
import { SinapsisError } from '../../../shared/contract/errors';
import { modelArtifacts } from '../models/modelIO';
import type { PortableLayer, PortableModel } from './portableModel';

/**
 * The portable model as a TensorFlow.js model made only of stock layers, so that `tf.loadLayersModel` in any
 * tfjs (browser or Node) reads it without Sinapsis code:
 * - dropout becomes tfjs's Dropout (the identity at inference; the run's own model/ keeps our seeded one for training);
 * - ELU with α ≠ 1, which tfjs's ELU layer refuses, is written as (1 − α)·ReLU(x) + α·ELU₁(x): for x ≥ 0 both
 *   are x, for x < 0 ReLU is 0 and ELU₁ is eˣ − 1, so the sum is α(eˣ − 1), exactly ELU_α;
 * - arctan and the step function have no tfjs layer and no exact construction from stock layers, so a model
 *   using them is refused with that reason (ONNX and PyTorch have both).
 * The model is functional (tf.model) rather than sequential because the ELU construction branches.
 */

const STOCK_ACTIVATION = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'relu', softplus: 'softplus', softmax: 'softmax' } as const;

function refuse(layer: PortableLayer, fn: string): SinapsisError {
  return new SinapsisError(
    'export-tfjs-activation',
    `Layer ${layer.name} uses ${fn}, which TensorFlow.js has no standard layer for (and no exact construction from standard layers). Export this model as ONNX or PyTorch, or train it with another activation.`,
    { layer: layer.name, activation: fn },
  );
}

function setWeights(layer: tf.layers.Layer, arrays: { values: Float32Array; shape: number[] }[]): void {
  const tensors = arrays.map((a) => tf.tensor(a.values, a.shape));
  layer.setWeights(tensors);
  tf.dispose(tensors);
}

function apply(layer: tf.layers.Layer, x: tf.SymbolicTensor): tf.SymbolicTensor {
  return layer.apply(x) as tf.SymbolicTensor;
}

/** Applies one portable layer to the symbolic tensor `x`, returning the output and the layers whose weights to set afterwards. */
function addLayer(layer: PortableLayer, x: tf.SymbolicTensor, later: (() => void)[]): tf.SymbolicTensor {
  const name = layer.name;
  switch (layer.kind) {
    case 'dense': {
      const dense = tf.layers.dense({ units: layer.units, useBias: layer.bias !== null, name });
      const y = apply(dense, x);
      const weights = [{ values: layer.kernel, shape: [layer.inputShape[0], layer.units] }];
      if (layer.bias) weights.push({ values: layer.bias, shape: [layer.units] });
      later.push(() => setWeights(dense, weights));
      return y;
    }
    case 'conv2d': {
      const conv = tf.layers.conv2d({
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        dilationRate: layer.dilation,
        padding: layer.pads.top + layer.pads.bottom + layer.pads.left + layer.pads.right > 0 ? 'same' : 'valid',
        useBias: layer.bias !== null,
        name,
      });
      const y = apply(conv, x);
      const cin = layer.inputShape[2] ?? 1;
      const weights = [{ values: layer.kernel, shape: [...layer.kernelSize, cin, layer.filters] }];
      if (layer.bias) weights.push({ values: layer.bias, shape: [layer.filters] });
      later.push(() => setWeights(conv, weights));
      return y;
    }
    case 'pool': {
      const padding = layer.pads.top + layer.pads.bottom + layer.pads.left + layer.pads.right > 0 ? 'same' : 'valid';
      const args = { poolSize: layer.poolSize, strides: layer.strides, padding, name } as const;
      return apply(layer.op === 'max' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args), x);
    }
    case 'flatten':
      return apply(tf.layers.flatten({ name }), x);
    case 'dropout':
      return apply(tf.layers.dropout({ rate: layer.rate, name }), x);
    case 'batchNorm': {
      const norm = tf.layers.batchNormalization({ epsilon: layer.epsilon, name });
      const y = apply(norm, x);
      const shape = [layer.gamma.length];
      later.push(() =>
        setWeights(
          norm,
          [layer.gamma, layer.beta, layer.mean, layer.variance].map((values) => ({ values, shape })),
        ),
      );
      return y;
    }
    case 'prelu': {
      const isImage = layer.inputShape.length === 3;
      const prelu = tf.layers.prelu({ sharedAxes: isImage ? [1, 2] : undefined, name });
      const y = apply(prelu, x);
      later.push(() => setWeights(prelu, [{ values: layer.alpha, shape: isImage ? [1, 1, layer.alpha.length] : [layer.alpha.length] }]));
      return y;
    }
    case 'activation': {
      switch (layer.fn) {
        case 'sigmoid':
        case 'tanh':
        case 'relu':
        case 'softplus':
        case 'softmax':
          return apply(tf.layers.activation({ activation: STOCK_ACTIVATION[layer.fn], name }), x);
        case 'leakyRelu':
          return apply(tf.layers.leakyReLU({ alpha: layer.alpha, name }), x);
        case 'elu': {
          if (layer.alpha === 1) return apply(tf.layers.elu({ name }), x);
          const relu = apply(
            tf.layers.rescaling({ scale: 1 - layer.alpha, offset: 0, name: `${name}_relu_part` }),
            apply(tf.layers.reLU({ name: `${name}_relu` }), x),
          );
          const elu = apply(
            tf.layers.rescaling({ scale: layer.alpha, offset: 0, name: `${name}_elu_part` }),
            apply(tf.layers.elu({ name: `${name}_elu1` }), x),
          );
          return tf.layers.add({ name }).apply([relu, elu]) as tf.SymbolicTensor;
        }
        case 'arctan':
        case 'step':
          throw refuse(layer, layer.fn);
      }
    }
  }
}

/** The stock-tfjs model as in-memory artifacts (model.json topology, weight specs and data). */
export async function standardTfjsArtifacts(portable: PortableModel): Promise<tf.io.ModelArtifacts> {
  const input = tf.input({ shape: [...portable.inputShape], name: 'input' });
  const later: (() => void)[] = [];
  let x = input;
  for (const layer of portable.layers) x = addLayer(layer, x, later);
  const model = tf.model({ inputs: input, outputs: x, name: 'sinapsis_export' });
  try {
    for (const set of later) set();
    return await modelArtifacts(model);
  } finally {
    model.dispose();
  }
}
