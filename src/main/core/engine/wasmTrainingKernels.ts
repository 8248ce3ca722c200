import { registerWasmConv2DBackpropInput } from './wasmConv2DBackpropInput';
import { registerWasmMaxPoolGrad } from './wasmMaxPoolGrad';
import { registerWasmBatchMatMul } from './wasmBatchMatMul';
import { registerWasmSum } from './wasmSum';
import { registerWasmAdd } from './wasmAdd';
import { registerWasmIdentity } from './wasmIdentity';
import { registerWasmReluGrad } from './wasmReluGrad';

/**
 * The wasm backend's slowest training kernels, replaced by faster equivalents (each tested against the cpu backend).
 * Called by every thread that trains on wasm: the trainer and data-parallel training's second worker.
 */
export function registerWasmTrainingKernels(): void {
  registerWasmConv2DBackpropInput();
  registerWasmMaxPoolGrad();
  registerWasmBatchMatMul();
  registerWasmSum();
  registerWasmAdd();
  registerWasmIdentity();
  registerWasmReluGrad();
}
