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

const nasty = ['', '../../etc/passwd', '/etc/shadow', 'C:\\Windows\\system32', '\u0000', '💥'.repeat(50), 'a'.repeat(10_000), '__proto__', 'constructor', '<script>'];

function junk(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0: return null;
    case 1: return next() < 0.5;
    case 2: return [0, -1, 1e308, -1e308, Number.NaN, 3.5, 2 ** 53][Math.floor(next() * 7)];
    case 3: return nasty[Math.floor(next() * nasty.length)];
    case 4: return undefined;
    case 5: return Math.floor(next() * 100);
    case 6: return Array.from({ length: Math.floor(next() * 4) }, () => junk(next, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      const keys = ['taskId', 'path', 'runId', 'datasetId', 'steps', 'intervalMs', 'preference', 'language', 'pdf', 'notes', '__proto__', 'search'];
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
    for (const name of names) {
      for (let i = 0; i < 25; i++) {
        const payload = junk(next);
        const parsed = methods[name as keyof typeof methods].request.safeParse(payload ?? {});
        // Only junk that the schema refuses is sent: valid requests would start real work.
        if (parsed.success) continue;
        const result = await dispatch(core, name, payload, () => undefined);
        expect(result.ok, `${name} accepted ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid-request');
          expect(result.error.message).not.toMatch(/\n\s+at /);
        }
      }
    }
    core.dispose();
  });
});
