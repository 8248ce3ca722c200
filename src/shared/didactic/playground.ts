/**
 * The Playground lab (in the spirit of TensorFlow Playground): a dense network with any number of hidden
 * layers learns a 2D toy set, with a train/test split, and the decision boundary is drawn as it learns.
 * Everything needed to reproduce an experiment is one `PlaygroundSettings` object, saved as a JSON file.
 */
import { z } from 'zod';
import { holdoutSplit } from '../datasets/splits';
import type { TabularData } from '../datasets/tabularData';
import { blobs, circles, spirals, xorQuadrants } from '../datasets/toy2d';
import { ACTIVATIONS, ELEMENTWISE_ACTIVATION_KINDS } from '../models/activationTable';
import { type DenseNetwork, createDenseNetwork, datasetLoss, predict, trainOnBatch } from './denseNetwork';
import {
  DEFAULT_PLAYGROUND_FEATURES,
  PLAYGROUND_EXTENT,
  PLAYGROUND_FEATURE_IDS,
  inputEncoder,
  orderedFeatures,
} from './playgroundFeatures';
import { neuronGrids } from './playgroundNeurons';
import { createSeededRandom, type SeededRandom, shuffledIndices } from './seededRandom';

export { PLAYGROUND_EXTENT };

export const PLAYGROUND_DATASETS = ['circles', 'xorQuadrants', 'spirals', 'blobs'] as const;
export type PlaygroundDataset = (typeof PLAYGROUND_DATASETS)[number];

/** Hidden activations offered (the step has a zero derivative, so it cannot learn by backprop). */
export const PLAYGROUND_ACTIVATIONS = ELEMENTWISE_ACTIVATION_KINDS.filter((name) => ACTIVATIONS[name].hasGradient);

const hiddenLayerSchema = z.object({
  units: z.number().int().min(1).max(16),
  activation: z.enum(ELEMENTWISE_ACTIVATION_KINDS),
  alpha: z.number().min(0).max(5).default(0.01),
});

export const playgroundSettingsSchema = z.object({
  kind: z.literal('sinapsis.playground'),
  version: z.literal(1),
  dataset: z.enum(PLAYGROUND_DATASETS),
  samples: z.number().int().min(20).max(2000),
  noise: z.number().min(0).max(1),
  /** Share of the points kept out of training to measure the test loss. */
  testRatio: z.number().min(0.1).max(0.9),
  dataSeed: z.number().int().min(0),
  hiddenLayers: z.array(hiddenLayerSchema).max(6),
  learningRate: z.number().positive().max(10),
  /** λ of the L2 penalty. */
  l2: z.number().min(0).max(1),
  /** Probability of dropping each hidden neuron during training. */
  dropout: z.number().min(0).max(0.9),
  batchSize: z.number().int().min(1).max(2000),
  initSeed: z.number().int().min(0),
  /** The network's inputs (playgroundFeatures.ts); files saved before features existed get the two coordinates. */
  features: z
    .array(z.enum(PLAYGROUND_FEATURE_IDS))
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, 'each feature at most once')
    .default(() => [...DEFAULT_PLAYGROUND_FEATURES]),
});
export type PlaygroundSettings = z.infer<typeof playgroundSettingsSchema>;
export type PlaygroundHiddenLayer = z.infer<typeof hiddenLayerSchema>;

export const DEFAULT_PLAYGROUND_SETTINGS: PlaygroundSettings = {
  kind: 'sinapsis.playground',
  version: 1,
  dataset: 'circles',
  samples: 300,
  noise: 0.1,
  testRatio: 0.3,
  dataSeed: 1,
  hiddenLayers: [
    { units: 4, activation: 'tanh', alpha: 0.01 },
    { units: 2, activation: 'tanh', alpha: 0.01 },
  ],
  learningRate: 0.3,
  l2: 0,
  dropout: 0,
  batchSize: 10,
  initSeed: 1,
  features: [...DEFAULT_PLAYGROUND_FEATURES],
};

/** Parses a settings file; throws zod's error (with the field path) when the file is not valid. */
export function parsePlaygroundSettings(json: string): PlaygroundSettings {
  return playgroundSettingsSchema.parse(JSON.parse(json));
}

