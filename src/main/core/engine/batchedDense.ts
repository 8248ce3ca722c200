import type { Activation } from '../../../shared/didactic/activations';
import { ACTIVATIONS, getActivation } from '../../../shared/models/activationTable';
import type { DenseNetwork } from '../../../shared/didactic/denseNetwork';
import { createSeededRandom, type SeededRandom } from '../../../shared/didactic/seededRandom';
import { initialWeights } from '../../../shared/models/initialWeights';
import { activationAlpha, activationKind, type ModelSpec } from '../../../shared/models/modelSpec';
import { summarizeModel } from '../../../shared/models/shapes';
import type { LossName } from '../../../shared/models/trainingSettings';
import { PROBABILITY_EPSILON } from './probabilityEpsilon';
import { LayerKernels } from './wasmDense/layerKernels';

/**
 * The didactic engine's equations (src/shared/didactic/denseNetwork.ts), batched: the same forward pass, output
 * sensitivity, hidden sensitivity and weight gradients, but over a whole batch in preallocated float64 buffers
 * and with the losses of `losses.ts` (batch means, as tfjs defines them), so that it trains what tfjs trains,
 * without tfjs's per-operation overhead. The per-pattern engine stays the readable reference for the labs.
 *
 * Sign convention: `gradNet` holds ∂J/∂a (the course's sensitivity is δ = -∂J/∂a).
 */

export interface BatchedLayer {
  /** Index of the spec layer. */
  specIndex: number;
  inputSize: number;
  units: number;
  activationName: string;
  alpha: number;
  /** null for softmax, which is not elementwise. */
  activation: Activation | null;
  /** w_ji at weights[j * inputSize + i] (the didactic engine's layout). */
  weights: Float64Array;
  biases: Float64Array | null;
  /** Dropout applied to this layer's outputs during training (a dropout layer after it in the spec). */
  dropoutRate: number;
}

export interface BatchedNetwork {
  inputSize: number;
  layers: BatchedLayer[];
}

/** Why a spec cannot use the didactic engine, or null when it can. */
export function didacticIneligibility(spec: ModelSpec): string | null {
  if (spec.inputShape.length !== 1) return 'the input is an image (use tfjs for CNNs)';
  let sawWeighted = false;
  for (const layer of spec.layers) {
    if (layer.type === 'dropout') {
      if (!sawWeighted) return 'dropout on the inputs';
      continue;
    }
    if (layer.type !== 'dense' && layer.type !== 'output') return `it has a ${layer.type} layer`;
    if (layer.type === 'dense' && ACTIVATIONS[activationKind(layer.activation)].learnsAlpha)
      return 'PReLU learns α, which the didactic engine keeps fixed';
    sawWeighted = true;
  }
  return null;
}

export function createBatchedNetwork(spec: ModelSpec): BatchedNetwork {
  const reason = didacticIneligibility(spec);
  if (reason) throw new Error(`The didactic engine cannot train this model: ${reason}.`);
  const summary = summarizeModel(spec);
  const initial = new Map(initialWeights(spec, summary).map((w) => [w.layerIndex, w]));
  const layers: BatchedLayer[] = [];
  let inputSize = spec.inputShape[0];
  spec.layers.forEach((layer, specIndex) => {
    if (layer.type === 'dropout') {
      layers[layers.length - 1].dropoutRate = layer.rate;
      return;
    }
    if (layer.type !== 'dense' && layer.type !== 'output') return;
    const init = initial.get(specIndex)!;
    const units = layer.units;
    // tfjs kernels are [inputs, units]; the didactic layout is one row of inputs per neuron.
    const weights = new Float64Array(units * inputSize);
    for (let i = 0; i < inputSize; i++) for (let j = 0; j < units; j++) weights[j * inputSize + i] = init.kernel[i * units + j];
    const kind = layer.type === 'output' ? layer.activation : activationKind(layer.activation);
    const alpha = layer.type === 'output' ? 0 : activationAlpha(layer.activation);
    layers.push({
      specIndex,
      inputSize,
      units,
      activationName: kind,
      alpha,
      activation: kind === 'softmax' ? null : getActivation(ACTIVATIONS[kind].withFixedAlpha ?? kind, alpha),
      weights,
      biases: init.bias ? Float64Array.from(init.bias) : null,
      dropoutRate: 0,
    });
    inputSize = units;
  });
  return { inputSize: spec.inputShape[0], layers };
}

