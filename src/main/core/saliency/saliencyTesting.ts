import * as tf from '@tensorflow/tfjs';
import { LAB_HOG_PARAMS } from '../../../shared/contract/features';
import { RUN_FORMAT_VERSION } from '../../../shared/contract/runs';
import type { Scaler } from '../../../shared/datasets/scaling';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { hogLength } from '../../../shared/features/hogLength';
import { parseModelSpec } from '../../../shared/models/modelSpec';
import { pixelDetails } from '../features/pixelDetails';
import type { PixelImage } from '../features/pixelImage';
import { buildModel } from '../models/buildModel';
import type { RunModel } from '../inference/runModelCache';

/**
 * Hand-built runs whose saliency is known, for the tests and the bench: models whose weights on one half of the
 * image are zero, so the class score depends only on the other half.
 */

export type Half = 'left' | 'right';
export const CLASSES = ['a', 'b', 'c'];

/** Class names for the model's outputs: CLASSES for the hand-built 3-output models, "0", "1", … for others. */
function classesOf(model: tf.LayersModel): string[] {
  const outputs = model.outputs[0].shape[1] ?? CLASSES.length;
  return outputs === CLASSES.length ? CLASSES : Array.from({ length: outputs }, (_, i) => String(i));
}

/** Uniform weights in [−1, 1) from a seed. */
export function seededValues(length: number, seed: number): Float32Array {
  const random = createSeededRandom(seed);
  return Float32Array.from({ length }, () => random.uniform(-1, 1));
}

export function seededImage(width: number, height: number, channels: 1 | 3, seed: number): PixelImage {
  const random = createSeededRandom(seed);
  return { width, height, channels, data: Uint8Array.from({ length: width * height * channels }, () => random.int(256)) };
}

/** A pixel run around `model` (grey or RGB, no resize needed for images of that size). */
export function pixelRun(
  model: tf.LayersModel,
  size: { width: number; height: number; channels: 1 | 3 },
  scaler: Scaler | null = null,
): RunModel {
  const { width, height, channels } = size;
  const keepShape = model.inputs[0].shape.length === 4;
  const inputShape = keepShape ? [height, width, channels] : [width * height * channels];
  const details = pixelDetails({
    width,
    height,
    channels,
    colorMode: channels === 1 ? 'grayscale' : 'rgb',
    resizeMode: 'stretch',
    keepShape,
  });
  return {
    dir: '/hand-built',
    model,
    inputShape,
    outputWidth: classesOf(model).length,
    preprocessing: {
      formatVersion: RUN_FORMAT_VERSION,
      scaling: scaler ? 'zscore' : 'none',
      scaler,
      features: { kind: 'pixels', length: details.length, details },
      sampleShape: inputShape,
      classes: classesOf(model),
    },
  };
}

/** Whether pixel column `x` of an image `width` wide lies in `half`. */
export const inHalf = (x: number, width: number, half: Half): boolean => (half === 'left' ? x < width / 2 : x >= width / 2);

/**
 * An MLP on the pixels of a `width` × `height` grey image (pixels -> dense(hidden, tanh) -> dense(3, softmax))
 * whose first layer's weights from the other half's pixels are zero.
 */
export function halfMlp(
  width: number,
  height: number,
  half: Half,
  hidden = 6,
  seed = 3,
  outputActivation: 'softmax' | 'identity' = 'softmax',
): tf.LayersModel {
  const spec = parseModelSpec({
    name: 'half-mlp',
    inputShape: [width * height],
    layers: [
      { type: 'dense', units: hidden, activation: 'tanh' },
      { type: 'output', units: CLASSES.length, activation: outputActivation },
    ],
  });
  const { model } = buildModel(spec);
  const kernel = seededValues(width * height * hidden, seed);
  for (let p = 0; p < width * height; p++) if (!inHalf(p % width, width, half)) kernel.fill(0, p * hidden, (p + 1) * hidden);
  const [dense, output] = model.layers;
  dense.setWeights([tf.tensor2d(kernel, [width * height, hidden]), tf.tensor1d(seededValues(hidden, seed + 1))]);
  output.setWeights([
    tf.tensor2d(seededValues(hidden * CLASSES.length, seed + 2), [hidden, CLASSES.length]),
    tf.tensor1d([0.1, -0.2, 0.05]),
  ]);
  return model;
}

/**
 * A CNN: conv 3×3 'same' (`filters` filters, ReLU) -> flatten -> dense(3, softmax), whose output weights from the
 * other half's map positions are zero; `kernel` sets the conv filters (default: seeded).
 */
export function halfCnn(
  width: number,
  height: number,
  channels: 1 | 3,
  half: Half,
  options: { filters?: number; kernel?: Float32Array; seed?: number } = {},
): tf.LayersModel {
  const filters = options.filters ?? 2;
  const seed = options.seed ?? 5;
  const spec = parseModelSpec({
    name: 'half-cnn',
    inputShape: [height, width, channels],
    layers: [
      { type: 'conv2d', filters, kernelSize: 3, padding: 'same', activation: 'relu' },
      { type: 'flatten' },
      { type: 'output', units: CLASSES.length, activation: 'softmax' },
    ],
  });
  const { model } = buildModel(spec);
  const conv = model.layers[0];
  const output = model.layers[model.layers.length - 1];
  conv.setWeights([
    tf.tensor4d(options.kernel ?? seededValues(9 * channels * filters, seed), [3, 3, channels, filters]),
    tf.zeros([filters]),
  ]);
  const inputs = width * height * filters;
  const dense = seededValues(inputs * CLASSES.length, seed + 1);
  for (let i = 0; i < inputs; i++) {
    const x = Math.floor(i / filters) % width;
    if (!inHalf(x, width, half)) dense.fill(0, i * CLASSES.length, (i + 1) * CLASSES.length);
  }
  output.setWeights([tf.tensor2d(dense, [inputs, CLASSES.length]), tf.zeros([CLASSES.length])]);
  return model;
}

/** A HOG run (lab parameters, images of `width` × `height`, no resize) around a model on the HOG vector. */
export function hogRun(model: tf.LayersModel, width: number, height: number, scaler: Scaler | null = null): RunModel {
  const length = hogLength(height, width, LAB_HOG_PARAMS);
  return {
    dir: '/hand-built',
    model,
    inputShape: [length],
    outputWidth: classesOf(model).length,
    preprocessing: {
      formatVersion: RUN_FORMAT_VERSION,
      scaling: scaler ? 'zscore' : 'none',
      scaler,
      features: { kind: 'hog', length, details: { ...LAB_HOG_PARAMS, resize: null, grayscale: true, interpolation: 'linear', length } },
      sampleShape: [length],
      classes: classesOf(model),
    },
  };
}

/** A linear softmax model on `length` inputs whose weights are `kernel` ([length][3]). */
export function linearModel(length: number, kernel: Float32Array): tf.LayersModel {
  const { model } = buildModel(
    parseModelSpec({ name: 'linear', inputShape: [length], layers: [{ type: 'output', units: CLASSES.length, activation: 'softmax' }] }),
  );
  model.layers[0].setWeights([tf.tensor2d(kernel, [length, CLASSES.length]), tf.zeros([CLASSES.length])]);
  return model;
}
