import * as tf from '@tensorflow/tfjs';
import { callOriginal, overrideWasmKernel } from './wasmKernelOverride';
import type { KernelBackend, KernelConfig, KernelFunc, SumAttrs, SumInputs, TensorInfo } from '@tensorflow/tfjs';
import { heapKernels, heapOffset, heapOutput } from './wasmHeap/heapKernels';

/*
 * A bias's gradient is dy summed over every axis but the last (N, H, W of a conv layer's output; N of a dense
 * layer's). tfjs-backend-wasm 4.22 transposes dy first so that the summed axes come last, then sums: seven such
 * sums were 0.8 ms of a CNN batch. Summing rows into one row of column totals needs no transpose; our WebAssembly
 * module (wasmHeap/heapKernels.wat) does it four columns at a time, adding rows in order. Every other Sum goes
 * to the backend's own kernel.
 */

const KERNEL = 'Sum';

let original: KernelConfig | undefined;

/** Which path the last call took, so tests can prove ours ran. */
export let lastSumPath: 'column-sums' | 'original' | undefined;

const kernelFunc = (args: { inputs: SumInputs; backend: KernelBackend; attrs: SumAttrs }): TensorInfo => {
  const { x } = args.inputs;
  const { backend } = args;
  const rank = x?.shape.length ?? 0;
  const axes = x ? tf.util.parseAxisParam(args.attrs.axis, x.shape) : [];
  const leading = axes.length === rank - 1 && rank >= 2 && [...axes].sort((a, b) => a - b).every((axis, i) => axis === i);
  const heap = x && x.dtype === 'float32' && leading ? heapKernels(backend) : null;
  if (!x || !heap || x.shape.some((d) => d === 0)) {
    lastSumPath = 'original';
    return callOriginal(original, args);
  }
  lastSumPath = 'column-sums';
  const cols = x.shape[rank - 1];
  const rows = x.shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const out = heapOutput(backend, args.attrs.keepDims ? [...Array<number>(rank - 1).fill(1), cols] : [cols]);
  heap.columnSums(heapOffset(backend, x), heapOffset(backend, out), rows, cols);
  return out;
};

/** Puts our kernel in front of the backend's own; false when there is nothing to wrap or it is wrapped already. */
export function registerWasmSum(): boolean {
  const replaced = overrideWasmKernel(KERNEL, kernelFunc as unknown as KernelFunc);
  if (replaced) original = replaced;
  return replaced !== null;
}
