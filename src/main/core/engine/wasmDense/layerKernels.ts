import { DENSE_KERNELS_WASM_BASE64 } from './denseKernelsWasm';

/**
 * A dense layer's products in the didactic engine with WebAssembly SIMD (denseKernels.wat): four float32
 * multiply-adds per instruction where plain JavaScript does one. The net inputs a = W x + b and the weight
 * gradients Σ_p ∂J/∂a_p x_pᵀ are the products; activations, sensitivities and the optimizer stay in readable
 * JavaScript (batchedDense.ts, denseOptimizer.ts).
 *
 * The first layer is where nearly all the work is (320 HOG features × 18 neurons against 18 × 10 after it): its
 * features are copied into the module's memory once (`forFeatures`). A later layer's inputs are the previous
 * layer's outputs, copied in at each forward pass and kept there for the same batch's gradients
 * (`forActivations`). The weights (float64 in the engine) are copied in as float32 before each forward pass, and
 * gradients copied back out, which is cheap next to the products. Float32 here is what tfjs uses too, so the
 * engines still agree (engines.test.ts).
 */

interface Exports {
  memory: WebAssembly.Memory;
  netInputs(w: number, b: number, hasBias: number, rows: number, n: number, inputs: number, units: number, net: number): void;
  gradients(gw: number, g: number, rows: number, n: number, inputs: number, units: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is unavailable (the engine then stays in JavaScript). */
export function denseKernelsModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(DENSE_KERNELS_WASM_BASE64, 'base64'));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

const PAGE = 65_536;

export class LayerKernels {
  private readonly wasm: Exports;
  private readonly f32: Float32Array;
  private readonly i32: Int32Array;
  private readonly at: { x: number; w: number; b: number; rows: number; net: number; g: number; gw: number };
  /** Views of the weights, biases and weight gradients in wasm memory (made once: no allocation per batch). */
  private readonly wView: Float32Array;
  private readonly bView: Float32Array;
  private readonly gwView: Float32Array;
  private readonly activations: boolean;

  private constructor(
    wasm: Exports,
    /** The data set's features, or null when the inputs are a previous layer's outputs, copied in per batch. */
    features: Float32Array | null,
    private readonly inputs: number,
    private readonly units: number,
    /** The largest batch these buffers hold. */
    readonly maxBatch: number,
  ) {
    this.wasm = wasm;
    this.activations = features === null;
    const floats = [
      features ? features.length : maxBatch * inputs,
      units * inputs,
      units,
      maxBatch,
      maxBatch * units,
      maxBatch * units,
      units * inputs,
    ];
    const bytes = floats.reduce((sum, count) => sum + 4 * count, 0);
    const pages = Math.ceil(bytes / PAGE);
    if (pages > wasm.memory.buffer.byteLength / PAGE) wasm.memory.grow(pages - wasm.memory.buffer.byteLength / PAGE);
    this.f32 = new Float32Array(wasm.memory.buffer);
    this.i32 = new Int32Array(wasm.memory.buffer);
    // Offsets in elements (float32 and int32 are both 4 bytes).
    let next = 0;
    const take = (count: number): number => {
      const start = next;
      next += count;
      return start;
    };
    this.at = {
      x: take(floats[0]),
      w: take(floats[1]),
      b: take(floats[2]),
      rows: take(floats[3]),
      net: take(floats[4]),
      g: take(floats[5]),
      gw: take(floats[6]),
    };
    if (features) this.f32.set(features, this.at.x);
    // A later layer's input rows are the batch's rows in order, always at the same places.
    else for (let p = 0; p < maxBatch; p++) this.i32[this.at.rows + p] = 4 * (this.at.x + p * inputs);
    this.wView = this.f32.subarray(this.at.w, this.at.w + units * inputs);
    this.bView = this.f32.subarray(this.at.b, this.at.b + units);
    this.gwView = this.f32.subarray(this.at.gw, this.at.gw + units * inputs);
  }

