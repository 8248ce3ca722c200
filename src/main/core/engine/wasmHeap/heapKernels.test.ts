import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { compileWatToBase64, hasWat2wasm } from '../testing/wat2wasm';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../backends';
import { heapKernels } from './heapKernels';
import { HEAP_KERNELS_WASM_BASE64 } from './heapKernelsWasm';

const here = dirname(fileURLToPath(import.meta.url));

describe('heap kernels', () => {
  it('bind to the wasm backend, and not to the cpu backend', async () => {
    await initBackend('wasm');
    expect(heapKernels(tf.backend())).not.toBeNull();
    expect(heapKernels(tf.findBackend('cpu')!)).toBeNull();
  });

  it.runIf(hasWat2wasm())('the embedded module is heapKernels.wat compiled', () => {
    expect(compileWatToBase64(join(here, 'heapKernels.wat'))).toBe(HEAP_KERNELS_WASM_BASE64);
  });
});
