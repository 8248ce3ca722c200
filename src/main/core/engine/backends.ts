import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BackendName, BackendPreference, BackendStatus } from '../../../shared/contract/app';
import { SinapsisError } from '../../../shared/contract';
import { registerWasmConv2DBackpropFilter } from './wasmConv2DBackpropFilter';
import { BACKEND_ORDER } from './backendPackages';

const requireHere = createRequire(import.meta.url);

// tfjs's PROD flag only silences its console advice ("install tfjs-node to speed things up"), printed by every
// worker on first use: not something a student can act on, and the backend chain already reports why a backend is
// missing (status bar, `sinapsis info`).
tf.env().set('PROD', true);

export { BACKEND_ORDER };

interface Probe {
  available: boolean;
  reason?: string;
  detail?: string;
}

/** Probed once per process; a promise so that concurrent first calls share one probe instead of racing. */
let probes: Promise<Map<BackendName, Probe>> | undefined;
let probed: Map<BackendName, Probe> | undefined;
let preference: BackendPreference = 'auto';

/** Directory holding the .wasm files, served from node_modules so that nothing is fetched. */
export function wasmDirectory(): string {
  return join(dirname(requireHere.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
}

async function probeTensorflow(): Promise<Probe> {
  try {
    // The module name is a variable so that bundlers leave this optional dependency alone.
    const name = '@tensorflow/tfjs-node';
    const resolved = requireHere.resolve(name);
    await import(pathToFileURL(resolved).href);
    return tf.findBackend('tensorflow') ? { available: true } : { available: false, reason: 'tfjs-node loaded but registered no backend' };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const missing = message.includes('Cannot find module') && message.includes('tfjs-node');
    return {
      available: false,
      reason: missing ? '@tensorflow/tfjs-node is not installed (libtensorflow could not be downloaded)' : 'tfjs-node failed to load',
      detail: message,
    };
  }
}

async function probeWasm(): Promise<Probe> {
  try {
    setWasmPaths(wasmDirectory());
    registerWasmConv2DBackpropFilter();
    const ok = await tf.setBackend('wasm');
    if (!ok) return { available: false, reason: 'the wasm backend failed to initialise' };
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    return { available: true, detail: simd ? 'SIMD' : 'no SIMD' };
  } catch (error) {
    return {
      available: false,
      reason: 'the wasm backend failed to initialise',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

async function probeAll(): Promise<Map<BackendName, Probe>> {
  probes ??= (async () => {
    const found = new Map<BackendName, Probe>();
    found.set('tensorflow', await probeTensorflow());
    found.set('wasm', await probeWasm());
    found.set('cpu', { available: true });
    probed = found;
    return found;
  })();
  return probes;
}

export function chooseBackend(pref: BackendPreference, availability: ReadonlyMap<BackendName, Probe>): BackendName {
  if (pref !== 'auto') {
    const probe = availability.get(pref);
    if (!probe?.available) {
      throw new SinapsisError(
        'backend-unavailable',
        `The "${pref}" backend is not available here: ${probe?.reason ?? 'unknown reason'}. Choose "auto" to use the best available one.`,
        { backend: pref, reason: probe?.reason ?? '' },
      );
    }
    return pref;
  }
  const best = BACKEND_ORDER.find((name) => availability.get(name)?.available);
  return best ?? 'cpu';
}

function statusOf(availability: Map<BackendName, Probe>): BackendStatus {
  return {
    active: tf.getBackend() as BackendName,
    preference,
    available: BACKEND_ORDER.map((name) => ({ name, ...availability.get(name)! })),
  };
}

/** Picks and activates the backend for `pref` ("auto" = best available), probing once per process. */
export async function initBackend(pref: BackendPreference = preference): Promise<BackendStatus> {
  const availability = await probeAll();
  const chosen = chooseBackend(pref, availability);
  // Probing the wasm backend activates it, so the active backend is checked rather than assumed.
  if (tf.getBackend() !== chosen && !(await tf.setBackend(chosen))) {
    throw new SinapsisError('backend-unavailable', `The "${chosen}" backend failed to start. Choose "cpu" or "auto".`, {
      backend: chosen,
      reason: 'failed to start',
    });
  }
  await tf.ready();
  preference = pref;
  return statusOf(availability);
}

export async function backendStatus(): Promise<BackendStatus> {
  if (!probed) return initBackend();
  return statusOf(probed);
}

/** Reads SINAPSIS_BACKEND so scripts and CI can force a backend without code changes. */
export function preferenceFromEnv(env: NodeJS.ProcessEnv = process.env): BackendPreference {
  const value = env.SINAPSIS_BACKEND;
  return value === 'tensorflow' || value === 'wasm' || value === 'cpu' ? value : 'auto';
}
