import * as tf from '@tensorflow/tfjs';
import type {
  Conv2DBackpropFilterAttrs,
  Conv2DBackpropFilterInputs,
  KernelBackend,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  TensorInfo,
} from '@tensorflow/tfjs';
import { heapKernels, heapOffset, heapOutput, type HeapKernels } from './wasmHeap/heapKernels';

/*
 * tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel, so training any conv layer on wasm fails
 * ("Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'"). We build it from the backend's own
 * Transpose, Slice and Conv2D kernels (Conv2D is XNNPACK, SIMD), which is far faster than the cpu backend's loops.
 *
 * The identity (NHWC, x: [N,H,W,Cin], dy: [N,Hout,Wout,Cout], forward stride s, pads pt/pl):
 *   dW[i,j,c,k] = sum_{n,p,q} x[n, p*s + i - pt, q*s + j - pl, c] * dy[n,p,q,k]
 * is a stride-1 convolution whose "batch" is Cin, whose input channels are N, and whose filter is dy
 * dilated by s:
 *   x'  = transpose(x,  [3,1,2,0])  -> [Cin,H,W,N]
 *   dy' = transpose(dy, [1,2,0,3])  -> [Hout,Wout,N,Cout]   (the filter)
 *   r   = conv2d(x', dy', strides 1, dilations s, pads [pt, pb'] x [pl, pr'])  -> [Cin,Fh,Fw,Cout]
 *   dW  = transpose(r, [1,2,0,3])   -> [Fh,Fw,Cin,Cout]
 * where pb' is whatever makes the output exactly Fh tall. A negative pb' means the last input rows were
 * never read by the forward conv (valid padding, stride > 1), so we crop them off x' instead.
 *
 * Anything outside that identity (NCHW, non-float32, negative leading pads, shape mismatches) is delegated
 * to the cpu backend's own kernel on copied data: slower, never wrong.
 *
 * Faster still, when the output channels come in fours: our WebAssembly SIMD module (wasmHeap/heapKernels.wat)
 * computes the sum directly on the backend's memory, one filter tap and a block of channels at a time with the
 * block's sums kept in registers over every output pixel the tap reads (no transposes, no padding copies). XNNPACK's
 * convolution handles this shape badly (a 28×28 "filter" with 3×3 outputs): 1.6 ms per layer of the DESIGN.md CNN
 * against about 0.4 (first layer) and 1 (second).
 */

const KERNEL = 'Conv2DBackpropFilter';
const BACKEND = 'wasm';

/** Calls another wasm kernel directly; its output is backend data we must dispose ourselves. */
function runWasmKernel(name: string, backend: KernelBackend, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap): TensorInfo {
  const kernel = tf.getKernel(name, BACKEND);
  if (!kernel) throw new Error(`wasm ${KERNEL}: the wasm backend has no ${name} kernel to build on`);
  const out = kernel.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`wasm ${KERNEL}: ${name} returned several tensors`);
  return out;
}

interface InnerPlan {
  strides: [number, number];
  padTop: number;
  padLeft: number;
  /** Extra zero rows/columns after the input; negative = rows/columns to crop from the input instead. */
  padBottom: number;
  padRight: number;
}

/**
 * Works out the inner convolution from the same convInfo tfjs uses for the forward conv (so 'same' splits its
 * padding exactly like tfjs: top/left = floor(total/2)). Returns null when the identity does not apply.
 */
function planInner(x: TensorInfo, dy: TensorInfo, attrs: Conv2DBackpropFilterAttrs): InnerPlan | null {
  if (attrs.dataFormat !== 'NHWC' || x.dtype !== 'float32' || dy.dtype !== 'float32') return null;
  if (x.shape.length !== 4 || dy.shape.length !== 4) return null;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  const [n, h, w, cin] = x.shape;
  const [dn, hout, wout, cout] = dy.shape;
  const [fh, fw, fcin, fcout] = attrs.filterShape;
  if (dn !== n || fcin !== cin || fcout !== cout || hout !== info.outHeight || wout !== info.outWidth) return null;
  const padTop = info.padInfo.top;
  const padLeft = info.padInfo.left;
  if (padTop < 0 || padLeft < 0 || hout < 1 || wout < 1) return null;
  const [sh, sw] = [info.strideHeight, info.strideWidth];
  const padBottom = fh + (hout - 1) * sh - h - padTop;
  const padRight = fw + (wout - 1) * sw - w - padLeft;
  // Cropping more than the whole input would mean the forward conv read nothing: not a real layer.
  if (h + padBottom < 1 || w + padRight < 1) return null;
  return { strides: [sh, sw], padTop, padLeft, padBottom, padRight };
}