/** Buffers for one batch: net inputs a, outputs y, ∂J/∂a and dropout masks per layer. */
interface Workspace {
  capacity: number;
  net: Float64Array[];
  out: Float64Array[];
  gradNet: Float64Array[];
  mask: (Float64Array | null)[];
  /** Offset of each batch sample's input row (in the features for layer 0, in the previous outputs after). */
  xBases: Int32Array;
}

function workspace(network: BatchedNetwork, capacity: number): Workspace {
  return {
    capacity,
    net: network.layers.map((l) => new Float64Array(capacity * l.units)),
    out: network.layers.map((l) => new Float64Array(capacity * l.units)),
    gradNet: network.layers.map((l) => new Float64Array(capacity * l.units)),
    mask: network.layers.map((l) => (l.dropoutRate > 0 ? new Float64Array(capacity * l.units) : null)),
    xBases: new Int32Array(capacity),
  };
}

export interface Gradients {
  weights: Float64Array[];
  biases: (Float64Array | null)[];
}

export interface BatchResult {
  /** Mean data loss of the batch. */
  loss: number;
  /** Correct predictions in the batch (0 without labels). */
  correct: number;
}

/**
 * Forward and backward passes over a batch, in the style of the course's equations, with reusable buffers.
 * `samples` are indices into `features`/`targets` (sampleSize and outputs values per sample).
 */
export class BatchedTrainer {
  private ws: Workspace;
  readonly gradients: Gradients;
  private readonly dropoutRandom: SeededRandom;
  /** Per layer, the SIMD kernels for its products, or null for the plain loops below. */
  private readonly kernels: (LayerKernels | null)[];

  constructor(
    readonly network: BatchedNetwork,
    private readonly loss: LossName,
    seed: number,
    /**
     * WebAssembly SIMD for the first layer's products, when available (see layerKernels.ts); the later layers
     * then get their own kernels too.
     */
    firstLayer: LayerKernels | null = null,
  ) {
    this.kernels = network.layers.map((layer, l) =>
      l === 0 ? firstLayer : firstLayer && LayerKernels.forActivations(layer.inputSize, layer.units, firstLayer.maxBatch),
    );
    this.ws = workspace(network, 1);
    this.gradients = {
      weights: network.layers.map((l) => new Float64Array(l.weights.length)),
      biases: network.layers.map((l) => (l.biases ? new Float64Array(l.units) : null)),
    };
    this.dropoutRandom = createSeededRandom(seed ^ 0x5eed);
  }

  private ensure(batch: number): void {
    if (this.ws.capacity < batch) this.ws = workspace(this.network, batch);
  }

