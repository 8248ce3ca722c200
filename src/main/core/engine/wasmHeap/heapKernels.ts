import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs';
import { HEAP_KERNELS_WASM_BASE64 } from './heapKernelsWasm';

/**
 * Our own WebAssembly SIMD kernels (heapKernels.wat) running on the tfjs wasm backend's memory. The module imports
 * the backend's WebAssembly.Memory, so a tensor is just a byte offset into it: inputs are read where they are and
 * outputs written into memory the backend allocated (makeOutput), without the copies a JavaScript kernel needs
 * (readSync copies out, write copies back in). Pointers are taken right before each call: the heap may grow, but
 * offsets stay valid, and the module always sees the current buffer.
 */

export interface HeapKernels {
  maxPoolGrad2x2(
    x: number,
    g: number,
    dx: number,
    batches: number,
    inHeight: number,
    inWidth: number,
    channels: number,
    outHeight: number,
    outWidth: number,
  ): void;
  columnSums(x: number, out: number, rows: number, cols: number): void;
  biasAdd(x: number, b: number, out: number, rows: number, cols: number): void;
  reluGrad(dy: number, x: number, out: number, n: number): void;
  adam(
    w: number,
    g: number,
    m: number,
    v: number,
    out: number,
    n: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    c1: number,
    c2: number,
    epsilon: number,
    negLearningRate: number,
  ): void;
  sgd(w: number, g: number, out: number, n: number, negLearningRate: number): void;
  momentum(w: number, g: number, accumulation: number, out: number, n: number, momentum: number, negLearningRate: number): void;
  /** One block of a filter gradient (see heapKernels.wat): 2 input × 16 output channels, 1 × 8, or 1 × 4. */
  filterGradC2K16(
    x: number,
    dy: number,
    out: number,
    n: number,
    pCount: number,
    qCount: number,
    xBatch: number,
    xRow: number,
    xCol: number,
    dyBatch: number,
    dyRow: number,
    dyCol: number,
    outStride: number,
  ): void;
  filterGradC1K8(
    x: number,
    dy: number,
    out: number,
    n: number,
    pCount: number,
    qCount: number,
    xBatch: number,
    xRow: number,
    xCol: number,
    dyBatch: number,
    dyRow: number,
    dyCol: number,
    outStride: number,
  ): void;
  filterGradC1K4(
    x: number,
    dy: number,
    out: number,
    n: number,
    pCount: number,
    qCount: number,
    xBatch: number,
    xRow: number,
    xCol: number,
    dyBatch: number,
    dyRow: number,
    dyCol: number,
    outStride: number,
  ): void;
  rmsprop(
    w: number,
    g: number,
    meanSquare: number,
    moments: number,
    out: number,
    n: number,
    decay: number,
    oneMinusDecay: number,
    momentum: number,
    learningRate: number,
    epsilon: number,
  ): void;
}

/** The parts of tfjs-backend-wasm's BackendWasm we use (public members of the class, not in KernelBackend's type). */
interface WasmBackendInternals {
  wasm?: { asm?: { memory?: unknown } };
  dataIdMap?: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput?(shape: number[], dtype: 'float32'): TensorInfo;
}

let compiled: WebAssembly.Module | null | undefined;
const instances = new WeakMap<WebAssembly.Memory, HeapKernels>();

function compiledModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(HEAP_KERNELS_WASM_BASE64, 'base64'));
    } catch {
      compiled = null; // no WebAssembly SIMD here: callers keep their other path
    }
  }
  return compiled;
}

function memoryOf(backend: KernelBackend): WebAssembly.Memory | null {
  const memory = (backend as unknown as WasmBackendInternals).wasm?.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

/** The kernels bound to this backend's memory, or null when it is not a wasm backend we can reach into. */
export function heapKernels(backend: KernelBackend): HeapKernels | null {
  const internals = backend as unknown as WasmBackendInternals;
  const memory = memoryOf(backend);
  if (!memory || !internals.dataIdMap || !internals.makeOutput) return null;
  let kernels = instances.get(memory);
  if (!kernels) {
    const module = compiledModule();
    if (!module) return null;
    kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as HeapKernels;
    instances.set(memory, kernels);
  }
  return kernels;
}

/** Byte offset of a tensor's data in the wasm heap. */
export function heapOffset(backend: KernelBackend, info: { dataId: object }): number {
  const data = (backend as unknown as WasmBackendInternals).dataIdMap!.get(info.dataId);
  if (!data) throw new Error('wasm heap kernels: tensor data not found in the wasm backend');
  return data.memoryOffset;
}

/** A new float32 tensor allocated on the wasm heap (contents undefined until written). */
export function heapOutput(backend: KernelBackend, shape: number[]): TensorInfo {
  return (backend as unknown as WasmBackendInternals).makeOutput!(shape, 'float32');
}

/** Sets `count` float32 values from byte offset `offset` to zero. */
export function heapZero(backend: KernelBackend, offset: number, count: number): void {
  const memory = memoryOf(backend)!;
  new Float32Array(memory.buffer, offset, count).fill(0);
}
