import * as tf from '@tensorflow/tfjs';
import { SinapsisError } from '../../../shared/contract/errors';
import type { ConvLayerInspection, InspectConvResult } from '../../../shared/contract/inference';
import { pngDataUrl } from '../datasets/images/thumbnail';
import type { RunModel } from './runModelCache';

/**
 * What a CNN learned, for the Filtros y mapas panel: each conv layer's kernels (one small grey picture per input
 * channel of each filter, and one colour picture per filter on an RGB input) and the feature maps one image produces after that layer and its activation.
 */

/** Input channels drawn per filter; the weights of every channel are still returned. */
const SLICES_PER_FILTER = 8;
/** Layers that only apply an activation: the feature map shown is taken after them. */
export const ACTIVATION_LAYERS = new Set([
  'Activation',
  'ReLU',
  'LeakyReLU',
  'PReLU',
  'ELU',
  'Softmax',
  'ThresholdedReLU',
  'SinapsisActivation',
]);

type Picture = InspectConvResult['input'];

/** A grey picture of real values, min -> black and max -> white (mid grey when all are equal). */
export function valuePicture(values: ArrayLike<number>, width: number, height: number): Picture {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < width * height; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = span > 0 ? Math.round(((values[i] - min) / span) * 255) : 128;
  return { width, height, min, max, png: pngDataUrl(width, height, 1, pixels) };
}

/**
 * A colour picture of real values, `pixels` x 3 interleaved (RGB), all three channels on one min..max scale: a
 * per-channel scale would turn a filter that weighs red a little more than blue into a pure red square.
 */
export function rgbValuePicture(values: ArrayLike<number>, width: number, height: number): Picture {
  let min = Infinity;
  let max = -Infinity;
  const length = width * height * 3;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const pixels = new Uint8Array(length);
  for (let i = 0; i < length; i++) pixels[i] = span > 0 ? Math.round(((values[i] - min) / span) * 255) : 128;
  return { width, height, min, max, png: pngDataUrl(width, height, 3, pixels) };
}

/** Indices (in the model's layer list) of the conv layers. */
export function convLayerIndices(model: tf.LayersModel): number[] {
  return model.layers.flatMap((layer, index) => (layer.getClassName() === 'Conv2D' ? [index] : []));
}

/** The layer whose output is "after the conv layer": the conv itself, or the activation layers right after it. */
function shownLayer(model: tf.LayersModel, convIndex: number): tf.layers.Layer {
  let index = convIndex;
  while (index + 1 < model.layers.length && ACTIVATION_LAYERS.has(model.layers[index + 1].getClassName())) index += 1;
  return model.layers[index];
}

function filtersOf(layer: tf.layers.Layer): Pick<ConvLayerInspection, 'kernelShape' | 'filters'> {
  const kernel = layer.getWeights()[0];
  const [kh, kw, inputs, count] = kernel.shape as [number, number, number, number];
  const data = kernel.dataSync();
  const filters: ConvLayerInspection['filters'] = [];
  for (let f = 0; f < count; f++) {
    const values = new Array<number>(kh * kw * inputs);
    for (let p = 0; p < kh * kw; p++) for (let c = 0; c < inputs; c++) values[p * inputs + c] = data[(p * inputs + c) * count + f];
    const slices: Picture[] = [];
    for (let c = 0; c < Math.min(inputs, SLICES_PER_FILTER); c++) {
      slices.push(
        valuePicture(
          Array.from({ length: kh * kw }, (_, p) => values[p * inputs + c]),
          kw,
          kh,
        ),
      );
    }
    filters.push(inputs === 3 ? { values, slices, rgb: rgbValuePicture(values, kw, kh) } : { values, slices });
  }
  return { kernelShape: [kh, kw, inputs, count], filters };
}

/** The maps of channels `first` .. `first + channels - 1` (those that exist), so a deep layer is seen page by page. */
function mapsOf(output: tf.Tensor, first: number, channels: number): Pick<ConvLayerInspection, 'mapShape' | 'maps'> {
  const [, height, width, depth] = output.shape as [number, number, number, number];
  const data = output.dataSync();
  const maps: ConvLayerInspection['maps'] = [];
  for (let c = first; c < Math.min(depth, first + channels); c++) {
    const plane = new Float32Array(height * width);
    for (let p = 0; p < plane.length; p++) plane[p] = data[p * depth + c];
    maps.push({ channel: c, ...valuePicture(plane, width, height) });
  }
  return { mapShape: [height, width, depth], maps };
}

/** Filters and feature maps of the conv layers (all, or the `only`-th one) for one feature vector, maps from `firstChannel` on. */
export function inspectConv(
  run: RunModel,
  vector: Float32Array,
  options: { only?: number; firstChannel?: number; channels: number },
): InspectConvResult {
  const { model, inputShape } = run;
  const convs = convLayerIndices(model);
  if (convs.length === 0)
    throw new SinapsisError('inference-no-conv', 'This model has no convolutional layers: filters and feature maps exist only for CNNs.');
  if (options.only !== undefined && options.only >= convs.length) {
    throw new SinapsisError(
      'inference-no-such-conv',
      `The model has ${convs.length} conv layers; there is no conv layer number ${options.only + 1}.`,
      { layer: options.only + 1, total: convs.length },
    );
  }
  const chosen = options.only === undefined ? convs : [convs[options.only]];
  const [height, width, depth] = inputShape.length === 3 ? inputShape : [1, inputShape[0], 1];
  const probe = tf.model({ inputs: model.inputs, outputs: chosen.map((index) => shownLayer(model, index).output as tf.SymbolicTensor) });
  const outputs = tf.tidy(() => {
    const result = probe.predict(tf.tensor(vector, [1, ...inputShape]));
    return Array.isArray(result) ? result : [result];
  });
  try {
    const firstChannel = Float32Array.from({ length: height * width }, (_, p) => vector[p * depth]);
    return {
      input: depth === 3 ? rgbValuePicture(vector, width, height) : valuePicture(firstChannel, width, height),
      layers: chosen.map((index, i) => ({
        layerIndex: index,
        name: model.layers[index].name,
        ...filtersOf(model.layers[index]),
        ...mapsOf(outputs[i], options.firstChannel ?? 0, options.channels),
      })),
    };
  } finally {
    tf.dispose(outputs);
  }
}
