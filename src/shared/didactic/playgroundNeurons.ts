/**
 * "Neurons as pictures" (TensorFlow Playground's network diagram): what every input feature and every neuron of
 * the Playground's network outputs at each point of a grid over the plane. One forward pass per grid point fills
 * the pictures of all neurons at once, with buffers allocated once and reused frame after frame, so the lab can
 * redraw the whole diagram at each animation frame while it trains.
 */
import { softmax } from './activations';
import { type DenseNetwork, type LayerActivationName, layerNetInputs } from './denseNetwork';
import { getActivation } from '../models/activationTable';
import { PLAYGROUND_EXTENT, type PlaygroundFeatureId, orderedFeatures, playgroundFeature } from './playgroundFeatures';

export interface NeuronGrids {
  resolution: number;
  /** One grid per chosen feature (the network's inputs), in the column's order. */
  inputs: Float32Array[];
  /** `layers[l][j]`: the output y_j of neuron j of layer l over the grid; the last layer is the output neuron. */
  layers: Float32Array[][];
}

/** The plane coordinate at the centre of cell `index` (0 at the left or top) of a `resolution`-cell axis. */
export function gridCoordinate(index: number, resolution: number): number {
  return -PLAYGROUND_EXTENT + ((index + 0.5) / resolution) * 2 * PLAYGROUND_EXTENT;
}

function fits(grids: NeuronGrids | undefined, network: DenseNetwork, inputs: number, resolution: number): grids is NeuronGrids {
  return (
    !!grids &&
    grids.resolution === resolution &&
    grids.inputs.length === inputs &&
    grids.layers.length === network.layers.length &&
    grids.layers.every((layer, l) => layer.length === network.layers[l].units)
  );
}

/**
 * Every feature's and every neuron's value at the centre of each cell of a `resolution` × `resolution` grid over
 * the plane (row 0 at the top, as the canvas draws). Pass the previous result as `reuse` to fill its arrays again
 * instead of allocating new ones (they are reused only when the architecture and resolution still match).
 */
export function neuronGrids(
  network: DenseNetwork,
  features: readonly PlaygroundFeatureId[],
  resolution: number,
  reuse?: NeuronGrids,
): NeuronGrids {
  const ids = orderedFeatures(features);
  if (ids.length !== network.inputSize) throw new Error(`The network takes ${network.inputSize} inputs, not ${ids.length} features.`);
  const cells = resolution * resolution;
  const grids = fits(reuse, network, ids.length, resolution)
    ? reuse
    : {
        resolution,
        inputs: ids.map(() => new Float32Array(cells)),
        layers: network.layers.map((layer) => Array.from({ length: layer.units }, () => new Float32Array(cells))),
      };
  const values = ids.map((id) => playgroundFeature(id).value);
  const activations = network.layers.map((layer) => (layer.activation === 'softmax' ? null : getActivation(layer.activation, layer.alpha)));
  // One buffer per layer (plus the input), reused at every point: no allocation inside the loop.
  const buffers = [new Float64Array(ids.length), ...network.layers.map((layer) => new Float64Array(layer.units))];
  for (let r = 0; r < resolution; r++) {
    const x2 = -gridCoordinate(r, resolution);
    for (let c = 0; c < resolution; c++) {
      const x1 = gridCoordinate(c, resolution);
      const cell = r * resolution + c;
      const input = buffers[0];
      for (let i = 0; i < values.length; i++) {
        input[i] = values[i](x1, x2);
        grids.inputs[i][cell] = input[i];
      }
      network.layers.forEach((layer, l) => {
        const x = buffers[l];
        const y = buffers[l + 1];
        const units = layer.units;
        layerNetInputs(layer, x, y);
        const f = activations[l];
        if (f) for (let j = 0; j < units; j++) y[j] = f.output(y[j]);
        else y.set(softmax(y));
        const out = grids.layers[l];
        for (let j = 0; j < units; j++) out[j][cell] = y[j];
      });
    }
  }
  return grids;
}

/**
 * The values a neuron's picture spans, coloured as the output map is (blue at `low`, white halfway, orange at
 * `high`): [0, 1] for the sigmoid (a probability), [−1, 1] for the others (tanh's range; ReLU and the other unbounded
 * ones saturate the colour above 1, as TF Playground draws them).
 */
export function neuronRange(activation: LayerActivationName): [number, number] {
  return activation === 'sigmoid' || activation === 'step' || activation === 'softmax' ? [0, 1] : [-1, 1];
}

/** A feature's picture: every feature lies in [−1, 1] (playgroundFeatures.ts scales them so). */
export const FEATURE_RANGE: [number, number] = [-1, 1];
