import * as tf from '@tensorflow/tfjs';
import { callOriginal, overrideWasmKernel } from './wasmKernelOverride';
import type {
  Conv2DBackpropInputAttrs,
  Conv2DBackpropInputInputs,
  KernelBackend,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  TensorInfo,
} from '@tensorflow/tfjs';

/*
 * tfjs-backend-wasm 4.22's Conv2DBackpropInput is a plain loop, and it was the slowest kernel of CNN training
 * (about a third of each batch of the DESIGN.md CNN). For stride 1 and no dilation, the gradient with respect to
 * the input is itself a convolution, which the backend runs with XNNPACK (SIMD):
 *
 *   forward   y[n,p,q,k] = Σ_{i,j,c} x[n, p + i - pt, q + j - pl, c] · W[i,j,c,k]
 *   backward  dx[n,h,w,c] = Σ_{i,j,k} dy[n, h + pt - i, w + pl - j, k] · W[i,j,c,k]
 *           = conv2d(dy, W'), W'[i,j,k,c] = W[Fh-1-i, Fw-1-j, c, k] (filter turned 180°, channels swapped),
 *             padded Fh-1-pt above, Fh-1-pb below, Fw-1-pl left, Fw-1-pr right.
 *
 * Every other case (strides, dilations, NCHW, other dtypes) goes to the backend's own kernel, unchanged.
 */

const KERNEL = 'Conv2DBackpropInput';
const BACKEND = 'wasm';

let original: KernelConfig | undefined;

function run(name: string, backend: KernelBackend, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap): TensorInfo {
  const kernel = tf.getKernel(name, BACKEND);
  if (!kernel) throw new Error(`wasm ${KERNEL}: the wasm backend has no ${name} kernel to build on`);
  const out = kernel.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`wasm ${KERNEL}: ${name} returned several tensors`);
  return out;
}

/** Padding of the equivalent convolution, or null when the identity above does not apply. */
function plan(
  dy: TensorInfo,
  filter: TensorInfo,
  attrs: Conv2DBackpropInputAttrs,
): [[number, number], [number, number], [number, number], [number, number]] | null {
  if (attrs.dataFormat !== 'NHWC' || dy.dtype !== 'float32' || filter.dtype !== 'float32') return null;
  const strides = typeof attrs.strides === 'number' ? [attrs.strides, attrs.strides] : attrs.strides;
  if (strides[0] !== 1 || strides[1] !== 1 || dy.shape.length !== 4 || filter.shape.length !== 4) return null;
  const [fh, fw] = filter.shape;
  const info = tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    filter.shape as [number, number, number, number],
    1,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  if (info.outHeight !== dy.shape[1] || info.outWidth !== dy.shape[2]) return null;
  const { top, bottom, left, right } = info.padInfo;
  const pads = [fh - 1 - top, fh - 1 - bottom, fw - 1 - left, fw - 1 - right];
  if (pads.some((p) => p < 0)) return null;
  return [
    [0, 0],
    [pads[0], pads[1]],
    [pads[2], pads[3]],
    [0, 0],
  ];
}

/** Which path the last call took, so tests can prove the fast path ran. */
export let lastConv2DBackpropInputPath: 'conv2d' | 'original' | undefined;

const kernelFunc = (args: { inputs: Conv2DBackpropInputInputs; backend: KernelBackend; attrs: Conv2DBackpropInputAttrs }): TensorInfo => {
  const { dy, filter } = args.inputs;
  const pad = dy && filter ? plan(dy, filter, args.attrs) : null;
  if (!pad || !dy || !filter) {
    lastConv2DBackpropInputPath = 'original';
    return callOriginal(original, args);
  }
  lastConv2DBackpropInputPath = 'conv2d';
  const { backend } = args;
  const reversed = run('Reverse', backend, { x: filter }, { dims: [0, 1] });
  const turned = run('Transpose', backend, { x: reversed }, { perm: [0, 1, 3, 2] });
  backend.disposeData(reversed.dataId);
  try {
    return run('Conv2D', backend, { x: dy, filter: turned }, { strides: [1, 1], dilations: [1, 1], pad, dataFormat: 'NHWC' });
  } finally {
    backend.disposeData(turned.dataId);
  }
};

/**
 * Puts our kernel in front of the backend's own (kept for the cases it does not cover). Safe to call again;
 * returns false when the wasm backend's kernel is missing (nothing to wrap) or already wrapped.
 */
export function registerWasmConv2DBackpropInput(): boolean {
  const replaced = overrideWasmKernel(KERNEL, kernelFunc as unknown as KernelFunc);
  if (replaced) original = replaced;
  return replaced !== null;
}
