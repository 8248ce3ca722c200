import * as tf from '@tensorflow/tfjs';
import { SinapsisError } from '../../../shared/contract/errors';
import { ACTIVATION_LAYERS } from '../inference/inspectConv';

/**
 * A model seen as a chain of layers, so that a gradient can start in the middle (Grad-CAM differentiates the class
 * score with respect to a conv layer's maps, not to the input). Every Sinapsis model is such a chain; an imported
 * functional model with branches is refused with the reason.
 *
 * The **class score** is what the methods differentiate: the output layer's value *before* its softmax or sigmoid
 * (the logit), as in Grad-CAM's paper. The probability saturates: once it is 0,99 its gradient is almost zero
 * everywhere, while the logit still says which pixels raise the class against the others.
 */

export type Chain = tf.layers.Layer[];

function notAChain(name: string): SinapsisError {
  return new SinapsisError(
    'saliency-not-a-chain',
    `The layer "${name}" does not take the output of the layer before it (the model has branches), so its saliency maps cannot be computed layer by layer. Occlusion still works: it only asks the model for predictions.`,
    { layer: name },
  );
}

/** The model's layers in order, without the input layer; refuses a model whose layers do not follow one another. */
export function modelChain(model: tf.LayersModel): Chain {
  const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
  if (model instanceof tf.Sequential) return layers;
  layers.forEach((layer, index) => {
    const nodes = layer.inboundNodes;
    const inbound = nodes.length === 1 ? nodes[0].inboundLayers : [];
    const previousOk = index === 0 ? inbound[0]?.getClassName() === 'InputLayer' : inbound[0] === layers[index - 1];
    if (inbound.length !== 1 || !previousOk) throw notAChain(layer.name);
  });
  return layers;
}

/** Positions in the chain of the 2D convolution layers. */
export function convPositions(chain: Chain): number[] {
  return chain.flatMap((layer, index) => (layer.getClassName() === 'Conv2D' ? [index] : []));
}

/** The position whose output is "the conv layer's maps": the conv itself or the activation layers right after it. */
export function afterActivations(chain: Chain, position: number): number {
  let index = position;
  while (index + 1 < chain.length && ACTIVATION_LAYERS.has(chain[index + 1].getClassName())) index += 1;
  return index;
}

/** Layers `from` .. `to - 1` applied to `x` as in prediction (dropout off, batch norm with its moving statistics). */
export function applyLayers(chain: Chain, x: tf.Tensor, from: number, to: number): tf.Tensor {
  let y = x;
  for (let i = from; i < to; i++) y = chain[i].apply(y, { training: false }) as tf.Tensor;
  return y;
}

const SQUASHING_LAYERS = new Set(['Activation', 'Softmax']);

/**
 * The output layer's values before its squashing activation, [batch, outputs], from the output of layer `from - 1`:
 * a dense output layer's x·W + b; the input of a final softmax/sigmoid activation layer; otherwise the outputs.
 */
export function classScores(chain: Chain, x: tf.Tensor, from: number): tf.Tensor {
  const last = chain[chain.length - 1];
  const className = last.getClassName();
  if (from > chain.length - 1) return x;
  const beforeLast = applyLayers(chain, x, from, chain.length - 1);
  if (className === 'Dense' && beforeLast.rank === 2) {
    const [kernel, bias] = last.weights.map((weight) => weight.read());
    const product = tf.matMul(beforeLast as tf.Tensor2D, kernel as tf.Tensor2D);
    return bias ? tf.add(product, bias) : product;
  }
  if (SQUASHING_LAYERS.has(className)) return beforeLast;
  return applyLayers(chain, beforeLast, chain.length - 1, chain.length);
}

/**
 * The score of class `target` summed over the batch (each sample's gradient is then its own). A single output
 * (one sigmoid for two classes) scores class 1 with its logit z and class 0 with −z.
 */
export function targetScore(scores: tf.Tensor, target: number): tf.Scalar {
  const width = scores.shape[1] ?? 1;
  if (width === 1) return tf.sum(target === 1 ? scores : tf.neg(scores));
  // A one-hot product rather than tf.gather: gather's gradient needs UnsortedSegmentSum, which the wasm backend lacks.
  return tf.sum(tf.mul(scores, tf.cast(tf.oneHot([target], width), 'float32')));
}
