import type { BatchedNetwork } from '../batchedDense';
import { clipProbability } from '../batchedDense';
import { denseKernelsModule } from './layerKernels';

/**
 * A whole training batch of the didactic engine in WebAssembly (denseKernels.wat), for the common case of the
 * course: dense layers with sigmoid, ReLU or identity, a softmax output with cross-entropy on labels, plain SGD, no
 * dropout, no L2. The weights, biases, activations, sensitivities and gradients of every layer live in the module's
 * memory for the engine's whole life (the network's `weights` and `biases` become float64 views of it), so a batch is
 * about ten calls and no copies through JavaScript; the JavaScript path (BatchedTrainer) copied the weights in and
 * the net inputs and gradients out at every batch and ran the activations, sensitivities and update in JavaScript,
 * which took half of the epoch on the 320-18-10 MLP.
 *
 * The arithmetic is the JavaScript path's, operation by operation: float32 products (the same netInputs and
 * gradients kernels), float64 activations, sensitivities, bias gradients and updates, e^x by fdlibm's algorithm
 * (the one behind Math.exp), and the loss's log taken here with Math.log. fusedDense.test.ts checks both paths give
 * the same weights bit for bit.
 */

interface Exports {
  memory: WebAssembly.Memory;
  netInputs(w: number, b: number, hasBias: number, rows: number, n: number, inputs: number, units: number, net: number): void;
  gradients(gw: number, g: number, rows: number, n: number, inputs: number, units: number): void;
  demote(src: number, dst: number, count: number): void;
  activate(kind: number, net32: number, net64: number, out64: number, out32: number, count: number): void;
  softmaxCrossEntropy(net32: number, out64: number, labels: number, n: number, k: number, g64: number, prob: number): number;
  hiddenGradients(kind: number, gNext: number, wNext: number, nextUnits: number, g: number, v: number, n: number, units: number): void;
  scaleAndBiasGradients(g64: number, g32: number, n: number, units: number, scale: number, gb: number): void;
  sgd32(w: number, g: number, count: number, lr: number): void;
  sgd64(w: number, g: number, count: number, lr: number): void;
  exp(x: number): number;
  expPair(a: number, b: number): [number, number];
}

/** The hidden activations the module computes (the kind numbers of denseKernels.wat). */
const HIDDEN_KINDS: Record<string, number> = { identity: 0, sigmoid: 1, relu: 2 };

/** What the fused pass handles; anything else trains on the JavaScript path. */
export interface FusedSettings {
  loss: string;
  /** optimizerRule of the settings. */
  rule: string;
  l2: number;
}

/** Why the fused pass cannot train this network with these settings, or null when it can. */
export function fusedIneligibility(network: BatchedNetwork, settings: FusedSettings, labels: Int32Array | null): string | null {
  const { layers } = network;
  const last = layers[layers.length - 1];
  if (settings.rule !== 'sgd') return 'only plain SGD is fused';
  if (settings.l2 > 0) return 'L2 is not fused';
  if (settings.loss !== 'categoricalCrossEntropy' || last.activationName !== 'softmax' || last.units < 2 || !labels)
    return 'the output is not softmax with cross-entropy on labels';
  if (layers.some((l) => l.dropoutRate > 0)) return 'dropout is not fused';
  if (layers.slice(0, -1).some((l) => !(l.activationName in HIDDEN_KINDS))) return 'a hidden activation is not fused';
  return null;
}

interface LayerAt {
  inputs: number;
  units: number;
  kind: number;
  hasBias: boolean;
  w64: number;
  b64: number;
  w32: number;
  b32: number;
  rows: number;
  net32: number;
  net64: number;
  out64: number;
  out32: number;
  g64: number;
  g32: number;
  gw32: number;
  gb64: number;
}

const PAGE = 65_536;

/** The module's e^x, one at a time and two lanes at a time, for the test that compares them with Math.exp. */
export function wasmExp(): Pick<Exports, 'exp' | 'expPair'> | null {
  const compiled = denseKernelsModule();
  return compiled ? (new WebAssembly.Instance(compiled, {}).exports as unknown as Exports) : null;
}

export class FusedDense {
  private readonly wasm: Exports;
  private readonly at: LayerAt[];
  private readonly i32: Int32Array;
  private readonly prob: Float64Array;
  private readonly x: number;
  private readonly labelsAt: number;
  private readonly probAt: number;
  /** The weight and bias gradients of the last batch, per layer (for the gradient norms). */
  private readonly gw: Float32Array[];
  private readonly gb: (Float64Array | null)[];

