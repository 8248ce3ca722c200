import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract';
import { createCore } from '../core';
import { dispatch } from './dispatch';

/** mulberry32: a small seeded generator so a failing payload can be reproduced from the seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nasty = [
  '{"__proto__":{"polluted":1}}',
  '../../etc/passwd',
  '/etc/shadow',
  'C:\\Windows\\system32',
  '\u0000',
  '💥'.repeat(50),
  'a'.repeat(10_000),
  '__proto__',
  'constructor',
  '<script>',
];

function junk(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return [0, -1, 1e308, -1e308, Number.NaN, 3.5, 2 ** 53][Math.floor(next() * 7)];
    case 3:
      return nasty[Math.floor(next() * nasty.length)];
    case 4:
      return undefined;
    case 5:
      return Math.floor(next() * 100);
    case 6:
      return Array.from({ length: Math.floor(next() * 4) }, () => junk(next, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      const keys = [
        'taskId',
        'path',
        'runId',
        'datasetId',
        'steps',
        'intervalMs',
        'preference',
        'language',
        'pdf',
        'notes',
        '__proto__',
        'search',
      ];
      for (let i = 0; i < 1 + Math.floor(next() * 4); i++) object[keys[Math.floor(next() * keys.length)]] = junk(next, depth + 1);
      return object;
    }
  }
}

describe('contract doors under random and malformed payloads', () => {
  it('answer every method with a contract result, never a throw or a crash', async () => {
    const core = await createCore('cli');
    const next = random(20261122);
    const names = Object.keys(methods);
    const refused = new Map<string, number>();
    for (const name of names) {
      for (let i = 0; i < 25; i++) {
        const payload = junk(next);
        const parsed = methods[name as keyof typeof methods].request.safeParse(payload ?? {});
        // Only junk that the schema refuses is sent: valid requests would start real work.
        if (parsed.success) continue;
        refused.set(name, (refused.get(name) ?? 0) + 1);
        const result = await dispatch(core, name, payload, () => undefined);
        expect(result.ok, `${name} accepted ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid-request');
          expect(result.error.message).not.toMatch(/\n\s+at /);
        }
      }
    }
    // Every method of the contract (experiment.run and runs.predictions included) really got junk to refuse.
    for (const name of ['experiment.run', 'runs.predictions', 'runs.get', 'report.export', 'dataset.image', 'hog.preview'])
      expect(names).toContain(name);
    for (const name of names) expect(refused.get(name) ?? 0, name).toBeGreaterThanOrEqual(5);
    core.dispose();
  });
});

/** A copy of `value` with the node at `path` replaced (or, with `remove`, deleted). */
function mutate(value: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = mutate(copy[head], rest, replacement, remove);
  return copy;
}

/** Every path into a JSON value (objects and arrays), the root included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found = [prefix];
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) found.push(...paths(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
  }
  return found;
}

describe('contract doors under mutations of valid requests', () => {
  // Valid requests that would do real work if they reached it, aimed at a dataset and a run that do not exist.
  const valid: Record<string, unknown> = {
    'experiment.run': {
      taskId: 'fuzz-run',
      datasetId: 'fuzz-missing',
      features: { kind: 'pixels', resize: { width: 20, height: 20 }, keepShape: false },
      scaling: 'zscore',
      split: { method: 'train-val-test', train: 0.7, validation: 0.15, test: 0.15 },
      model: {
        name: 'm',
        inputShape: [400],
        layers: [
          { type: 'dense', units: 18, activation: 'sigmoid' },
          { type: 'output', units: 10, activation: 'softmax' },
        ],
      },
      training: {
        optimizer: 'adam',
        learningRate: 0.01,
        epochs: 5,
        batchSize: 32,
        seed: 1,
        earlyStopping: { patience: 3, restoreBestWeights: true },
      },
      backend: 'auto',
      language: 'pt',
    },
    'runs.predictions': { runId: '20261122T101500Z-abc123' },
    'runs.get': { runId: '20261122T101500Z-abc123' },
    'report.export': { runId: '20261122T101500Z-abc123', language: 'en', notes: { title: 't' }, pdf: false },
  };

  it('refuse each broken field by name, and answer the valid-looking ones with a contract error, never a crash', async () => {
    const core = await createCore('cli', { runsRoot: mkdtempSync(join(tmpdir(), 'sinapsis-fuzz-runs-')) });
    const next = random(777);
    for (const [name, base] of Object.entries(valid)) {
      expect(methods[name as keyof typeof methods].request.safeParse(base).success, name).toBe(true);
      const all = paths(base);
      let refusedCount = 0;
      for (let i = 0; i < 150; i++) {
        const path = all[Math.floor(next() * all.length)];
        const remove = path.length > 0 && next() < 0.25;
        const payload = mutate(base, path, junk(next), remove);
        const shown = `${name} ${path.join('.')} ${remove ? '(removed)' : `= ${JSON.stringify(payload)?.slice(0, 160)}`}`;
        const parsed = methods[name as keyof typeof methods].request.safeParse(payload ?? {});
        const result = await dispatch(core, name, payload, () => undefined);
        expect(result.ok, shown).toBe(false);
        if (result.ok) continue;
        expect(result.error.message, shown).not.toMatch(/\n\s+at /);
        expect(result.error.code, shown).not.toBe('internal');
        if (!parsed.success) {
          refusedCount++;
          expect(result.error.code, shown).toBe('invalid-request');
          // The message names the field that is wrong.
          const field = parsed.error.issues[0].path.join('.');
          if (field) expect(result.error.message, shown).toContain(field);
        } else {
          expect(['dataset-not-loaded', 'run-not-found'], shown).toContain(result.error.code);
        }
      }
      expect(refusedCount, name).toBeGreaterThan(50);
      // JSON from a WebSocket can carry an own "__proto__" key: it must not reach any prototype.
      const hostile: unknown = JSON.parse(
        JSON.stringify(base).replace('{', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},'),
      );
      const result = await dispatch(core, name, hostile, () => undefined);
      expect(result.ok ? 'ok' : result.error.code, name).not.toBe('internal');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    core.dispose();
  });
});
