import * as tf from '@tensorflow/tfjs';
import { callOriginal, overrideWasmKernel } from './wasmKernelOverride';
import type { KernelBackend, KernelConfig, KernelFunc, MaxPoolGradAttrs, MaxPoolGradInputs, TensorInfo } from '@tensorflow/tfjs';
import { heapKernels, heapOffset, heapOutput, heapZero } from './wasmHeap/heapKernels';

/*
 * tfjs-backend-wasm 4.22's MaxPoolGrad took over a quarter of each batch in the profile of the DESIGN.md CNN
 * (16 of 55 ms). The operation is cheap: every output position sends its incoming gradient to the input pixel that
 * was the maximum of its window. This JavaScript version does exactly that in one pass over the outputs, with the
 * cpu backend's rule for ties (the first maximum in row-then-column order wins), on copies of the wasm data.
 * Anything but float32 4-D inputs goes to the backend's own kernel.
 *
 * The course's 2×2/stride 2 pooling runs in our WebAssembly SIMD module on the backend's own memory
 * (wasmHeap/heapKernels.wat: four channels per instruction, no copies), 10-20 times faster than the JavaScript
 * loop, which stays for the other window shapes and where that module cannot be used.
 */

const KERNEL = 'MaxPoolGrad';

let original: KernelConfig | undefined;

/** Which path the last call took, so tests can prove ours ran. */
export let lastMaxPoolGradPath: 'javascript' | 'javascript-2x2' | 'wasm-2x2' | 'original' | undefined;

/** Tests turn the WebAssembly module off to check the JavaScript 2×2 loop too. */
export const maxPoolGradOptions = { heapKernels: true };

/**
 * The course's pooling (2×2 windows, stride 2, no padding), with the four window offsets fixed: about twice as
 * fast as the general loop. Same tie rule: the first maximum in row-then-column order wins.
 */
function pool2x2Gradient(
  x: Float32Array,
  g: Float32Array,
  dx: Float32Array,
  batches: number,
  inHeight: number,
  inWidth: number,
  channels: number,
  outHeight: number,
  outWidth: number,
): void {
  const right = channels;
  const down = inWidth * channels;
  for (let b = 0; b < batches; b++) {
    const xBatch = b * inHeight * inWidth * channels;
    let y = b * outHeight * outWidth * channels;
    for (let r = 0; r < outHeight; r++) {
      for (let c = 0; c < outWidth; c++) {
        const base = xBatch + (2 * r * inWidth + 2 * c) * channels;
        for (let d = 0; d < channels; d++, y++) {
          const i00 = base + d;
          let at = i00;
          let best = x[i00];
          if (x[i00 + right] > best) {
            best = x[i00 + right];
            at = i00 + right;
          }
          if (x[i00 + down] > best) {
            best = x[i00 + down];
            at = i00 + down;
          }
          if (x[i00 + down + right] > best) at = i00 + down + right;
          dx[at] += g[y];
        }
      }
    }
  }
}

const kernelFunc = (args: { inputs: MaxPoolGradInputs; backend: KernelBackend; attrs: MaxPoolGradAttrs }): TensorInfo => {
  const { dy, input } = args.inputs;
  const { backend, attrs } = args;
  if (!dy || !input || dy.dtype !== 'float32' || input.dtype !== 'float32' || input.shape.length !== 4) {
    lastMaxPoolGradPath = 'original';
    return callOriginal(original, args);
  }
  lastMaxPoolGradPath = 'javascript';
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels: channels,
    outHeight,
    outWidth,
    strideHeight,
    strideWidth,
    effectiveFilterHeight,
    effectiveFilterWidth,
  } = info;
  const padTop = info.padInfo.top;
  const padLeft = info.padInfo.left;
  const is2x2 =
    effectiveFilterHeight === 2 &&
    effectiveFilterWidth === 2 &&
    strideHeight === 2 &&
    strideWidth === 2 &&
    padTop === 0 &&
    padLeft === 0 &&
    outHeight * 2 <= inHeight &&
    outWidth * 2 <= inWidth;
  const heap = is2x2 && maxPoolGradOptions.heapKernels ? heapKernels(backend) : null;
  if (heap) {
    lastMaxPoolGradPath = 'wasm-2x2';
    const out = heapOutput(backend, input.shape);
    const dxAt = heapOffset(backend, out);
    // Rows or columns outside every window (odd sizes) are never written by the kernel.
    if (outHeight * 2 !== inHeight || outWidth * 2 !== inWidth) heapZero(backend, dxAt, batchSize * inHeight * inWidth * channels);
    heap.maxPoolGrad2x2(
      heapOffset(backend, input),
      heapOffset(backend, dy),
      dxAt,
      batchSize,
      inHeight,
      inWidth,
      channels,
      outHeight,
      outWidth,
    );
    return out;
  }
  const x = backend.readSync(input.dataId) as Float32Array;
  const g = backend.readSync(dy.dataId) as Float32Array;
  const dx = new Float32Array(x.length);
  if (is2x2) {
    lastMaxPoolGradPath = 'javascript-2x2';
    pool2x2Gradient(x, g, dx, batchSize, inHeight, inWidth, channels, outHeight, outWidth);
    return { dataId: backend.write(dx, input.shape, 'float32'), shape: input.shape, dtype: 'float32' };
  }
  for (let b = 0; b < batchSize; b++) {
    const xBatch = b * inHeight * inWidth * channels;
    const yBatch = b * outHeight * outWidth * channels;
    for (let r = 0; r < outHeight; r++) {
      const rowStart = Math.max(0, r * strideHeight - padTop);
      const rowEnd = Math.min(inHeight, r * strideHeight - padTop + effectiveFilterHeight);
      for (let c = 0; c < outWidth; c++) {
        const colStart = Math.max(0, c * strideWidth - padLeft);
        const colEnd = Math.min(inWidth, c * strideWidth - padLeft + effectiveFilterWidth);
        const yBase = yBatch + (r * outWidth + c) * channels;
        for (let d = 0; d < channels; d++) {
          let best = -Infinity;
          let at = -1;
          for (let xr = rowStart; xr < rowEnd; xr++) {
            for (let xc = colStart; xc < colEnd; xc++) {
              const index = xBatch + (xr * inWidth + xc) * channels + d;
              if (x[index] > best) {
                best = x[index];
                at = index;
              }
            }
          }
          if (at >= 0) dx[at] += g[yBase + d];
        }
      }
    }
  }
  return { dataId: backend.write(dx, input.shape, 'float32'), shape: input.shape, dtype: 'float32' };
};

/** Puts our kernel in front of the backend's own; false when there is nothing to wrap or it is wrapped already. */
export function registerWasmMaxPoolGrad(): boolean {
  const replaced = overrideWasmKernel(KERNEL, kernelFunc as unknown as KernelFunc);
  if (replaced) original = replaced;
  return replaced !== null;
}