  private constructor(
    wasm: Exports,
    private readonly network: BatchedNetwork,
    features: Float32Array,
    private readonly labels: Int32Array,
    private readonly maxBatch: number,
    private readonly learningRate: number,
  ) {
    this.wasm = wasm;
    let next = 0;
    // Byte offsets, each aligned to 16 so that float64 views and v128 loads line up.
    const take = (bytes: number): number => {
      const start = next;
      next += Math.ceil(bytes / 16) * 16;
      return start;
    };
    this.x = take(4 * features.length);
    this.labelsAt = take(4 * maxBatch);
    this.probAt = take(8 * maxBatch);
    const { layers } = network;
    this.at = layers.map((layer, l) => ({
      inputs: layer.inputSize,
      units: layer.units,
      kind: l < layers.length - 1 ? HIDDEN_KINDS[layer.activationName] : -1,
      hasBias: layer.biases !== null,
      w64: take(8 * layer.units * layer.inputSize),
      b64: take(8 * layer.units),
      w32: take(4 * layer.units * layer.inputSize),
      b32: take(4 * layer.units),
      rows: take(4 * maxBatch),
      net32: take(4 * maxBatch * layer.units),
      net64: take(8 * maxBatch * layer.units),
      out64: take(8 * maxBatch * layer.units),
      out32: take(4 * maxBatch * layer.units),
      g64: take(8 * maxBatch * layer.units),
      g32: take(4 * maxBatch * layer.units),
      gw32: take(4 * layer.units * layer.inputSize),
      gb64: take(8 * layer.units),
    }));
    const pages = Math.ceil(next / PAGE) - wasm.memory.buffer.byteLength / PAGE;
    if (pages > 0) wasm.memory.grow(pages);
    // The memory never grows after this, so these views (and the network's weights below) stay attached.
    const buffer = wasm.memory.buffer;
    new Float32Array(buffer, this.x, features.length).set(features);
    this.i32 = new Int32Array(buffer);
    this.prob = new Float64Array(buffer, this.probAt, maxBatch);
    this.gw = [];
    this.gb = [];
    layers.forEach((layer, l) => {
      const at = this.at[l];
      const w = new Float64Array(buffer, at.w64, layer.units * layer.inputSize);
      w.set(layer.weights);
      layer.weights = w;
      if (layer.biases) {
        const b = new Float64Array(buffer, at.b64, layer.units);
        b.set(layer.biases);
        layer.biases = b;
      }
      this.gw.push(new Float32Array(buffer, at.gw32, layer.units * layer.inputSize));
      this.gb.push(layer.biases ? new Float64Array(buffer, at.gb64, layer.units) : null);
      // A later layer's input rows are the previous layer's float32 outputs, always at the same places.
      if (l > 0) for (let p = 0; p < maxBatch; p++) this.i32[at.rows / 4 + p] = this.at[l - 1].out32 + 4 * p * layer.inputSize;
    });
  }

  /**
   * The fused pass for `network` (whose weights and biases it moves into its memory), or null when WebAssembly SIMD
   * is unavailable or the data would not fit in 32-bit wasm memory. The caller checks fusedIneligibility first.
   */
  static create(
    network: BatchedNetwork,
    features: Float32Array,
    labels: Int32Array,
    maxBatch: number,
    learningRate: number,
  ): FusedDense | null {
    const compiled = denseKernelsModule();
    const perLayer = network.layers.reduce((sum, l) => sum + 24 * l.units * l.inputSize + 56 * maxBatch * l.units, 0);
    if (!compiled || 4 * features.length + perLayer > 2 ** 31) return null;
    const wasm = new WebAssembly.Instance(compiled, {}).exports as unknown as Exports;
    return new FusedDense(wasm, network, features, labels, maxBatch, learningRate);
  }

  /** Forward, loss, backward and SGD step on samples[0..n); the data loss summed over the batch and the correct predictions. */
  trainBatch(samples: ArrayLike<number>, n: number): { loss: number; correct: number } {
    if (n > this.maxBatch) throw new Error(`FusedDense: batch of ${n} above the ${this.maxBatch} it was sized for.`);
    const { wasm, at, i32, labels } = this;
    const first = at[0];
    const rows0 = first.rows / 4;
    const labels0 = this.labelsAt / 4;
    for (let p = 0; p < n; p++) {
      const s = samples[p];
      i32[rows0 + p] = this.x + 4 * s * first.inputs;
      i32[labels0 + p] = labels[s];
    }
    const last = at.length - 1;
    for (let l = 0; l <= last; l++) {
      const a = at[l];
      wasm.demote(a.w64, a.w32, a.units * a.inputs);
      if (a.hasBias) wasm.demote(a.b64, a.b32, a.units);
      wasm.netInputs(a.w32, a.b32, a.hasBias ? 1 : 0, a.rows, n, a.inputs, a.units, a.net32);
      if (l < last) wasm.activate(a.kind, a.net32, a.net64, a.out64, a.out32, n * a.units);
    }
    const out = at[last];
    const correct = wasm.softmaxCrossEntropy(out.net32, out.out64, this.labelsAt, n, out.units, out.g64, this.probAt);
    let loss = 0;
    for (let p = 0; p < n; p++) loss -= Math.log(clipProbability(this.prob[p]));
    for (let l = last - 1; l >= 0; l--) {
      const a = at[l];
      const b = at[l + 1];
      // The sigmoid's f' is written with its output, ReLU's and the identity's with the net input (as batchedDense.ts).
      wasm.hiddenGradients(a.kind, b.g64, b.w64, b.units, a.g64, a.kind === HIDDEN_KINDS.sigmoid ? a.out64 : a.net64, n, a.units);
    }
    for (let l = 0; l <= last; l++) {
      const a = at[l];
      wasm.scaleAndBiasGradients(a.g64, a.g32, n, a.units, 1 / n, a.hasBias ? a.gb64 : 0);
      wasm.gradients(a.gw32, a.g32, a.rows, n, a.inputs, a.units);
    }
    for (const a of at) {
      wasm.sgd32(a.w64, a.gw32, a.units * a.inputs, this.learningRate);
      if (a.hasBias) wasm.sgd64(a.b64, a.gb64, a.units, this.learningRate);
    }
    return { loss, correct };
  }

  /** ‖∂J/∂W‖ (weights and biases together) of each spec layer for the last batch, as the JavaScript path sums them. */
  gradientNorms(): { layer: number; norm: number }[] {
    return this.network.layers.map((layer, l) => {
      let weights = 0;
      const gw = this.gw[l];
      for (let k = 0; k < gw.length; k++) weights += gw[k] * gw[k];
      let biases = 0;
      const gb = this.gb[l];
      if (gb) for (let k = 0; k < gb.length; k++) biases += gb[k] * gb[k];
      return { layer: layer.specIndex, norm: Math.sqrt(gb ? 0 + weights + biases : 0 + weights) };
    });
  }
}
