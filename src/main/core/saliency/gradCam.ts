import * as tf from '@tensorflow/tfjs';
import { SinapsisError } from '../../../shared/contract/errors';
import { afterActivations, applyLayers, classScores, convPositions, targetScore, type Chain } from './modelChain';

/**
 * Grad-CAM (Selvaraju et al. 2017): for a conv layer's maps A_k, each map's weight is the mean over its positions
 * of ∂ score / ∂ A_k (how much the class score rises with that map, "global-average-pooled gradients"); the map is
 * ReLU(Σ_k weight_k · A_k), so only what speaks *for* the class is kept, then stretched to the input's size. It is
 * as coarse as the layer's maps (a 7×7 map over a 28×28 digit): a region, not a pixel. One forward and one backward
 * pass.
 */
export interface GradCamResult {
  /** Height × width of the input, row-major, ≥ 0. */
  values: Float32Array;
  /** The conv layer used: its position among the conv layers and the size of its maps. */
  layer: number;
  mapWidth: number;
  mapHeight: number;
}

export function gradCam(
  chain: Chain,
  modelInput: tf.Tensor,
  target: number,
  size: { width: number; height: number },
  layer?: number,
): GradCamResult {
  const convs = convPositions(chain);
  const chosen = layer ?? convs.length - 1;
  if (chosen >= convs.length) {
    throw new SinapsisError(
      'inference-no-such-conv',
      `The model has ${convs.length} conv layers; there is no conv layer number ${chosen + 1}.`,
      { layer: chosen + 1, total: convs.length },
    );
  }
  const end = afterActivations(chain, convs[chosen]) + 1;
  return tf.tidy(() => {
    const maps = applyLayers(chain, modelInput, 0, end) as tf.Tensor4D;
    const gradient = tf.grad((a: tf.Tensor) => targetScore(classScores(chain, a, end), target))(maps);
    const weights = tf.mean(gradient, [1, 2], true);
    const cam = tf.relu(tf.sum(tf.mul(maps, weights), 3, true)) as tf.Tensor4D;
    const [, mapHeight, mapWidth] = maps.shape;
    const stretched = tf.image.resizeBilinear(cam, [size.height, size.width], false, true);
    return { values: stretched.dataSync() as Float32Array, layer: chosen, mapWidth, mapHeight };
  });
}
