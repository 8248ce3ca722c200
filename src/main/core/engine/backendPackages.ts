import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BackendName } from '../../../shared/contract/app';

const requireHere = createRequire(import.meta.url);

/** Best first: native libtensorflow, then WebAssembly with SIMD, then plain JavaScript. */
export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

export interface InstalledBackend {
  name: BackendName;
  /** Its package (and, for wasm, its .wasm files) is installed; whether it starts is known only by starting it. */
  installed: boolean;
  reason?: string;
}

function resolves(path: string): string | null {
  try {
    return requireHere.resolve(path);
  } catch {
    return null;
  }
}

/**
 * Which tfjs backends are installed, found without loading tfjs or starting any of them (`sinapsis info` in a few
 * tens of milliseconds; backends.ts probes them by starting them, ~0.6 s). Best first.
 */
export function installedBackends(): InstalledBackend[] {
  const wasmPackage = resolves('@tensorflow/tfjs-backend-wasm/package.json');
  const checks = {
    tensorflow: () =>
      resolves('@tensorflow/tfjs-node/package.json')
        ? null
        : '@tensorflow/tfjs-node is not installed (libtensorflow could not be downloaded)',
    wasm: () =>
      wasmPackage && existsSync(join(dirname(wasmPackage), 'dist', 'tfjs-backend-wasm.wasm'))
        ? null
        : '@tensorflow/tfjs-backend-wasm or its .wasm files are missing',
    cpu: () => null,
  } satisfies Record<BackendName, () => string | null>;
  return BACKEND_ORDER.map((name) => {
    const reason = checks[name]();
    return reason === null ? { name, installed: true } : { name, installed: false, reason };
  });
}