  /**
   * Forward pass for samples[0..n): fills net inputs and outputs. Features are float64 like every buffer here,
   * so each loop sees one array type and V8 keeps it on its fast path (mixing float32 and float64 was 3x slower).
   */
  forward(features: Float64Array, samples: ArrayLike<number>, n: number, training: boolean): void {
    this.ensure(n);
    const { layers } = this.network;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l];
      const { inputSize, units, weights, biases } = layer;
      const net = this.ws.net[l];
      const out = this.ws.out[l];
      const prev = l === 0 ? null : this.ws.out[l - 1];
      const kernels = this.kernels[l];
      if (kernels && prev) kernels.forwardActivations(weights, biases, prev, n, net);
      else if (kernels) kernels.forward(weights, biases, samples, n, net);
      else {
        const bases = this.ws.xBases;
        for (let p = 0; p < n; p++) bases[p] = prev ? p * inputSize : samples[p] * inputSize;
        batchNetInputs(weights, biases, prev ?? features, bases, n, inputSize, units, net);
      }
      for (let p = 0; p < n; p++) {
        const base = p * units;
        if (layer.activation) {
          const f = layer.activation.output;
          for (let j = 0; j < units; j++) out[base + j] = f(net[base + j]);
        } else {
          softmaxRow(net, out, base, units);
        }
        const mask = this.ws.mask[l];
        if (training && mask) {
          const keep = 1 - layer.dropoutRate;
          for (let j = 0; j < units; j++) {
            // Inverted dropout: survivors are scaled by 1/keep so the expected output is unchanged.
            mask[base + j] = this.dropoutRandom.next() < keep ? 1 / keep : 0;
            out[base + j] *= mask[base + j];
          }
        }
      }
    }
  }

  outputs(): Float64Array {
    return this.ws.out[this.ws.out.length - 1];
  }

  /** Outputs y of layer `l` (index into `network.layers`) for the samples of the last forward pass, row after row. */
  layerOutputs(l: number): Float64Array {
    return this.ws.out[l];
  }

  /** Data loss summed over samples[0..n) (mean per sample as in losses.ts) and correct predictions. */
  lossAndCorrect(targets: Float32Array, labels: Int32Array | null, samples: ArrayLike<number>, n: number): BatchResult {
    const out = this.outputs();
    const k = this.network.layers[this.network.layers.length - 1].units;
    let sum = 0;
    let correct = 0;
    for (let p = 0; p < n; p++) {
      const t = samples[p] * k;
      const z = p * k;
      sum += sampleLoss(this.loss, out, z, targets, t, k);
      if (labels) correct += predictedClass(out, z, k) === labels[samples[p]] ? 1 : 0;
    }
    return { loss: sum, correct };
  }

  /** Backward pass: ∂J/∂a of every layer, then ∂J/∂w and ∂J/∂b averaged over the batch into `gradients`. */
  backward(features: Float64Array, targets: Float32Array, samples: ArrayLike<number>, n: number): void {
    const { layers } = this.network;
    const last = layers.length - 1;
    const outLayer = layers[last];
    const k = outLayer.units;
    const out = this.ws.out[last];
    const net = this.ws.net[last];
    const gLast = this.ws.gradNet[last];
    for (let p = 0; p < n; p++) outputGradNet(this.loss, outLayer, net, out, p * k, targets, samples[p] * k, k, gLast);
    for (let l = last - 1; l >= 0; l--) {
      const layer = layers[l];
      const next = layers[l + 1];
      const g = this.ws.gradNet[l];
      const mask = this.ws.mask[l];
      const activation = layer.activation!;
      const units = layer.units;
      // Σ_k w_kj ∂J/∂a_k: the error flowing back to neuron j through every weight leaving it.
      backpropagate(this.ws.gradNet[l + 1], next.weights, next.units, g, n, units);
      // ...times f'(a_j); from the kept outputs when f' is written with them (sigmoid, tanh) and no dropout
      // scaled them, which is the same number without computing f again.
      if (activation.derFromOutput && !mask) multiplyByDerivative(g, this.ws.out[l], n * units, activation.derFromOutput);
      else {
        multiplyByDerivative(g, this.ws.net[l], n * units, activation.der);
        if (mask) for (let k = 0; k < n * units; k++) g[k] *= mask[k];
      }
    }
    for (let l = 0; l <= last; l++) {
      const layer = layers[l];
      const gw = this.gradients.weights[l];
      const gb = this.gradients.biases[l];
      const g = this.ws.gradNet[l];
      const x = l === 0 ? features : this.ws.out[l - 1];
      const { inputSize, units } = layer;
      // Averaging ∂J/∂a over the batch first costs n·units multiplications instead of one pass over every weight.
      const scale = 1 / n;
      for (let k = 0; k < n * units; k++) g[k] *= scale;
      const kernels = this.kernels[l];
      if (kernels) {
        kernels.gradients(g, l === 0 ? samples : null, n, gw); // overwrites gw
        if (gb) columnSums(g, n, units, gb);
        continue;
      }
      gw.fill(0);
      if (gb) gb.fill(0);
      const bases = this.ws.xBases;
      for (let p = 0; p < n; p++) bases[p] = l === 0 ? samples[p] * inputSize : p * inputSize;
      batchGradients(gw, gb, g, x, bases, n, inputSize, units);
    }
  }
}