/** The filter gradient with our SIMD blocks; the plan's pads/strides are the forward convolution's. */
function viaHeap(
  x: TensorInfo,
  dy: TensorInfo,
  plan: InnerPlan,
  filterShape: [number, number, number, number],
  backend: KernelBackend,
  heap: HeapKernels,
): TensorInfo {
  const [n, h, w, cin] = x.shape;
  const [, hout, wout, cout] = dy.shape;
  const [fh, fw] = filterShape;
  const [sh, sw] = plan.strides;
  const out = heapOutput(backend, [...filterShape]);
  const xAt = heapOffset(backend, x);
  const dyAt = heapOffset(backend, dy);
  const outAt = heapOffset(backend, out);
  const F = 4; // bytes per float32
  const steps = {
    xBatch: h * w * cin * F,
    xRow: sh * w * cin * F,
    xCol: sw * cin * F,
    dyBatch: hout * wout * cout * F,
    dyRow: wout * cout * F,
    dyCol: cout * F,
  };
  // Output pixels p whose input row p·s + i - pad falls inside the image, for tap offset i.
  const range = (tap: number, pad: number, stride: number, size: number, outSize: number): [number, number] => {
    const lo = Math.max(0, Math.ceil((pad - tap) / stride));
    const hi = Math.min(outSize - 1, Math.floor((size - 1 + pad - tap) / stride));
    return [lo, Math.max(0, hi - lo + 1)];
  };
  const wide = cout % 16 === 0 && cin % 2 === 0;
  for (let i = 0; i < fh; i++) {
    const [pLo, pCount] = range(i, plan.padTop, sh, h, hout);
    for (let j = 0; j < fw; j++) {
      const [qLo, qCount] = range(j, plan.padLeft, sw, w, wout);
      const xTap = xAt + ((pLo * sh + i - plan.padTop) * w + (qLo * sw + j - plan.padLeft)) * cin * F;
      const dyTap = dyAt + (pLo * wout + qLo) * cout * F;
      const outTap = outAt + (i * fw + j) * cin * cout * F;
      const block = (c: number, k: number, run: HeapKernels['filterGradC1K4']): void =>
        run(
          xTap + c * F,
          dyTap + k * F,
          outTap + (c * cout + k) * F,
          n,
          pCount,
          qCount,
          steps.xBatch,
          steps.xRow,
          steps.xCol,
          steps.dyBatch,
          steps.dyRow,
          steps.dyCol,
          cout * F,
        );
      if (wide) {
        for (let c = 0; c < cin; c += 2) for (let k = 0; k < cout; k += 16) block(c, k, heap.filterGradC2K16);
      } else {
        for (let c = 0; c < cin; c++) {
          let k = 0;
          for (; k + 8 <= cout; k += 8) block(c, k, heap.filterGradC1K8);
          for (; k < cout; k += 4) block(c, k, heap.filterGradC1K4);
        }
      }
    }
  }
  return out;
}

