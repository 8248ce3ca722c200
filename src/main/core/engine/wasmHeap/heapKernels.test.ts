import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../backends';
import { heapKernels } from './heapKernels';
import { HEAP_KERNELS_WASM_BASE64 } from './heapKernelsWasm';

const here = dirname(fileURLToPath(import.meta.url));

function hasWat2wasm(): boolean {
  try {
    execFileSync('wat2wasm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('heap kernels', () => {
  it('bind to the wasm backend, and not to the cpu backend', async () => {
    await initBackend('wasm');
    expect(heapKernels(tf.backend())).not.toBeNull();
    expect(heapKernels(tf.findBackend('cpu')!)).toBeNull();
  });

  it.runIf(hasWat2wasm())('the embedded module is heapKernels.wat compiled', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sinapsis-wat-')), 'heap.wasm');
    execFileSync('wat2wasm', [join(here, 'heapKernels.wat'), '-o', out]);
    expect(readFileSync(out).toString('base64')).toBe(HEAP_KERNELS_WASM_BASE64);
  });
});
