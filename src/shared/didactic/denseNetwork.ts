/**
 * The didactic engine: a fully connected (dense) network on Float32Array, trained by backpropagation
 * written with the course's own equations (seed 000):
 *
 *   net input (activación)   a_j = b_j + Σ_i w_ji x_i
 *   output                   y_j = f(a_j)
 *   output sensitivity       δ_k = -∂J/∂a_k = (t_k - z_k) f'(a_k)         (MSE, J = ½ Σ (t_k - z_k)²)
 *   hidden sensitivity       δ_j = f'(a_j) Σ_k w_kj δ_k
 *   weight update            Δw_ji = η δ_j x_i,  Δb_j = η δ_j            (η = learningRate)
 *
 * Every net input, output, sensitivity and weight is kept in plain arrays so the labs can show them at each
 * step. Gradients here are ∂J/∂w = -δ x, the quantity tfjs's `tf.grad` returns (the tests compare both).
 */
import { type ActivationKind, defaultAlpha, getActivation } from '../models/activationTable';
import { type Activation, softmax } from './activations';
import { createSeededRandom, type SeededRandom } from './seededRandom';

/** Any activation of the table; only an output layer may use softmax (it is not elementwise). */
export type LayerActivationName = ActivationKind;

export interface DenseLayerSpec {
  units: number;
  activation: LayerActivationName;
  /** α for leaky ReLU, PReLU and ELU. */
  alpha?: number;
}

export interface DenseNetworkSpec {
  inputSize: number;
  /** Hidden layers first, the output layer last. */
  layers: DenseLayerSpec[];
  /** Without bias every neuron's net input is Σ w x only (the lecture's "sin bias" exercise). */
  useBias: boolean;
}

export interface DenseLayer {
  inputSize: number;
  units: number;
  activation: LayerActivationName;
  alpha: number;
  /** w_ji, the weight from input i to neuron j, at `weights[j * inputSize + i]`. */
  weights: Float32Array;
  /** b_j (the weight of a constant input 1), or null when the network has no bias. */
  biases: Float32Array | null;
}

export interface DenseNetwork {
  inputSize: number;
  layers: DenseLayer[];
}

/** How initial weights are drawn. `scale` multiplies them all (the lecture's "x0.1" experiment). */
export interface InitOptions {
  seed: number;
  /** 'uniform': U(-1, 1); 'glorot': U(-r, r) with r = √(6 / (fanIn + fanOut)), which keeps deep nets trainable. */
  method?: 'uniform' | 'glorot';
  scale?: number;
}

export function createDenseNetwork(spec: DenseNetworkSpec, init: InitOptions): DenseNetwork {
  validateSpec(spec);
  const random = createSeededRandom(init.seed);
  const scale = init.scale ?? 1;
  const method = init.method ?? 'glorot';
  let inputSize = spec.inputSize;
  const layers = spec.layers.map((layerSpec) => {
    const range = method === 'glorot' ? Math.sqrt(6 / (inputSize + layerSpec.units)) : 1;
    const weights = new Float32Array(layerSpec.units * inputSize);
    for (let i = 0; i < weights.length; i++) weights[i] = scale * random.uniform(-range, range);
    let biases: Float32Array | null = null;
    if (spec.useBias) {
      biases = new Float32Array(layerSpec.units);
      for (let j = 0; j < biases.length; j++) biases[j] = scale * random.uniform(-range, range);
    }
    const layer: DenseLayer = {
      inputSize,
      units: layerSpec.units,
      activation: layerSpec.activation,
      alpha: layerSpec.alpha ?? defaultAlpha(layerSpec.activation),
      weights,
      biases,
    };
    inputSize = layerSpec.units;
    return layer;
  });
  return { inputSize: spec.inputSize, layers };
}

/**
 * A network with the given weights, e.g. the XOR exercise's initial W_h and W_o.
 * `weights[l][j][i]` is w_ji of layer l; `biases[l][j]` is b_j (omit `biases` for a network without bias).
 */