  /**
   * The first layer, on the data set's features (copied in once). Null when WebAssembly SIMD is not available or
   * the data would not fit in 32-bit wasm memory.
   */
  static forFeatures(features: Float32Array, inputs: number, units: number, maxBatch: number): LayerKernels | null {
    return LayerKernels.instantiate(features, features.length, inputs, units, maxBatch);
  }

  /** A later layer, whose inputs (the previous layer's outputs) come with each forward pass. */
  static forActivations(inputs: number, units: number, maxBatch: number): LayerKernels | null {
    return LayerKernels.instantiate(null, maxBatch * inputs, inputs, units, maxBatch);
  }

  private static instantiate(
    features: Float32Array | null,
    inputFloats: number,
    inputs: number,
    units: number,
    maxBatch: number,
  ): LayerKernels | null {
    const wasmModule = denseKernelsModule();
    if (!wasmModule || 4 * (inputFloats + 2 * units * inputs + maxBatch * (2 * units + 1)) > 2 ** 31) return null;
    const instance = new WebAssembly.Instance(wasmModule, {});
    return new LayerKernels(instance.exports as unknown as Exports, features, inputs, units, maxBatch);
  }

  /** The byte address of each sample's feature row, for the kernels (a later layer's rows never change). */
  private setRows(samples: ArrayLike<number> | null, n: number): void {
    this.checkBatch(n);
    if (this.activations) return;
    if (!samples) throw new Error("LayerKernels: the first layer needs the batch's sample indices.");
    const { i32, inputs } = this;
    const rows = this.at.rows;
    const x = this.at.x;
    for (let p = 0; p < n; p++) i32[rows + p] = 4 * (x + samples[p] * inputs);
  }

  private checkBatch(n: number): void {
    if (n > this.maxBatch) throw new Error(`LayerKernels: batch of ${n} above the ${this.maxBatch} it was sized for.`);
  }

  /**
   * A later layer's net inputs from the previous layer's outputs x (n rows of `inputs` values), which stay in
   * wasm memory for `gradients` of the same batch.
   */
  forwardActivations(weights: Float64Array, biases: Float64Array | null, x: Float64Array, n: number, net: Float64Array): void {
    this.checkBatch(n);
    const { f32 } = this;
    const base = this.at.x;
    for (let k = 0; k < n * this.inputs; k++) f32[base + k] = x[k];
    this.forward(weights, biases, null, n, net);
  }

  /**
   * net[p * units + j] = b_j + Σ_i w_ji x_i for the batch's samples (weights in the engine's w_ji layout).
   * `samples` index the features (null for a later layer, whose inputs forwardActivations has copied in).
   */
  forward(weights: Float64Array, biases: Float64Array | null, samples: ArrayLike<number> | null, n: number, net: Float64Array): void {
    const { at, f32 } = this;
    this.wView.set(weights);
    if (biases) this.bView.set(biases);
    this.setRows(samples, n);
    this.wasm.netInputs(4 * at.w, 4 * at.b, biases ? 1 : 0, 4 * at.rows, n, this.inputs, this.units, 4 * at.net);
    const base = at.net;
    for (let k = 0; k < n * this.units; k++) net[k] = f32[base + k];
  }

  /** gw = Σ_p ∂J/∂a_p · x_p (overwrites gw); ∂J/∂a already averaged over the batch by the caller. */
  gradients(gradNet: Float64Array, samples: ArrayLike<number> | null, n: number, gw: Float64Array): void {
    const { at, f32 } = this;
    const g = at.g;
    for (let k = 0; k < n * this.units; k++) f32[g + k] = gradNet[k];
    this.setRows(samples, n);
    this.wasm.gradients(4 * at.gw, 4 * at.g, 4 * at.rows, n, this.inputs, this.units);
    gw.set(this.gwView);
  }
}
