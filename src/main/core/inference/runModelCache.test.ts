import { describe, expect, it } from 'vitest';
import type { RunModel } from './runModelCache';
import { RunModelCache } from './runModelCache';

/** A stand-in for a loaded run that records when its model is disposed. */
function fakeLoader(log: string[]) {
  return async (dir: string): Promise<RunModel> => {
    log.push(`load ${dir}`);
    return { dir, model: { dispose: () => log.push(`dispose ${dir}`) } } as unknown as RunModel;
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RunModelCache', () => {
  it('loads a run once, keeps the most recent few and disposes the evicted model', async () => {
    const log: string[] = [];
    const cache = new RunModelCache(2, fakeLoader(log));
    await cache.with('/a', () => undefined);
    await cache.with('/a', () => undefined);
    await cache.with('/b', () => undefined);
    await cache.with('/a', () => undefined); // a becomes the most recent
    await cache.with('/c', () => undefined); // evicts b
    await tick();
    expect(log).toEqual(['load /a', 'load /b', 'load /c', 'dispose /b']);
    expect(cache.keys).toEqual(['/a', '/c']);
    cache.clear();
    await tick();
    expect(log.slice(3).sort()).toEqual(['dispose /a', 'dispose /b', 'dispose /c']);
  });

  it('does not dispose a model a request is still using; disposes it when that request ends', async () => {
    const log: string[] = [];
    const cache = new RunModelCache(1, fakeLoader(log));
    let finish: () => void = () => undefined;
    const using = cache.with('/a', () => new Promise<void>((resolve) => (finish = resolve)));
    await tick();
    await cache.with('/b', () => undefined); // evicts /a while in use
    await tick();
    expect(log).toEqual(['load /a', 'load /b']);
    finish();
    await using;
    await tick();
    expect(log).toEqual(['load /a', 'load /b', 'dispose /a']);
  });

  it('forgets a failed load so that the next request tries again', async () => {
    let attempts = 0;
    const cache = new RunModelCache(2, async (dir) => {
      attempts += 1;
      if (attempts === 1) throw new Error('not yet');
      return { dir, model: { dispose: () => undefined } } as unknown as RunModel;
    });
    await expect(cache.with('/a', () => 1)).rejects.toThrow('not yet');
    await expect(cache.with('/a', () => 2)).resolves.toBe(2);
    expect(attempts).toBe(2);
  });
});
