import * as tf from '@tensorflow/tfjs';
import { SinapsisError } from '../../../shared/contract/errors';
import type { EmbeddingLayer } from '../../../shared/contract/embedding';

/** Layers that only apply a function to the layer before: they belong to that layer (its output block). */
const ACTIVATION_LAYERS = new Set(['Activation', 'ReLU', 'LeakyReLU', 'PReLU', 'ELU', 'Softmax', 'ThresholdedReLU', 'SinapsisActivation']);

const units = (shape: readonly (number | null)[]): number => shape.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1);

/** A layer's output shape with the batch dimension first (a layer with several outputs: its first). */
function outputShapeOf(layer: tf.layers.Layer): (number | null)[] {
  const shape = layer.outputShape;
  return (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
}

/** The layers of a run's model whose outputs can be mapped: every layer of tfjs `model.layers`, the output one marked. */
export function modelLayers(model: tf.LayersModel): EmbeddingLayer[] {
  const last = model.layers.length - 1;
  let outputStart = last;
  while (outputStart > 0 && ACTIVATION_LAYERS.has(model.layers[outputStart].getClassName())) outputStart -= 1;
  return model.layers.map((layer, index) => ({
    index,
    name: layer.name,
    type: layer.getClassName(),
    units: Math.max(1, units(outputShapeOf(layer))),
    output: index >= outputStart,
  }));
}

/**
 * The last hidden layer: the last one before the output layer (and the activation layers that follow it), i.e.
 * what the output layer reads. A model with no hidden layer (a perceptron) maps its output layer.
 */
export function defaultLayer(layers: readonly EmbeddingLayer[]): number {
  const hidden = layers.filter((layer) => !layer.output);
  return hidden.length > 0 ? hidden[hidden.length - 1].index : layers[layers.length - 1].index;
}

/** The layer a request names, or the default one; out of range is refused with the range. */
export function chosenLayer(layers: readonly EmbeddingLayer[], requested: number | undefined): EmbeddingLayer {
  const index = requested ?? defaultLayer(layers);
  const layer = layers[index];
  if (!layer) {
    throw new SinapsisError(
      'embedding-layer-out-of-range',
      `The model has layers 0 to ${layers.length - 1}; there is no layer ${index}. Choose one of them ("sinapsis embed --run RUN" lists them).`,
      { layer: index, last: layers.length - 1 },
    );
  }
  return layer;
}

export interface Activations {
  /** samples × layer units, row-major (a conv layer's maps flattened as tfjs lays them out, height × width × channels). */
  values: Float64Array;
  units: number;
  /** The model's output values of each sample, samples × outputs (for the predicted class). */
  outputs: Float32Array;
  outputWidth: number;
}

const BATCH = 256;

/**
 * Runs every sample through the model once, keeping the chosen layer's output and the final output. Batches of
 * 256 keep memory flat; between batches the event loop gets a turn so progress events and `task.cancel` get through.
 */
export async function layerActivations(
  model: tf.LayersModel,
  inputShape: readonly number[],
  samples: Float32Array,
  layer: EmbeddingLayer,
  options: { signal: AbortSignal; onProgress: (done: number, total: number) => void; cancelled: () => Error },
): Promise<Activations> {
  const sampleSize = inputShape.reduce((a, b) => a * b, 1);
  const count = samples.length / sampleSize;
  const chosen = model.layers[layer.index].output as tf.SymbolicTensor;
  // The output layer itself is asked once (tfjs refuses a model listing one output twice).
  const isOutput = chosen === model.outputs[0];
  const probe = tf.model({ inputs: model.inputs, outputs: isOutput ? [chosen] : [chosen, model.outputs[0]] });
  const outputWidth = units(model.outputs[0].shape);
  const values = new Float64Array(count * layer.units);
  const outputs = new Float32Array(count * outputWidth);
  // The probe shares the model's layers and weights (disposing it would free them), so it is simply dropped after.
  for (let start = 0; start < count; start += BATCH) {
    if (options.signal.aborted) throw options.cancelled();
    const size = Math.min(BATCH, count - start);
    const [hidden, output] = tf.tidy(() => {
      const input = tf.tensor(samples.subarray(start * sampleSize, (start + size) * sampleSize), [size, ...inputShape]);
      const results = probe.predict(input) as tf.Tensor[];
      const list = Array.isArray(results) ? results : [results];
      const hiddenValues = list[0].dataSync().slice();
      return [hiddenValues, isOutput ? hiddenValues : list[1].dataSync().slice()];
    });
    values.set(hidden, start * layer.units);
    outputs.set(output, start * outputWidth);
    options.onProgress(start + size, count);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { values, units: layer.units, outputs, outputWidth };
}
