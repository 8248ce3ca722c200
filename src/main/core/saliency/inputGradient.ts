import * as tf from '@tensorflow/tfjs';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { classScores, targetScore, type Chain } from './modelChain';
import { maxAbsOverChannels, type PixelInput } from './pixelInput';

/**
 * Gradient maps over the pixels (Simonyan et al. 2014): |∂ score / ∂ pixel|, the largest over the channels. It says
 * which pixels would change the score most if they changed a little: fine-grained but noisy, because a trained
 * network's gradient jumps from pixel to pixel. SmoothGrad (Smilkov et al. 2017) averages the map over copies of
 * the image with Gaussian noise (σ = a fraction of the image's value range, drawn from a seeded generator so the
 * same settings give the same map), which keeps what is stable and washes out the rest. All copies go through the
 * model as one batch: one forward and one backward pass.
 */

/** Per-sample |gradient| of the target score for a batch of raw pixel vectors [n, length], summed over the batch. */
function absGradientSum(chain: Chain, input: PixelInput, batch: tf.Tensor2D, target: number): Float32Array {
  return tf.tidy(() => {
    const gradient = tf.grad((raw: tf.Tensor) => targetScore(classScores(chain, input.toModelInput(raw), 0), target))(batch);
    return tf.sum(tf.abs(gradient), 0).dataSync() as Float32Array;
  });
}

/** The vanilla input gradient of one image: height × width values ≥ 0. */
export function inputGradient(chain: Chain, input: PixelInput, target: number): Float32Array {
  const batch = tf.tensor2d(input.raw, [1, input.raw.length]);
  try {
    return maxAbsOverChannels(absGradientSum(chain, input, batch, target), input.width * input.height, input.channels);
  } finally {
    batch.dispose();
  }
}

/** The noisy copies SmoothGrad averages over: `samples` rows of raw + N(0, σ²), σ = noise × (max − min) of the image. */
export function noisyCopies(raw: Float32Array, samples: number, noise: number, seed: number): Float32Array {
  let min = Infinity;
  let max = -Infinity;
  for (const v of raw) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A flat image has no range: its noise is taken relative to the pixels' full range 0..1.
  const sigma = noise * (max > min ? max - min : 1);
  const random = createSeededRandom(seed);
  const out = new Float32Array(samples * raw.length);
  for (let s = 0; s < samples; s++) for (let i = 0; i < raw.length; i++) out[s * raw.length + i] = raw[i] + sigma * random.normal();
  return out;
}

export function smoothGrad(
  chain: Chain,
  input: PixelInput,
  target: number,
  options: { samples: number; noise: number; seed: number },
): Float32Array {
  const batch = tf.tensor2d(noisyCopies(input.raw, options.samples, options.noise, options.seed), [options.samples, input.raw.length]);
  try {
    const sum = absGradientSum(chain, input, batch, target);
    for (let i = 0; i < sum.length; i++) sum[i] /= options.samples;
    return maxAbsOverChannels(sum, input.width * input.height, input.channels);
  } finally {
    batch.dispose();
  }
}