/**
 * g[p, j] = Σ_k w_kj · gNext[p, k] for every sample p of the batch (g overwritten; weights of the next layer in
 * the w_kj-at-[k * units + j] layout). One running sum per neuron, stored once.
 */
function backpropagate(gNext: Float64Array, weights: Float64Array, nextUnits: number, g: Float64Array, n: number, units: number): void {
  let p = 0;
  // Four samples at a time share each weight load, as in batchNetInputs.
  for (; p + 3 < n; p += 4) {
    const d0 = p * nextUnits;
    const d1 = d0 + nextUnits;
    const d2 = d1 + nextUnits;
    const d3 = d2 + nextUnits;
    for (let j = 0; j < units; j++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < nextUnits; k++) {
        const w = weights[k * units + j];
        s0 += w * gNext[d0 + k];
        s1 += w * gNext[d1 + k];
        s2 += w * gNext[d2 + k];
        s3 += w * gNext[d3 + k];
      }
      g[p * units + j] = s0;
      g[(p + 1) * units + j] = s1;
      g[(p + 2) * units + j] = s2;
      g[(p + 3) * units + j] = s3;
    }
  }
  for (; p < n; p++) {
    const d = p * nextUnits;
    for (let j = 0; j < units; j++) {
      let sum = 0;
      for (let k = 0; k < nextUnits; k++) sum += weights[k * units + j] * gNext[d + k];
      g[p * units + j] = sum;
    }
  }
}

/** g[k] *= f'(v[k]) for k < count, where v is the net input or the output, as `der` expects. */
function multiplyByDerivative(g: Float64Array, v: Float64Array, count: number, der: (v: number) => number): void {
  for (let k = 0; k < count; k++) g[k] *= der(v[k]);
}

/** sums[j] = Σ_p g[p * units + j] (the bias gradient; sums overwritten). */
function columnSums(g: Float64Array, n: number, units: number, sums: Float64Array): void {
  sums.fill(0);
  for (let p = 0; p < n; p++) for (let j = 0; j < units; j++) sums[j] += g[p * units + j];
}

/**
 * a_j = b_j + Σ_i w_ji x_i for every neuron j of every sample in the batch (sample p's inputs start at x[bases[p]]).
 * Four samples at a time share each weight load. Small standalone functions over one array type are what V8
 * optimises best: written inline in the pass loops, the same arithmetic ran about 2x slower.
 */
function batchNetInputs(
  weights: Float64Array,
  biases: Float64Array | null,
  x: Float64Array,
  bases: Int32Array,
  n: number,
  inputSize: number,
  units: number,
  net: Float64Array,
): void {
  let p = 0;
  for (; p + 3 < n; p += 4) {
    const x0 = bases[p];
    const x1 = bases[p + 1];
    const x2 = bases[p + 2];
    const x3 = bases[p + 3];
    for (let j = 0; j < units; j++) {
      const row = j * inputSize;
      const b = biases ? biases[j] : 0;
      let a0 = b;
      let a1 = b;
      let a2 = b;
      let a3 = b;
      for (let i = 0; i < inputSize; i++) {
        const w = weights[row + i];
        a0 += w * x[x0 + i];
        a1 += w * x[x1 + i];
        a2 += w * x[x2 + i];
        a3 += w * x[x3 + i];
      }
      net[p * units + j] = a0;
      net[(p + 1) * units + j] = a1;
      net[(p + 2) * units + j] = a2;
      net[(p + 3) * units + j] = a3;
    }
  }
  for (; p < n; p++) {
    const x0 = bases[p];
    for (let j = 0; j < units; j++) {
      const row = j * inputSize;
      let a = biases ? biases[j] : 0;
      for (let i = 0; i < inputSize; i++) a += weights[row + i] * x[x0 + i];
      net[p * units + j] = a;
    }
  }
}

