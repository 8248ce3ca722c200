import * as tf from '@tensorflow/tfjs';
import { initialWeights } from '../../../shared/models/initialWeights';
import { assertNever } from '../../../shared/assertNever';
import { ACTIVATIONS, takesAlpha, type CustomTfjsActivationKind, type TfjsActivation } from '../../../shared/models/activationTable';
import { activationAlpha, activationKind, pair, type ActivationSpec, type ModelSpec } from '../../../shared/models/modelSpec';
import { summarizeModel, type ModelSummary } from '../../../shared/models/shapes';
import { registerCustomLayers, SinapsisActivation, SinapsisDropout } from './customLayers';

/**
 * Model spec -> tfjs LayersModel. Activations tfjs has as strings are passed to the weighted layer; the others
 * (leaky ReLU, PReLU, ELU with α, arctan, step: `tfjs.layer` in the activation table) follow it as their own layer. Initial weights come from
 * `initialWeights` (our seeded generator), so a spec and its seed always give the same starting network.
 */

/** tfjs's activation string inside the weighted layer: the activation itself when tfjs has it, else linear. */
function nativeActivation(activation: ActivationSpec): Extract<TfjsActivation, { layer: 'native' }>['name'] {
  const tfjs = ACTIVATIONS[activationKind(activation)].tfjs;
  return tfjs.layer === 'native' ? tfjs.name : 'linear';
}

/** The activation layer that follows a weighted layer, or null when tfjs computes it inside that layer. */
function activationLayer(activation: ActivationSpec, isImage: boolean, name: string): tf.layers.Layer | null {
  const kind = activationKind(activation);
  const alpha = activationAlpha(activation);
  const tfjs: TfjsActivation = ACTIVATIONS[kind].tfjs;
  switch (tfjs.layer) {
    case 'native':
      return null;
    case 'leakyRelu':
      return tf.layers.leakyReLU({ alpha, name });
    case 'prelu':
      // One α per channel for images (shared over height and width), one per neuron for dense layers.
      return tf.layers.prelu({
        alphaInitializer: tf.initializers.constant({ value: alpha }),
        sharedAxes: isImage ? [1, 2] : undefined,
        name,
      });
    case 'custom':
      return new SinapsisActivation({ fn: kind as CustomTfjsActivationKind, alpha: takesAlpha(kind) ? alpha : undefined, name });
    default:
      return assertNever(tfjs, 'tfjs activation');
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
          tf.layers.dense({ ...inputShape(), units: layer.units, useBias: layer.useBias, activation: nativeActivation(activation), name }),
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
            activation: nativeActivation(layer.activation),
            name,
          }),
        );
        const extra = activationLayer(layer.activation, true, `${name}_activation`);
        if (extra) model.add(extra);
        break;
      }
      case 'maxPool':
      case 'avgPool': {
        const args = {
          ...inputShape(),
          poolSize: pair(layer.poolSize),
          strides: pair(layer.strides ?? layer.poolSize),
          padding: layer.padding,
          name,
        };
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
      default:
        assertNever(layer, 'layer type');
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
