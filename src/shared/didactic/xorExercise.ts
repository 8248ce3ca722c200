/**
 * Seed 000, exercise 1: XOR with a 2-2-1 network, tanh in both layers, inputs and targets in {-1, 1}, trained
 * by backpropagation with the course's cost J = ½ (t - z)². The lab plots, iteration by iteration, every
 * weight, the sensitivities (δ) of the hidden and output neurons, and the loss; this module holds that
 * experiment so the view and the tests run the very same code.
 *
 * The bias is the weight of a constant input 1 (the lecture "fixes b = 1": the input, not its weight, is 1).
 * The lecture's xor.py is not in our material, so the default initial weights below are ours: any small
 * non-symmetric values work, and the point of the exercise is comparing them with the same weights x0.1.
 */
import {
  type DenseNetwork,
  type DenseNetworkSpec,
  accumulateGradients,
  backwardPass,
  datasetLoss,
  forwardPass,
  networkFromWeights,
  updateWeights,
  zeroGradients,
} from './denseNetwork';

/** The truth table in the lecture's order. */
export const XOR_INPUTS: number[][] = [
  [-1, -1],
  [-1, 1],
  [1, 1],
  [1, -1],
];
export const XOR_TARGETS: number[][] = [[-1], [1], [-1], [1]];

/** Initial weights: W_h[j][i] from input i to hidden neuron j, b_h[j], W_o[0][j] from hidden j to the output, b_o. */
export interface XorWeights {
  hidden: [[number, number], [number, number]];
  hiddenBias: [number, number];
  output: [number, number];
  outputBias: number;
}

export const XOR_DEFAULT_WEIGHTS: XorWeights = {
  hidden: [
    [0.5, -0.4],
    [0.3, 0.8],
  ],
  hiddenBias: [0.1, -0.2],
  output: [0.7, -0.6],
  outputBias: 0.2,
};

/**
 * - 'batch': one iteration = one update with the mean gradient over the four patterns (the default: it
 *   converges from small weights, only more slowly).
 * - 'online': one iteration = one pattern, in table order. From small weights this fixed cyclic order can
 *   get stuck near all-zero weights, which the lab lets students see.
 */
export type XorUpdateMode = 'batch' | 'online';

export interface XorSettings {
  weights: XorWeights;
  /** Multiplies every initial weight: 1, or 0.1 for the exercise's second part. */
  initialScale: number;
  useBias: boolean;
  learningRate: number;
  mode: XorUpdateMode;
}

export const XOR_DEFAULT_SETTINGS: XorSettings = {
  weights: XOR_DEFAULT_WEIGHTS,
  initialScale: 1,
  useBias: true,
  learningRate: 0.1,
  mode: 'batch',
};

/** Mean J over the four patterns below which the lab (and the tests) call the network converged. */
export const XOR_CONVERGENCE_LOSS = 0.01;

export const XOR_SPEC: DenseNetworkSpec = {
  inputSize: 2,
  layers: [
    { units: 2, activation: 'tanh' },
    { units: 1, activation: 'tanh' },
  ],
  useBias: true,
};

export function createXorNetwork(settings: XorSettings): DenseNetwork {
  const w = settings.weights;
  const spec = { ...XOR_SPEC, useBias: settings.useBias };
  return networkFromWeights(
    spec,
    [w.hidden, [w.output]],
    settings.useBias ? [w.hiddenBias, [w.outputBias]] : undefined,
    settings.initialScale,
  );
}

/** Names of the plotted parameters, in the order of `XorIterationRecord.parameters`. */
export function xorParameterNames(useBias: boolean): string[] {
  const names = ['w₁₁', 'w₁₂', 'w₂₁', 'w₂₂', 'v₁', 'v₂'];
  return useBias ? [...names.slice(0, 4), 'b₁', 'b₂', ...names.slice(4), 'b₀'] : names;
}

/** The network's parameters flattened in `xorParameterNames` order. */
export function xorParameters(network: DenseNetwork): number[] {
  const [hidden, output] = network.layers;
  return [...hidden.weights, ...(hidden.biases ?? []), ...output.weights, ...(output.biases ?? [])];
}

/** What the lab plots after each iteration. */
export interface XorIterationRecord {
  iteration: number;
  /** Parameters after the update. */
  parameters: number[];
  /** δ of hidden neurons 1 and 2 for each pattern presented in this iteration (pattern index -> [δ₁, δ₂]). */
  hiddenDeltas: Map<number, [number, number]>;
  /** δ of the output neuron for each pattern presented in this iteration. */
  outputDeltas: Map<number, number>;
  /** Mean J over the four patterns after the update. */
  loss: number;
}

/** A running XOR experiment: its network, its settings and the iterations done so far. */
export interface XorExperiment {
  settings: XorSettings;
  network: DenseNetwork;
  iteration: number;
  /** Mean J before any update (iteration 0). */
  initialLoss: number;
}

export function startXorExperiment(settings: XorSettings): XorExperiment {
  const network = createXorNetwork(settings);
  return { settings, network, iteration: 0, initialLoss: datasetLoss(network, XOR_INPUTS, XOR_TARGETS, 'mse') };
}

/** One iteration: forward pass, sensitivities, weight update (a batch of 4, or the next pattern). */
export function stepXorExperiment(experiment: XorExperiment): XorIterationRecord {
  const { network, settings } = experiment;
  const patterns = settings.mode === 'batch' ? [0, 1, 2, 3] : [experiment.iteration % 4];
  const gradients = zeroGradients(network);
  const hiddenDeltas = new Map<number, [number, number]>();
  const outputDeltas = new Map<number, number>();
  for (const p of patterns) {
    const pass = forwardPass(network, XOR_INPUTS[p]);
    const deltas = backwardPass(network, pass, XOR_TARGETS[p], 'mse');
    hiddenDeltas.set(p, [deltas[0][0], deltas[0][1]]);
    outputDeltas.set(p, deltas[1][0]);
    accumulateGradients(network, pass, deltas, gradients);
  }
  updateWeights(network, gradients, { learningRate: settings.learningRate, batchSize: patterns.length });
  experiment.iteration++;
  return {
    iteration: experiment.iteration,
    parameters: xorParameters(network),
    hiddenDeltas,
    outputDeltas,
    loss: datasetLoss(network, XOR_INPUTS, XOR_TARGETS, 'mse'),
  };
}

/** Iterations until the mean loss falls below `threshold`, or null if it does not within `maxIterations`. */
export function xorIterationsToConverge(settings: XorSettings, threshold = XOR_CONVERGENCE_LOSS, maxIterations = 100_000): number | null {
  const experiment = startXorExperiment(settings);
  while (experiment.iteration < maxIterations) {
    if (stepXorExperiment(experiment).loss < threshold) return experiment.iteration;
  }
  return null;
}
