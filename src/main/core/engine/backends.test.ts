import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackendName } from '../../../shared/contract/app';
import { SinapsisError } from '../../../shared/contract';
import { BACKEND_ORDER, backendStatus, chooseBackend, initBackend, preferenceFromEnv, wasmDirectory } from './backends';

type Availability = Map<BackendName, { available: boolean; reason?: string }>;

function availability(available: Partial<Record<BackendName, boolean>>): Availability {
  return new Map(
    BACKEND_ORDER.map((name) => [name, available[name] ? { available: true } : { available: false, reason: `no ${name} here` }]),
  );
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('chooseBackend', () => {
  it('prefers tensorflow, then wasm, then cpu', () => {
    expect(BACKEND_ORDER).toEqual(['tensorflow', 'wasm', 'cpu']);
    expect(chooseBackend('auto', availability({ tensorflow: true, wasm: true, cpu: true }))).toBe('tensorflow');
    expect(chooseBackend('auto', availability({ wasm: true, cpu: true }))).toBe('wasm');
    expect(chooseBackend('auto', availability({ cpu: true }))).toBe('cpu');
  });

  it('honours an override of an available backend even when a better one exists', () => {
    expect(chooseBackend('cpu', availability({ tensorflow: true, wasm: true, cpu: true }))).toBe('cpu');
    expect(chooseBackend('wasm', availability({ tensorflow: true, wasm: true, cpu: true }))).toBe('wasm');
  });

  it('refuses an override of an unavailable backend with backend-unavailable and the reason', () => {
    const error = thrown(() => chooseBackend('tensorflow', availability({ wasm: true, cpu: true })));
    expect(error).toBeInstanceOf(SinapsisError);
    expect((error as SinapsisError).code).toBe('backend-unavailable');
    expect((error as SinapsisError).message).toContain('no tensorflow here');
    expect((error as SinapsisError).params).toEqual({ backend: 'tensorflow', reason: 'no tensorflow here' });
  });
});

describe('preferenceFromEnv', () => {
  it('reads SINAPSIS_BACKEND and treats anything else as auto', () => {
    expect(preferenceFromEnv({ SINAPSIS_BACKEND: 'cpu' })).toBe('cpu');
    expect(preferenceFromEnv({ SINAPSIS_BACKEND: 'wasm' })).toBe('wasm');
    expect(preferenceFromEnv({ SINAPSIS_BACKEND: 'tensorflow' })).toBe('tensorflow');
    expect(preferenceFromEnv({ SINAPSIS_BACKEND: 'webgl' })).toBe('auto');
    expect(preferenceFromEnv({})).toBe('auto');
  });
});

describe('initBackend on this machine', () => {
  it('serves the wasm binaries from node_modules', () => {
    expect(existsSync(join(wasmDirectory(), 'tfjs-backend-wasm-simd.wasm'))).toBe(true);
  });

  it('picks wasm automatically, reports tensorflow unavailable with a reason, and registers our kernel', async () => {
    const [a, b] = await Promise.all([initBackend('auto'), initBackend('auto')]);
    expect(b).toEqual(a);
    expect(a.active).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const tensorflow = a.available.find((s) => s.name === 'tensorflow');
    // tfjs-node is not installed here (no libtensorflow download), so the chain must explain why it skipped it.
    expect(tensorflow?.available).toBe(false);
    expect(tensorflow?.reason).toMatch(/tfjs-node/);
    expect(a.available.find((s) => s.name === 'wasm')).toMatchObject({ available: true, detail: 'SIMD' });
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('switches to cpu and back to wasm on request and remembers the preference', async () => {
    const cpu = await initBackend('cpu');
    expect(cpu).toMatchObject({ active: 'cpu', preference: 'cpu' });
    expect(tf.getBackend()).toBe('cpu');
    expect(await backendStatus()).toMatchObject({ active: 'cpu', preference: 'cpu' });
    expect(tf.square(tf.scalar(3)).dataSync()[0]).toBe(9);

    const wasm = await initBackend('wasm');
    expect(wasm).toMatchObject({ active: 'wasm', preference: 'wasm' });
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.square(tf.scalar(3)).dataSync()[0]).toBe(9);
  });

  it('rejects a forced tensorflow backend with backend-unavailable and leaves the active one alone', async () => {
    await initBackend('wasm');
    await expect(initBackend('tensorflow')).rejects.toMatchObject({ code: 'backend-unavailable' });
    await expect(initBackend('tensorflow')).rejects.toBeInstanceOf(SinapsisError);
    expect(tf.getBackend()).toBe('wasm');
    expect((await backendStatus()).preference).toBe('wasm');
  });
});
