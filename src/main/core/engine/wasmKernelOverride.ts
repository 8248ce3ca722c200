import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

const BACKEND = 'wasm';

/**
 * Puts a kernel of ours in front of the wasm backend's own kernel of the same name and returns the original
 * (kept for the cases ours does not cover; its setupFunc binds the wasm function it still needs). Null when the
 * backend has no such kernel, or ours is in front already, so calling it again is harmless.
 */
export function overrideWasmKernel(name: string, kernelFunc: KernelFunc): KernelConfig | null {
  const existing = tf.getKernel(name, BACKEND);
  if (!existing || existing.kernelFunc === kernelFunc) return null;
  tf.unregisterKernel(name, BACKEND);
  tf.registerKernel({ ...existing, kernelFunc });
  return existing;
}

/** Runs the backend's own kernel with our kernel's arguments (or changed ones). */
export function callOriginal(original: KernelConfig | undefined, args: unknown): TensorInfo {
  if (!original) throw new Error('wasm kernel override: the original kernel was not registered');
  return original.kernelFunc(args as Parameters<KernelFunc>[0]) as TensorInfo;
}