export function networkFromWeights(spec: DenseNetworkSpec, weights: number[][][], biases?: number[][], scale = 1): DenseNetwork {
  validateSpec(spec);
  let inputSize = spec.inputSize;
  const layers = spec.layers.map((layerSpec, l) => {
    const rows = weights[l];
    if (!rows || rows.length !== layerSpec.units || rows.some((row) => row.length !== inputSize)) {
      throw new Error(`Layer ${l} needs a ${layerSpec.units}x${inputSize} weight matrix.`);
    }
    const layerBiases = spec.useBias ? biases?.[l] : undefined;
    if (spec.useBias && (!layerBiases || layerBiases.length !== layerSpec.units)) {
      throw new Error(`Layer ${l} needs ${layerSpec.units} biases.`);
    }
    const layer: DenseLayer = {
      inputSize,
      units: layerSpec.units,
      activation: layerSpec.activation,
      alpha: layerSpec.alpha ?? defaultAlpha(layerSpec.activation),
      weights: Float32Array.from(rows.flat(), (w) => w * scale),
      biases: layerBiases ? Float32Array.from(layerBiases, (b) => b * scale) : null,
    };
    inputSize = layerSpec.units;
    return layer;
  });
  return { inputSize: spec.inputSize, layers };
}

export function cloneNetwork(network: DenseNetwork): DenseNetwork {
  return {
    inputSize: network.inputSize,
    layers: network.layers.map((layer) => ({
      ...layer,
      weights: layer.weights.slice(),
      biases: layer.biases ? layer.biases.slice() : null,
    })),
  };
}

function validateSpec(spec: DenseNetworkSpec): void {
  if (spec.inputSize < 1 || spec.layers.length === 0) throw new Error('A network needs at least one input and one layer.');
  spec.layers.forEach((layer, l) => {
    if (!Number.isInteger(layer.units) || layer.units < 1) throw new Error(`Layer ${l} needs at least one neuron.`);
    if (layer.activation === 'softmax' && l !== spec.layers.length - 1) throw new Error('Only the output layer may use softmax.');
  });
}

function elementwise(layer: DenseLayer): Activation | null {
  return layer.activation === 'softmax' ? null : getActivation(layer.activation, layer.alpha);
}

/** What one layer computed for one input pattern. */
export interface LayerTrace {
  /** a_j, the net input of each neuron. */
  netInput: Float64Array;
  /** y_j = f(a_j) (times the dropout mask during training with dropout). */
  output: Float64Array;
  /** Inverted-dropout factors (0 or 1/(1 - rate)) applied to `output`, or null without dropout. */
  dropoutMask: Float64Array | null;
}

/** A forward pass that keeps every layer's net inputs and outputs, as backprop's first stage requires. */
export interface ForwardPass {
  input: Float64Array;
  layers: LayerTrace[];
}

export interface DropoutOptions {
  /** Probability of silencing each hidden neuron during training. */
  rate: number;
  random: SeededRandom;
}

/** a_j = b_j + Σ_i w_ji x_i of every neuron of `layer`, written into `into` (and returned). */
export function layerNetInputs(layer: DenseLayer, x: ArrayLike<number>, into: Float64Array): Float64Array {
  // Locals instead of property reads inside the inner loop: this loop is most of the training time.
  const { weights, biases, inputSize, units } = layer;
  for (let j = 0; j < units; j++) {
    let a = biases ? biases[j] : 0;
    const row = j * inputSize;
    for (let i = 0; i < inputSize; i++) a += weights[row + i] * x[i];
    into[j] = a;
  }
  return into;
}