/**
 * ∂J/∂w_ji = Σ_p ∂J/∂a_pj · x_pi and ∂J/∂b_j = Σ_p ∂J/∂a_pj over the batch (summed; the caller averages).
 * Four samples per pass over a weight row: one read-modify-write of each gradient for four multiply-adds.
 */
function batchGradients(
  gw: Float64Array,
  gb: Float64Array | null,
  gradNet: Float64Array,
  x: Float64Array,
  bases: Int32Array,
  n: number,
  inputSize: number,
  units: number,
): void {
  for (let j = 0; j < units; j++) {
    const row = j * inputSize;
    let p = 0;
    for (; p + 3 < n; p += 4) {
      const d0 = gradNet[p * units + j];
      const d1 = gradNet[(p + 1) * units + j];
      const d2 = gradNet[(p + 2) * units + j];
      const d3 = gradNet[(p + 3) * units + j];
      if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) continue;
      const x0 = bases[p];
      const x1 = bases[p + 1];
      const x2 = bases[p + 2];
      const x3 = bases[p + 3];
      for (let i = 0; i < inputSize; i++) gw[row + i] += d0 * x[x0 + i] + d1 * x[x1 + i] + d2 * x[x2 + i] + d3 * x[x3 + i];
    }
    for (; p < n; p++) {
      const d = gradNet[p * units + j];
      if (d === 0) continue;
      const x0 = bases[p];
      for (let i = 0; i < inputSize; i++) gw[row + i] += d * x[x0 + i];
    }
    if (gb) {
      let sum = 0;
      for (let q = 0; q < n; q++) sum += gradNet[q * units + j];
      gb[j] += sum;
    }
  }
}

function softmaxRow(net: Float64Array, out: Float64Array, base: number, units: number): void {
  let max = -Infinity;
  for (let j = 0; j < units; j++) max = Math.max(max, net[base + j]);
  let sum = 0;
  for (let j = 0; j < units; j++) {
    // Subtracting the max leaves softmax unchanged and keeps exp() finite.
    out[base + j] = Math.exp(net[base + j] - max);
    sum += out[base + j];
  }
  for (let j = 0; j < units; j++) out[base + j] /= sum;
}

/** A probability kept inside [ε, 1 - ε] before its log, as tfjs's losses do. */
export function clipProbability(z: number): number {
  return Math.min(1 - PROBABILITY_EPSILON, Math.max(PROBABILITY_EPSILON, z));
}

export function predictedClass(out: ArrayLike<number>, base: number, k: number): number {
  if (k === 1) return out[base] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < k; j++) if (out[base + j] > out[base + best]) best = j;
  return best;
}

/** One sample's loss, with the same definitions as losses.ts. */
function sampleLoss(loss: LossName, z: Float64Array, zb: number, t: Float32Array, tb: number, k: number): number {
  let sum = 0;
  switch (loss) {
    case 'mse':
      for (let j = 0; j < k; j++) sum += (t[tb + j] - z[zb + j]) ** 2;
      return sum / k;
    case 'mae':
      for (let j = 0; j < k; j++) sum += Math.abs(t[tb + j] - z[zb + j]);
      return sum / k;
    case 'mape':
      for (let j = 0; j < k; j++) sum += Math.abs(t[tb + j] - z[zb + j]) / Math.max(Math.abs(t[tb + j]), PROBABILITY_EPSILON);
      return (100 * sum) / k;
    case 'binaryCrossEntropy':
      for (let j = 0; j < k; j++) {
        const p = clipProbability(z[zb + j]);
        sum -= t[tb + j] * Math.log(p) + (1 - t[tb + j]) * Math.log(1 - p);
      }
      return sum / k;
    case 'categoricalCrossEntropy':
      // Terms with t = 0 are 0 (the clip keeps log finite): skipping them leaves one log per one-hot sample.
      for (let j = 0; j < k; j++) if (t[tb + j] !== 0) sum -= t[tb + j] * Math.log(clipProbability(z[zb + j]));
      return sum;
    case 'hinge':
      for (let j = 0; j < k; j++) sum += Math.max(0, 1 - (2 * t[tb + j] - 1) * z[zb + j]);
      return sum / k;
  }
}

