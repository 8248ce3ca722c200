import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { SinapsisError } from '../../../shared/contract/errors';
import { ACTIVATIONS, OUTPUT_ACTIVATION_KINDS, takesAlpha } from '../../../shared/models/activationTable';
import type { DenseNetwork } from '../../../shared/didactic/denseNetwork';
import { parseModelSpec, type ModelSpec } from '../../../shared/models/modelSpec';
import { buildModel, weightedLayerName } from './buildModel';
import { registerCustomLayers } from './customLayers';
import { readOwnFile, readOwnText } from '../files/readOwnFile';

/**
 * Models on disk in the tfjs format (`model.json` + `weights.bin`, what tf.loadLayersModel and tfjs-converter
 * read), written atomically: weights first, then model.json, each as temp file + rename, so a crash leaves either
 * the previous model or the new one.
 */

import { MODEL_JSON, WEIGHTS_BIN, saveModelArtifacts, weightBytes } from './modelArtifactsFile';

export { MODEL_JSON, WEIGHTS_BIN, saveModelArtifacts };

/** The model's topology and weights in memory, as tfjs saves them. */
export async function modelArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!captured) throw new Error('tfjs did not hand over the model artifacts.');
  return captured;
}

export async function saveModel(directory: string, model: tf.LayersModel): Promise<void> {
  await saveModelArtifacts(directory, await modelArtifacts(model));
}

/** Reads a folder written by saveModel (or by tfjs in Python/the browser, single weights file). */
export async function loadModel(directory: string): Promise<tf.LayersModel> {
  registerCustomLayers();
  const handler: tf.io.IOHandler = {
    load: async () => {
      let json: { modelTopology?: object; weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
      try {
        const text = await readOwnText(join(directory, MODEL_JSON));
        if (text === null) throw new Error('no such file');
        json = JSON.parse(text);
      } catch (error) {
        if (error instanceof SinapsisError) throw error;
        throw new SinapsisError(
          'model-unreadable',
          `Cannot read ${join(directory, MODEL_JSON)}: ${error instanceof Error ? error.message : String(error)}. Is this a saved model folder?`,
          {
            path: directory,
          },
        );
      }
      const manifest = json.weightsManifest ?? [];
      const buffers: Uint8Array[] = [];
      for (const group of manifest) {
        for (const path of group.paths) {
          const bytes = await readOwnFile(join(directory, path));
          if (!bytes)
            throw new SinapsisError(
              'model-unreadable',
              `Cannot read ${join(directory, path)}: the weights file model.json names is missing. Is this a complete saved model folder?`,
              { path: directory },
            );
          buffers.push(bytes);
        }
      }
      const weightData = weightBytes(buffers.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer));
      return {
        modelTopology: json.modelTopology,
        weightSpecs: manifest.flatMap((group) => group.weights),
        weightData: weightData.buffer as ArrayBuffer,
      };
    },
  };
  return tf.loadLayersModel(handler);
}

/**
 * A trained model back from its in-memory artifacts (what `runTrainingJob` returns), e.g. to predict the test part.
 * Registers our custom layers first: without them tfjs cannot rebuild arctan, step, ELU(α) or seeded dropout.
 */
export async function modelFromArtifacts(artifacts: tf.io.ModelArtifacts): Promise<tf.LayersModel> {
  registerCustomLayers();
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}

/** The model spec of a didactic network: hidden layers dense, the last one the output layer. */
export function specOfDenseNetwork(network: DenseNetwork, name = 'didactic'): ModelSpec {
  const last = network.layers.length - 1;
  const outputActivation = network.layers[last].activation;
  const output = OUTPUT_ACTIVATION_KINDS.find((choice) => choice === outputActivation);
  if (!output) {
    throw new SinapsisError(
      'model-output-activation',
      `The output layer uses ${outputActivation}, which the saved model format does not offer for outputs (${OUTPUT_ACTIVATION_KINDS.join(', ')}).`,
      {
        activation: outputActivation,
      },
    );
  }
  return parseModelSpec({
    name,
    inputShape: [network.inputSize],
    layers: network.layers.map((layer, l) => {
      const useBias = layer.biases !== null;
      if (l === last) return { type: 'output', units: layer.units, activation: output, useBias };
      // The didactic PReLU keeps α fixed, which is exactly a leaky ReLU (the table's `withFixedAlpha`).
      const kind = ACTIVATIONS[layer.activation].withFixedAlpha ?? layer.activation;
      const activation = takesAlpha(kind) ? { kind, alpha: layer.alpha } : kind;
      return { type: 'dense', units: layer.units, activation, useBias };
    }),
  });
}

/** The didactic engine's weights as a tfjs model (w_ji at weights[j * inputs + i] becomes kernel[i][j]). */
export function denseNetworkToModel(network: DenseNetwork, spec: ModelSpec = specOfDenseNetwork(network)): tf.LayersModel {
  const { model } = buildModel(spec);
  let l = 0;
  spec.layers.forEach((layerSpec, index) => {
    if (layerSpec.type !== 'dense' && layerSpec.type !== 'output') return;
    const layer = network.layers[l++];
    const kernel = new Float32Array(layer.inputSize * layer.units);
    for (let j = 0; j < layer.units; j++)
      for (let i = 0; i < layer.inputSize; i++) kernel[i * layer.units + j] = layer.weights[j * layer.inputSize + i];
    const values: tf.Tensor[] = [tf.tensor2d(kernel, [layer.inputSize, layer.units])];
    if (layer.biases) values.push(tf.tensor1d(layer.biases));
    model.getLayer(weightedLayerName(spec, index)).setWeights(values);
    tf.dispose(values);
  });
  return model;
}