export function forwardPass(network: DenseNetwork, input: ArrayLike<number>, dropout?: DropoutOptions): ForwardPass {
  if (input.length !== network.inputSize) throw new Error(`Expected ${network.inputSize} inputs, got ${input.length}.`);
  const x0 = Float64Array.from(input);
  const layers: LayerTrace[] = [];
  let x: Float64Array = x0;
  network.layers.forEach((layer, l) => {
    const netInput = layerNetInputs(layer, x, new Float64Array(layer.units));
    const f = elementwise(layer);
    const output = f ? netInput.map((a) => f.output(a)) : softmax(netInput);
    const isHidden = l < network.layers.length - 1;
    let dropoutMask: Float64Array | null = null;
    if (dropout && dropout.rate > 0 && isHidden) {
      const keep = 1 - dropout.rate;
      dropoutMask = new Float64Array(layer.units);
      for (let j = 0; j < layer.units; j++) {
        dropoutMask[j] = dropout.random.next() < keep ? 1 / keep : 0;
        output[j] *= dropoutMask[j];
      }
    }
    layers.push({ netInput, output, dropoutMask });
    x = output;
  });
  return { input: x0, layers };
}

/** The network's output z for one input (no dropout). */
export function predict(network: DenseNetwork, input: ArrayLike<number>): Float64Array {
  const pass = forwardPass(network, input);
  return pass.layers[pass.layers.length - 1].output;
}

/**
 * Loss (cost) J for one pattern.
 * - 'mse': J = ½ Σ_k (t_k - z_k)², the lecture's cost (eq. 1). Over a batch we average J.
 * - 'crossEntropy': J = -Σ_k t_k ln z_k for several outputs (softmax), and the binary form
 *   J = -(t ln z + (1 - t) ln(1 - z)) for a single output (sigmoid), with targets in {0, 1}.
 */
export type LossName = 'mse' | 'crossEntropy';

/** Probabilities are clipped away from 0 and 1 so that ln() stays finite. */
const PROBABILITY_EPSILON = 1e-12;

export function patternLoss(loss: LossName, output: ArrayLike<number>, target: ArrayLike<number>): number {
  let sum = 0;
  if (loss === 'mse') {
    for (let k = 0; k < output.length; k++) sum += 0.5 * (target[k] - output[k]) ** 2;
    return sum;
  }
  if (output.length === 1) {
    const z = clipProbability(output[0]);
    return -(target[0] * Math.log(z) + (1 - target[0]) * Math.log(1 - z));
  }
  for (let k = 0; k < output.length; k++) sum -= target[k] * Math.log(clipProbability(output[k]));
  return sum;
}

function clipProbability(z: number): number {
  return Math.min(1 - PROBABILITY_EPSILON, Math.max(PROBABILITY_EPSILON, z));
}

/** ∂J/∂z_k for one pattern. */
function lossGradient(loss: LossName, output: Float64Array, target: ArrayLike<number>): Float64Array {
  const grad = new Float64Array(output.length);
  for (let k = 0; k < output.length; k++) {
    if (loss === 'mse') grad[k] = output[k] - target[k];
    else if (output.length === 1) {
      const z = clipProbability(output[k]);
      grad[k] = -target[k] / z + (1 - target[k]) / (1 - z);
    } else grad[k] = -target[k] / clipProbability(output[k]);
  }
  return grad;
}

/**
 * Backprop's second stage: the sensitivity δ_j = -∂J/∂a_j of every neuron, output layer first, then
 * each hidden layer from the next layer's sensitivities. Returned in layer order (deltas[l][j]).
 */