/** ∂J/∂z_j of one sample (J per sample, before the batch mean). */
function outputGradient(loss: LossName, z: number, t: number, k: number): number {
  switch (loss) {
    case 'mse':
      return (2 * (z - t)) / k;
    case 'mae':
      return Math.sign(z - t) / k;
    case 'mape':
      return (100 * Math.sign(z - t)) / (Math.max(Math.abs(t), PROBABILITY_EPSILON) * k);
    case 'binaryCrossEntropy': {
      if (z <= PROBABILITY_EPSILON || z >= 1 - PROBABILITY_EPSILON) return 0; // tfjs's clip has zero gradient there
      return (-t / z + (1 - t) / (1 - z)) / k;
    }
    case 'categoricalCrossEntropy':
      if (z <= PROBABILITY_EPSILON || z >= 1 - PROBABILITY_EPSILON) return 0;
      return -t / z;
    case 'hinge': {
      const sign = 2 * t - 1;
      return 1 - sign * z > 0 ? -sign / k : 0;
    }
  }
}

/** ∂J/∂a for the output layer of one sample. */
function outputGradNet(
  loss: LossName,
  layer: BatchedLayer,
  net: Float64Array,
  out: Float64Array,
  zb: number,
  targets: Float32Array,
  tb: number,
  k: number,
  into: Float64Array,
): void {
  // Cross-entropy with softmax (or with a sigmoid, per output) simplifies to ∂J/∂a = z - t: the textbook result,
  // and exact where the chain rule through a saturated output would lose precision.
  if (loss === 'categoricalCrossEntropy' && layer.activationName === 'softmax') {
    for (let j = 0; j < k; j++) into[zb + j] = out[zb + j] - targets[tb + j];
    return;
  }
  if (loss === 'binaryCrossEntropy' && layer.activationName === 'sigmoid') {
    for (let j = 0; j < k; j++) into[zb + j] = (out[zb + j] - targets[tb + j]) / k;
    return;
  }
  if (layer.activation === null) {
    // Softmax Jacobian: ∂J/∂a_m = z_m (∂J/∂z_m - Σ_j ∂J/∂z_j z_j).
    let dot = 0;
    for (let j = 0; j < k; j++) dot += outputGradient(loss, out[zb + j], targets[tb + j], k) * out[zb + j];
    for (let m = 0; m < k; m++) into[zb + m] = out[zb + m] * (outputGradient(loss, out[zb + m], targets[tb + m], k) - dot);
    return;
  }
  const der = layer.activation.der;
  for (let j = 0; j < k; j++) into[zb + j] = outputGradient(loss, out[zb + j], targets[tb + j], k) * der(net[zb + j]);
}

/** The network in the didactic engine's own format (float32 weights), e.g. to show it in the labs or save it. */
export function toDenseNetwork(network: BatchedNetwork): DenseNetwork {
  return {
    inputSize: network.inputSize,
    layers: network.layers.map((layer) => ({
      inputSize: layer.inputSize,
      units: layer.units,
      activation: layer.activationName as DenseNetwork['layers'][number]['activation'],
      alpha: layer.alpha,
      weights: Float32Array.from(layer.weights),
      biases: layer.biases ? Float32Array.from(layer.biases) : null,
    })),
  };
}
