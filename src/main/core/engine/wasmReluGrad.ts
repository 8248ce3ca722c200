import * as tf from '@tensorflow/tfjs';
import type { GradConfig, KernelBackend, KernelFunc, Tensor, TensorInfo } from '@tensorflow/tfjs';
import { heapKernels, heapOffset, heapOutput } from './wasmHeap/heapKernels';

/*
 * tfjs's ReLU gradient is mul(dy, cast(step(x), 'float32')): three kernels and two passes over every activation
 * (0.5 ms of a DESIGN.md CNN batch on wasm, for its three ReLU layers). On the wasm backend ours is one kernel of our
 * module (wasmHeap/heapKernels.wat, `reluGrad`) doing the same float32 product dy × step(x) in one pass; on other
 * backends, or for other types, tfjs's own gradient runs.
 */

const KERNEL = 'SinapsisReluGrad';
const BACKEND = 'wasm';

let stockGradient: GradConfig | undefined;

/** Which path the last ReLU gradient took, so tests can prove ours ran. */
export let lastReluGradPath: 'heap' | 'stock' | undefined;

const kernelFunc = (args: { inputs: { dy?: TensorInfo; x?: TensorInfo }; backend: KernelBackend }): TensorInfo => {
  const { dy, x } = args.inputs;
  const { backend } = args;
  const heap = heapKernels(backend);
  if (!dy || !x || !heap) throw new Error(`${KERNEL}: needs dy, x and the heap kernels (checked by the gradient)`);
  const out = heapOutput(backend, [...x.shape]);
  heap.reluGrad(heapOffset(backend, dy), heapOffset(backend, x), heapOffset(backend, out), tf.util.sizeFromShape(x.shape));
  return out;
};

function reluGradient(dy: Tensor | Tensor[], saved: Tensor[], attrs: tf.NamedAttrMap): Record<string, () => Tensor> {
  const [x] = saved;
  const grad = Array.isArray(dy) ? dy[0] : dy;
  const ours = tf.getBackend() === BACKEND && grad.dtype === 'float32' && x.dtype === 'float32' && heapKernels(tf.backend()) !== null;
  if (!ours && stockGradient) {
    lastReluGradPath = 'stock';
    return stockGradient.gradFunc(dy, saved, attrs) as Record<string, () => Tensor>;
  }
  lastReluGradPath = 'heap';
  return { x: () => tf.engine().runKernel(KERNEL, { dy: grad, x }) as Tensor };
}

/** Registers our kernel and puts our gradient in front of tfjs's (kept for other backends). Safe to call again. */
export function registerWasmReluGrad(): boolean {
  const current = tf.getGradient('Relu');
  if (!current || current.gradFunc === reluGradient) return false;
  stockGradient = current;
  if (!tf.getKernel(KERNEL, BACKEND))
    tf.registerKernel({ kernelName: KERNEL, backendName: BACKEND, kernelFunc: kernelFunc as unknown as KernelFunc });
  tf.registerGradient({ ...current, gradFunc: reluGradient });
  return true;
}