export function backwardPass(network: DenseNetwork, pass: ForwardPass, target: ArrayLike<number>, loss: LossName): Float64Array[] {
  const last = network.layers.length - 1;
  const outLayer = network.layers[last];
  if (target.length !== outLayer.units) throw new Error(`Expected ${outLayer.units} targets, got ${target.length}.`);
  const deltas: Float64Array[] = new Array(network.layers.length);
  deltas[last] = outputSensitivity(outLayer, pass.layers[last], target, loss);
  for (let l = last - 1; l >= 0; l--) {
    const layer = network.layers[l];
    const next = network.layers[l + 1];
    const nextDelta = deltas[l + 1];
    const trace = pass.layers[l];
    const f = elementwise(layer);
    if (!f) throw new Error('Only the output layer may use softmax.');
    const delta = new Float64Array(layer.units);
    for (let j = 0; j < layer.units; j++) {
      // Σ_k w_kj δ_k: the error that flows back to neuron j through every weight leaving it.
      let back = 0;
      for (let k = 0; k < next.units; k++) back += next.weights[k * next.inputSize + j] * nextDelta[k];
      const mask = trace.dropoutMask ? trace.dropoutMask[j] : 1;
      delta[j] = f.der(trace.netInput[j]) * mask * back;
    }
    deltas[l] = delta;
  }
  return deltas;
}

/** δ_k = -∂J/∂a_k for the output layer. */
function outputSensitivity(layer: DenseLayer, trace: LayerTrace, target: ArrayLike<number>, loss: LossName): Float64Array {
  const z = trace.output;
  const delta = new Float64Array(layer.units);
  // Cross-entropy with a sigmoid (one output) or softmax (several) output simplifies to δ = t - z,
  // which is both the textbook result and numerically safer than multiplying ∂J/∂z by f'.
  const canonical =
    loss === 'crossEntropy' &&
    ((layer.units === 1 && layer.activation === 'sigmoid') || (layer.units > 1 && layer.activation === 'softmax'));
  if (canonical) {
    for (let k = 0; k < layer.units; k++) delta[k] = target[k] - z[k];
    return delta;
  }
  const dJdz = lossGradient(loss, z, target);
  if (layer.activation === 'softmax') {
    // Softmax Jacobian: ∂z_k/∂a_m = z_k (1[k = m] - z_m), so ∂J/∂a_m = z_m (∂J/∂z_m - Σ_k ∂J/∂z_k z_k).
    let dot = 0;
    for (let k = 0; k < layer.units; k++) dot += dJdz[k] * z[k];
    for (let m = 0; m < layer.units; m++) delta[m] = -z[m] * (dJdz[m] - dot);
    return delta;
  }
  const f = getActivation(layer.activation, layer.alpha);
  for (let k = 0; k < layer.units; k++) delta[k] = -dJdz[k] * f.der(trace.netInput[k]);
  return delta;
}

/** ∂J/∂w and ∂J/∂b per layer, summed over the patterns added so far. */
export interface Gradients {
  weights: Float64Array[];
  biases: (Float64Array | null)[];
}

export function zeroGradients(network: DenseNetwork): Gradients {
  return {
    weights: network.layers.map((layer) => new Float64Array(layer.weights.length)),
    biases: network.layers.map((layer) => (layer.biases ? new Float64Array(layer.units) : null)),
  };
}

/** Adds one pattern's ∂J/∂w_ji = -δ_j y_i (y_i is the previous layer's output, or the input x_i) into `into`. */
export function accumulateGradients(network: DenseNetwork, pass: ForwardPass, deltas: Float64Array[], into: Gradients): Gradients {
  network.layers.forEach((layer, l) => {
    const x = l === 0 ? pass.input : pass.layers[l - 1].output;
    const delta = deltas[l];
    const gw = into.weights[l];
    const { inputSize, units } = layer;
    for (let j = 0; j < units; j++) {
      const row = j * inputSize;
      const d = delta[j];
      if (d === 0) continue;
      for (let i = 0; i < inputSize; i++) gw[row + i] -= d * x[i];
    }
    const gb = into.biases[l];
    if (gb) for (let j = 0; j < layer.units; j++) gb[j] -= delta[j];
  });
  return into;
}

export interface UpdateOptions {
  /** η, the step of gradient descent. */
  learningRate: number;
  /** λ of the L2 penalty (λ/2) Σ w² on weights (not biases); 0 disables it. */
  l2?: number;
  /** The gradients are sums over this many patterns; the update uses their mean. */
  batchSize?: number;
}

