import * as tf from '@tensorflow/tfjs';
import { initialWeights } from '../../../shared/models/initialWeights';
import { activationAlpha, activationKind, pair, type ActivationSpec, type ModelSpec } from '../../../shared/models/modelSpec';
import { summarizeModel, type ModelSummary } from '../../../shared/models/shapes';
import { registerCustomLayers, SinapsisActivation, SinapsisDropout } from './customLayers';

/**
 * Model spec -> tfjs LayersModel. Activations tfjs has as strings are passed to the weighted layer; the others
 * (leaky ReLU, PReLU, ELU with α, arctan, step) follow it as their own layer. Initial weights come from
 * `initialWeights` (our seeded generator), so a spec and its seed always give the same starting network.
 */

type TfActivation = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softplus' | 'softmax';

const NATIVE: Partial<Record<string, TfActivation>> = {
  identity: 'linear',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  softplus: 'softplus',
  softmax: 'softmax',
};

/** The activation layer that follows a weighted layer, or null when tfjs computes it inside that layer. */
function activationLayer(activation: ActivationSpec, isImage: boolean, name: string): tf.layers.Layer | null {
  const kind = activationKind(activation);
  if (NATIVE[kind]) return null;
  const alpha = activationAlpha(activation);
  switch (kind) {
    case 'leakyRelu':
      return tf.layers.leakyReLU({ alpha, name });
    case 'elu':
      return new SinapsisActivation({ fn: 'elu', alpha, name });
    case 'prelu':
      // One α per channel for images (shared over height and width), one per neuron for dense layers.
      return tf.layers.prelu({ alphaInitializer: tf.initializers.constant({ value: alpha }), sharedAxes: isImage ? [1, 2] : undefined, name });
    case 'arctan':
    case 'step':
      return new SinapsisActivation({ fn: kind, name });
    default:
      throw new Error(`No tfjs layer for activation ${kind}.`);
  }
}

export interface BuiltModel {
  model: tf.LayersModel;
  summary: ModelSummary;
}

export function buildModel(spec: ModelSpec): BuiltModel {
  registerCustomLayers();
  const summary = summarizeModel(spec);
  const model = tf.sequential({ name: 'sinapsis' });
  let first = true;
  const inputShape = (): { inputShape?: number[] } => {
    if (!first) return {};
    first = false;
    return { inputShape: [...spec.inputShape] };
  };
  spec.layers.forEach((layer, index) => {
    const name = `L${index + 1}_${layer.type}`;
    switch (layer.type) {
      case 'dense':
      case 'output': {
        const activation = layer.activation;
        model.add(
          tf.layers.dense({ ...inputShape(), units: layer.units, useBias: layer.useBias, activation: NATIVE[activationKind(activation)] ?? 'linear', name }),
        );
        const extra = activationLayer(activation, false, `${name}_activation`);
        if (extra) model.add(extra);
        break;
      }
      case 'conv2d': {
        model.add(
          tf.layers.conv2d({
            ...inputShape(),
            filters: layer.filters,
            kernelSize: pair(layer.kernelSize),
            strides: pair(layer.strides),
            padding: layer.padding,
            dilationRate: pair(layer.dilation),
            useBias: layer.useBias,
            activation: NATIVE[activationKind(layer.activation)] ?? 'linear',
            name,
          }),
        );
        const extra = activationLayer(layer.activation, true, `${name}_activation`);
        if (extra) model.add(extra);
        break;
      }
      case 'maxPool':
      case 'avgPool': {
        const args = { ...inputShape(), poolSize: pair(layer.poolSize), strides: pair(layer.strides ?? layer.poolSize), padding: layer.padding, name };
        model.add(layer.type === 'maxPool' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args));
        break;
      }
      case 'flatten':
        model.add(tf.layers.flatten({ ...inputShape(), name }));
        break;
      case 'dropout':
        model.add(new SinapsisDropout({ ...inputShape(), rate: layer.rate, seed: spec.seed + index, name }));
        break;
      case 'batchNorm':
        model.add(tf.layers.batchNormalization({ ...inputShape(), momentum: layer.momentum, epsilon: layer.epsilon, name }));
        break;
    }
  });
  setInitialWeights(model, spec, summary);
  return { model, summary };
}

/** The tfjs layer holding the kernel of `spec.layers[index]`. */
export function weightedLayerName(spec: ModelSpec, index: number): string {
  return `L${index + 1}_${spec.layers[index].type}`;
}

function setInitialWeights(model: tf.LayersModel, spec: ModelSpec, summary: ModelSummary): void {
  for (const weights of initialWeights(spec, summary)) {
    const layer = model.getLayer(weightedLayerName(spec, weights.layerIndex));
    const values = [tf.tensor(weights.kernel, weights.kernelShape)];
    if (weights.bias) values.push(tf.tensor1d(weights.bias));
    layer.setWeights(values);
    tf.dispose(values);
  }
}