export function serializePlaygroundSettings(settings: PlaygroundSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

export interface PlaygroundPoint {
  x: number;
  y: number;
  label: number;
}

export interface PlaygroundState {
  settings: PlaygroundSettings;
  network: DenseNetwork;
  train: PlaygroundPoint[];
  test: PlaygroundPoint[];
  epoch: number;
  /** Train and test loss (binary cross-entropy, without the L2 term) after each epoch; index 0 is before training. */
  trainLoss: number[];
  testLoss: number[];
  random: SeededRandom;
  /** The network's input for a point: its chosen features, each scaled to [−1, 1]. */
  encode: (point: PlaygroundPoint) => number[];
}

function generate(settings: PlaygroundSettings): TabularData {
  const options = { samples: settings.samples, noise: settings.noise, seed: settings.dataSeed };
  switch (settings.dataset) {
    case 'circles':
      return circles(options);
    case 'xorQuadrants':
      return xorQuadrants(options);
    case 'spirals':
      return spirals(options);
    case 'blobs':
      return blobs({ ...options, classes: 2 });
  }
}

export function createPlayground(settings: PlaygroundSettings): PlaygroundState {
  const data = generate(settings);
  const encoder = inputEncoder(settings.features);
  const points = data.features.map(([x, y], i) => ({ x, y, label: data.targets[i] }));
  const split = holdoutSplit(points.length, {
    ratios: { train: 1 - settings.testRatio, validation: 0, test: settings.testRatio },
    seed: settings.dataSeed,
    labels: data.targets,
  });
  const network = createDenseNetwork(
    {
      inputSize: orderedFeatures(settings.features).length,
      // One sigmoid output: the probability of class 1, trained with binary cross-entropy.
      layers: [
        ...settings.hiddenLayers.map((l) => ({ units: l.units, activation: l.activation, alpha: l.alpha })),
        { units: 1, activation: 'sigmoid' },
      ],
      useBias: true,
    },
    { seed: settings.initSeed, method: 'glorot' },
  );
  const state: PlaygroundState = {
    settings,
    network,
    train: split.train.map((i) => points[i]),
    test: split.test.map((i) => points[i]),
    epoch: 0,
    trainLoss: [],
    testLoss: [],
    random: createSeededRandom(settings.initSeed + 7919),
    encode: (p) => encoder(p.x, p.y),
  };
  recordLosses(state);
  return state;
}

function lossOf(state: PlaygroundState, points: PlaygroundPoint[]): number {
  return datasetLoss(
    state.network,
    points.map(state.encode),
    points.map((p) => [p.label]),
    'crossEntropy',
  );
}

function recordLosses(state: PlaygroundState): void {
  state.trainLoss.push(lossOf(state, state.train));
  state.testLoss.push(lossOf(state, state.test));
}

/** One epoch of mini-batch gradient descent over the shuffled training points. */
export function trainPlaygroundEpoch(state: PlaygroundState): void {
  const { settings, network, train } = state;
  const order = shuffledIndices(train.length, state.random);
  const dropout = settings.dropout > 0 ? { rate: settings.dropout, random: state.random } : undefined;
  for (let start = 0; start < order.length; start += settings.batchSize) {
    const batch = order.slice(start, start + settings.batchSize).map((i) => train[i]);
    trainOnBatch(
      network,
      batch.map(state.encode),
      batch.map((p) => [p.label]),
      { learningRate: settings.learningRate, l2: settings.l2, loss: 'crossEntropy', dropout },
    );
  }
  state.epoch++;
  recordLosses(state);
}

/** The probability of class 1 at the centre of each cell of a `resolution` x `resolution` grid over the plane, row 0 at the top. */
export function playgroundOutputGrid(state: PlaygroundState, resolution: number): Float32Array {
  const layers = neuronGrids(state.network, state.settings.features, resolution).layers;
  return layers[layers.length - 1][0];
}

/** Share of points on the right side of the 0.5 boundary. */
export function playgroundAccuracy(state: PlaygroundState, points: PlaygroundPoint[]): number {
  if (points.length === 0) return 0;
  const correct = points.filter((p) => (predict(state.network, state.encode(p))[0] >= 0.5 ? 1 : 0) === p.label).length;
  return correct / points.length;
}
