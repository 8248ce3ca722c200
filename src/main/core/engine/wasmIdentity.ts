import { callOriginal, overrideWasmKernel } from './wasmKernelOverride';
import type { CastAttrs, DataType, KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/*
 * tfjs's engine clones every tensor a gradient needs later (tfjs-core's saveTensorsForBackwardMode: 43 clones in a
 * batch of the DESIGN.md CNN, most of them whole activations of 64×28×28×8), and ReLU's gradient casts its float32
 * step to float32. tfjs-backend-wasm 4.22 runs both Identity and a same-type Cast as a full copy of the data; the cpu
 * and WebGL backends, and the wasm backend's own Reshape, share the data instead (one more reference, no copy).
 * Tensors are immutable, so sharing gives the same values: our kernels never write into an input, and the heap
 * optimizer writes only its own moments in place (weights get new memory, see heapOptimizer.ts). Strings and casts
 * between types keep the backend's kernels.
 */

let originalIdentity: KernelConfig | undefined;
let originalCast: KernelConfig | undefined;

/** Which path the last Identity or Cast took, so tests can prove the shared path ran. */
export let lastCopyPath: 'shared' | 'original' | undefined;

function share(backend: KernelBackend, x: TensorInfo, dtype: DataType): TensorInfo {
  lastCopyPath = 'shared';
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype };
}

const identityFunc = (args: { inputs: { x?: TensorInfo }; backend: KernelBackend }): TensorInfo => {
  const { x } = args.inputs;
  if (!x || x.dtype === 'string') {
    lastCopyPath = 'original';
    return callOriginal(originalIdentity, args);
  }
  return share(args.backend, x, x.dtype);
};

const castFunc = (args: { inputs: { x?: TensorInfo }; backend: KernelBackend; attrs: CastAttrs }): TensorInfo => {
  const { x } = args.inputs;
  if (!x || x.dtype === 'string' || x.dtype !== args.attrs.dtype) {
    lastCopyPath = 'original';
    return callOriginal(originalCast, args);
  }
  return share(args.backend, x, x.dtype);
};

/** Puts both kernels in front of the backend's own; false when there is nothing to wrap or they are wrapped already. */
export function registerWasmIdentity(): boolean {
  const identity = overrideWasmKernel('Identity', identityFunc as unknown as KernelFunc);
  if (identity) originalIdentity = identity;
  const cast = overrideWasmKernel('Cast', castFunc as unknown as KernelFunc);
  if (cast) originalCast = cast;
  return identity !== null || cast !== null;
}