/** w ← w - η (∂J/∂w / batchSize + λ w), i.e. Δw = η δ x for a single pattern without L2. */
export function updateWeights(network: DenseNetwork, gradients: Gradients, options: UpdateOptions): void {
  const { learningRate } = options;
  const l2 = options.l2 ?? 0;
  const n = options.batchSize ?? 1;
  network.layers.forEach((layer, l) => {
    const gw = gradients.weights[l];
    for (let i = 0; i < layer.weights.length; i++) layer.weights[i] -= learningRate * (gw[i] / n + l2 * layer.weights[i]);
    const gb = gradients.biases[l];
    if (layer.biases && gb) for (let j = 0; j < layer.units; j++) layer.biases[j] -= learningRate * (gb[j] / n);
  });
}

/** Everything one pattern's training step produced, for the labs to display. */
export interface PatternStep {
  pass: ForwardPass;
  deltas: Float64Array[];
  /** J of this pattern before the update. */
  loss: number;
}

/** Online (stochastic) learning, as in the XOR exercise: forward, backward and update on a single pattern. */
export function trainOnPattern(
  network: DenseNetwork,
  input: ArrayLike<number>,
  target: ArrayLike<number>,
  options: UpdateOptions & { loss: LossName },
): PatternStep {
  const pass = forwardPass(network, input);
  const deltas = backwardPass(network, pass, target, options.loss);
  const gradients = accumulateGradients(network, pass, deltas, zeroGradients(network));
  updateWeights(network, gradients, { learningRate: options.learningRate, l2: options.l2, batchSize: 1 });
  return { pass, deltas, loss: patternLoss(options.loss, pass.layers[pass.layers.length - 1].output, target) };
}

/** Mini-batch learning: gradients averaged over the batch, then one update. Returns the batch's mean loss. */
export function trainOnBatch(
  network: DenseNetwork,
  inputs: ArrayLike<number>[],
  targets: ArrayLike<number>[],
  options: UpdateOptions & { loss: LossName; dropout?: DropoutOptions },
): number {
  const gradients = zeroGradients(network);
  let lossSum = 0;
  inputs.forEach((input, p) => {
    const pass = forwardPass(network, input, options.dropout);
    const deltas = backwardPass(network, pass, targets[p], options.loss);
    accumulateGradients(network, pass, deltas, gradients);
    lossSum += patternLoss(options.loss, pass.layers[pass.layers.length - 1].output, targets[p]);
  });
  updateWeights(network, gradients, { learningRate: options.learningRate, l2: options.l2, batchSize: inputs.length });
  return lossSum / inputs.length;
}

/** Mean loss over a data set, without dropout and without the L2 term. */
export function datasetLoss(network: DenseNetwork, inputs: ArrayLike<number>[], targets: ArrayLike<number>[], loss: LossName): number {
  if (inputs.length === 0) return 0;
  let sum = 0;
  inputs.forEach((input, p) => (sum += patternLoss(loss, predict(network, input), targets[p])));
  return sum / inputs.length;
}

/** The batch's gradients ∂(mean J + (λ/2) Σ w²)/∂w, without updating: what the tests compare with tfjs. */
export function batchGradients(
  network: DenseNetwork,
  inputs: ArrayLike<number>[],
  targets: ArrayLike<number>[],
  loss: LossName,
  l2 = 0,
): Gradients {
  const gradients = zeroGradients(network);
  inputs.forEach((input, p) => {
    const pass = forwardPass(network, input);
    accumulateGradients(network, pass, backwardPass(network, pass, targets[p], loss), gradients);
  });
  network.layers.forEach((layer, l) => {
    const gw = gradients.weights[l];
    for (let i = 0; i < gw.length; i++) gw[i] = gw[i] / inputs.length + l2 * layer.weights[i];
    const gb = gradients.biases[l];
    if (gb) for (let j = 0; j < gb.length; j++) gb[j] /= inputs.length;
  });
  return gradients;
}
