import { callOriginal, overrideWasmKernel } from './wasmKernelOverride';
import type { BinaryInputs, KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { heapKernels, heapOffset, heapOutput } from './wasmHeap/heapKernels';

/*
 * A conv layer adds its bias to every pixel: x [N, H, W, C] + b [C]. tfjs-backend-wasm 4.22 runs that broadcast
 * through its general Add, which took 1 ms for the DESIGN.md CNN's first layer (64×28×28×8) and 0.35 ms for its
 * second: more than the convolutions themselves. Our WebAssembly module (wasmHeap/heapKernels.wat) adds the bias
 * row by row, four channels at a time. Every other Add goes to the backend's own kernel.
 */

const KERNEL = 'Add';

let original: KernelConfig | undefined;

/** Which path the last call took, so tests can prove ours ran. */
export let lastAddPath: 'bias-add' | 'original' | undefined;

/** True when `bias` has one value per channel of `x` (shape [C], or [1, …, 1, C] no longer than x's). */
function isBiasOf(bias: TensorInfo, x: TensorInfo): boolean {
  const channels = x.shape[x.shape.length - 1];
  if (x.shape.length < 2 || bias.shape.length < 1 || bias.shape.length > x.shape.length) return false;
  if (bias.shape[bias.shape.length - 1] !== channels || bias.shape.slice(0, -1).some((d) => d !== 1)) return false;
  return x.shape.every((d) => d > 0) && channels > 0;
}

const kernelFunc = (args: { inputs: BinaryInputs; backend: KernelBackend }): TensorInfo => {
  const { a, b } = args.inputs;
  const { backend } = args;
  const floats = a && b && a.dtype === 'float32' && b.dtype === 'float32';
  const pair = !floats ? null : isBiasOf(b, a) ? { x: a, bias: b } : isBiasOf(a, b) ? { x: b, bias: a } : null;
  const heap = pair ? heapKernels(backend) : null;
  if (!pair || !heap) {
    lastAddPath = 'original';
    return callOriginal(original, args);
  }
  lastAddPath = 'bias-add';
  const { x, bias } = pair;
  const cols = x.shape[x.shape.length - 1];
  const rows = x.shape.slice(0, -1).reduce((p, d) => p * d, 1);
  const out = heapOutput(backend, [...x.shape]);
  heap.biasAdd(heapOffset(backend, x), heapOffset(backend, bias), heapOffset(backend, out), rows, cols);
  return out;
};

/** Puts our kernel in front of the backend's own; false when there is nothing to wrap or it is wrapped already. */
export function registerWasmAdd(): boolean {
  const replaced = overrideWasmKernel(KERNEL, kernelFunc as unknown as KernelFunc);
  if (replaced) original = replaced;
  return replaced !== null;
}
