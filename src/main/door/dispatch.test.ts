import { describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { dispatch } from './dispatch';

const noEmit = () => undefined;

describe('dispatch', () => {
  it('answers app.info with a response that matches the contract', async () => {
    const core = await createCore('cli');
    const result = await dispatch(core, 'app.info', {}, noEmit);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { backend: { active: string }; door: string; name: string };
    expect(value.name).toBe('Sinapsis');
    expect(value.door).toBe('cli');
    expect(['tensorflow', 'wasm', 'cpu']).toContain(value.backend.active);
  });

  it('rejects unknown methods without throwing', async () => {
    const core = await createCore('cli');
    const result = await dispatch(core, 'fs.readFile', { path: '/etc/passwd' }, noEmit);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown-method' }) });
  });

  it('rejects payloads that do not match the schema, naming the field', async () => {
    const core = await createCore('cli');
    const result = await dispatch(core, 'app.demoProgress', { taskId: 'x', steps: 'many', intervalMs: 1 }, noEmit);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toContain('steps');
  });

  it('an out-of-range field comes back with its path, value and whole allowed range (the UI words it with the label)', async () => {
    const core = await createCore('cli');
    const request = {
      taskId: 't',
      datasetId: 'd',
      features: { kind: 'columns' },
      model: { inputShape: [2], layers: [{ type: 'output', units: 2, activation: 'softmax' }] },
      training: { learningRate: 1000 },
    };
    const result = await dispatch(core, 'experiment.run', request, noEmit);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        params: {
          method: 'experiment.run',
          field: 'training.learningRate',
          problem: 'too-big',
          value: 1000,
          min: 0,
          minExclusive: 1,
          max: 100,
        },
      },
    });
  });

  it('streams events to the caller and finishes', async () => {
    const core = await createCore('cli');
    const seen: number[] = [];
    const result = await dispatch(core, 'app.demoProgress', { taskId: 't1', steps: 3, intervalMs: 0 }, (name, payload) => {
      if (name === 'app.demoProgress') seen.push((payload as { done: number }).done);
    });
    expect(result).toEqual({ ok: true, value: { completed: true, steps: 3 } });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('cancels a running task through task.cancel', async () => {
    const core = await createCore('cli');
    const running = dispatch(core, 'app.demoProgress', { taskId: 'slow', steps: 100, intervalMs: 20 }, noEmit);
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(await dispatch(core, 'task.cancel', { taskId: 'slow' }, noEmit)).toEqual({ ok: true, value: { cancelled: true } });
    const result = await running;
    expect(result.ok && (result.value as { completed: boolean }).completed).toBe(false);
    expect(await dispatch(core, 'task.cancel', { taskId: 'slow' }, noEmit)).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('survives random malformed payloads with an error reply', async () => {
    const core = await createCore('cli');
    const samples: unknown[] = [
      null,
      42,
      'x',
      [],
      { taskId: '../../etc' },
      { steps: -1 },
      { taskId: 'a'.repeat(500), steps: 1, intervalMs: 0 },
    ];
    for (const payload of samples) {
      const result = await dispatch(core, 'app.demoProgress', payload, noEmit);
      expect(result.ok).toBe(false);
    }
    for (const name of [undefined, null, 7, {}, '__proto__', 'constructor', 'toString']) {
      const result = await dispatch(core, name, {}, noEmit);
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown-method' }) });
    }
  });
});