function viaWasm(x: TensorInfo, dy: TensorInfo, plan: InnerPlan, backend: KernelBackend): TensorInfo {
  const temporaries: TensorInfo[] = [];
  const keep = (t: TensorInfo): TensorInfo => {
    temporaries.push(t);
    return t;
  };
  try {
    let xT = keep(runWasmKernel('Transpose', backend, { x }, { perm: [3, 1, 2, 0] }));
    if (plan.padBottom < 0 || plan.padRight < 0) {
      const [cin, h, w, n] = xT.shape;
      const size = [cin, h + Math.min(0, plan.padBottom), w + Math.min(0, plan.padRight), n];
      xT = keep(runWasmKernel('Slice', backend, { x: xT }, { begin: [0, 0, 0, 0], size }));
    }
    const dyT = keep(runWasmKernel('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] }));
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [plan.padTop, Math.max(0, plan.padBottom)],
      [plan.padLeft, Math.max(0, plan.padRight)],
      [0, 0],
    ];
    const inner = keep(
      runWasmKernel('Conv2D', backend, { x: xT, filter: dyT }, { strides: [1, 1], dilations: plan.strides, pad, dataFormat: 'NHWC' }),
    );
    // Not kept: this is the kernel's output and belongs to the engine from here on.
    return runWasmKernel('Transpose', backend, { x: inner }, { perm: [1, 2, 0, 3] });
  } finally {
    for (const t of temporaries) backend.disposeData(t.dataId);
  }
}

/** Runs the cpu backend's reference kernel on copies of the data and writes the result back into wasm memory. */
function viaCpu(x: TensorInfo, dy: TensorInfo, attrs: Conv2DBackpropFilterAttrs, backend: KernelBackend): TensorInfo {
  const cpu = tf.findBackend('cpu');
  const kernel = tf.getKernel(KERNEL, 'cpu');
  if (!cpu || !kernel) throw new Error(`wasm ${KERNEL}: this case needs the cpu backend's kernel, which is not available`);
  const copy = (t: TensorInfo): TensorInfo => ({
    dataId: cpu.write(backend.readSync(t.dataId), t.shape, t.dtype),
    shape: t.shape,
    dtype: t.dtype,
  });
  const xc = copy(x);
  const dyc = copy(dy);
  let out: TensorInfo | undefined;
  try {
    const result = kernel.kernelFunc({ inputs: { x: xc, dy: dyc }, backend: cpu, attrs: attrs as unknown as NamedAttrMap });
    if (Array.isArray(result)) throw new Error(`wasm ${KERNEL}: the cpu kernel returned several tensors`);
    out = result;
    return { dataId: backend.write(cpu.readSync(out.dataId), out.shape, out.dtype), shape: out.shape, dtype: out.dtype };
  } finally {
    cpu.disposeData(xc.dataId);
    cpu.disposeData(dyc.dataId);
    if (out) cpu.disposeData(out.dataId);
  }
}

/** Which path the last call took; tests use it to prove both paths are exercised. */
export let lastConv2DBackpropFilterPath: 'heap' | 'wasm' | 'cpu' | undefined;

/** Tests turn the WebAssembly module off to check the transpose + Conv2D path too. */
export const conv2DBackpropFilterOptions = { heapKernels: true };

export const wasmConv2DBackpropFilter = (args: {
  inputs: Conv2DBackpropFilterInputs;
  backend: KernelBackend;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo => {
  const { x, dy } = args.inputs;
  if (!x || !dy) throw new Error(`wasm ${KERNEL}: needs inputs x and dy`);
  const plan = planInner(x, dy, args.attrs);
  const heap = plan && dy.shape[3] % 4 === 0 && conv2DBackpropFilterOptions.heapKernels ? heapKernels(args.backend) : null;
  if (plan && heap) {
    lastConv2DBackpropFilterPath = 'heap';
    return viaHeap(x, dy, plan, args.attrs.filterShape, args.backend, heap);
  }
  if (plan) {
    lastConv2DBackpropFilterPath = 'wasm';
    return viaWasm(x, dy, plan, args.backend);
  }
  lastConv2DBackpropFilterPath = 'cpu';
  return viaCpu(x, dy, args.attrs, args.backend);
};

export const wasmConv2DBackpropFilterConfig: KernelConfig = {
  kernelName: KERNEL,
  backendName: BACKEND,
  // The engine types kernel args loosely (NamedTensorInfoMap, NamedAttrMap); the engine passes exactly these inputs/attrs.
  kernelFunc: wasmConv2DBackpropFilter as unknown as KernelFunc,
};

/**
 * Registers the kernel once. Returns false when wasm already had one (ours from an earlier call, or a native one
 * from a newer tfjs-backend-wasm, which we then prefer), so calling it repeatedly is safe.
 */
export function registerWasmConv2DBackpropFilter(): boolean {
  if (tf.getKernel(KERNEL, BACKEND)) return false;
  tf.registerKernel(wasmConv2DBackpropFilterConfig);
  return true;
}
