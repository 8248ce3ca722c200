import * as tf from '@tensorflow/tfjs';
import { callOriginal, overrideWasmKernel } from './wasmKernelOverride';
import type { BatchMatMulAttrs, BatchMatMulInputs, KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/*
 * tfjs-backend-wasm 4.22's BatchMatMul is fast (XNNPACK) when neither operand is transposed, and 4 to 8 times
 * slower when one is: a dense layer's two backward products, x^T·dy and dy·W^T, were the largest share of a CNN
 * batch in the profile (64×784 by 784×64: 0.23 ms plain, 1.9 and 2.1 ms transposed). Transposing the operand
 * first with the backend's own Transpose kernel and then multiplying plainly gives the same numbers faster.
 */

const KERNEL = 'BatchMatMul';
const BACKEND = 'wasm';

let original: KernelConfig | undefined;

/** Which path the last call took, so tests can prove the fast path ran. */
export let lastBatchMatMulPath: 'pre-transposed' | 'original' | undefined;

function transposeLastTwo(x: TensorInfo, backend: KernelBackend): TensorInfo {
  const kernel = tf.getKernel('Transpose', BACKEND);
  if (!kernel) throw new Error('wasm BatchMatMul: the wasm backend has no Transpose kernel to build on');
  const rank = x.shape.length;
  const perm = [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];
  return kernel.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as TensorInfo;
}

const kernelFunc = (args: { inputs: BatchMatMulInputs; backend: KernelBackend; attrs: BatchMatMulAttrs }): TensorInfo => {
  const { a, b } = args.inputs;
  const { transposeA, transposeB } = args.attrs;
  const withOriginal = (inputs: BatchMatMulInputs, attrs: BatchMatMulAttrs): TensorInfo =>
    callOriginal(original, { ...args, inputs, attrs });
  if (
    (!transposeA && !transposeB) ||
    !a ||
    !b ||
    a.dtype !== 'float32' ||
    b.dtype !== 'float32' ||
    a.shape.length < 2 ||
    b.shape.length < 2
  ) {
    lastBatchMatMulPath = 'original';
    return withOriginal(args.inputs, args.attrs);
  }
  lastBatchMatMulPath = 'pre-transposed';
  const { backend } = args;
  const plainA = transposeA ? transposeLastTwo(a, backend) : a;
  const plainB = transposeB ? transposeLastTwo(b, backend) : b;
  try {
    return withOriginal({ a: plainA, b: plainB }, { ...args.attrs, transposeA: false, transposeB: false });
  } finally {
    if (plainA !== a) backend.disposeData(plainA.dataId);
    if (plainB !== b) backend.disposeData(plainB.dataId);
  }
};

/** Puts our kernel in front of the backend's own; false when there is nothing to wrap or it is wrapped already. */
export function registerWasmBatchMatMul(): boolean {
  const replaced = overrideWasmKernel(KERNEL, kernelFunc as unknown as KernelFunc);
  if (replaced) original = replaced;
  return replaced !== null;
}
