import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SinapsisError } from '../../../../shared/contract';
import { buildDigitLikeFolder } from '../testing/messyDataset';

// CI and this machine run as root, where chmod 000 does not stop reads; permission errors are simulated instead
// at the file-system calls the loader makes, for the paths listed here.
const denied = new Set<string>();
const eacces = (path: string) => Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    // The loader reads through core/files (openSync on the checked path).
    openSync: (path: string, ...rest: unknown[]) => {
      if (denied.has(String(path))) throw eacces(String(path));
      return (actual.openSync as (...args: unknown[]) => unknown)(path, ...rest);
    },
  };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    readdir: (path: string, ...rest: unknown[]) => {
      if (denied.has(String(path))) return Promise.reject(eacces(String(path)));
      return (actual.readdir as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
    },
  };
});

const { loadImageFolder } = await import('./loadImageFolder');
const load = (path: string) => loadImageFolder(path, { signal: new AbortController().signal, datasetId: 'p' });

describe('permission errors', () => {
  let root: string;
  beforeAll(async () => {
    root = await buildDigitLikeFolder(3, 4);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('an unreadable image becomes a problem line; an unreadable class folder too', async () => {
    denied.clear();
    denied.add(join(root, '0', '00001.png'));
    denied.add(join(root, '2'));
    const dataset = await load(root);
    expect(dataset.summary.classes).toEqual([
      { name: '0', count: 3 },
      { name: '1', count: 4 },
    ]);
    const byFile = Object.fromEntries(dataset.summary.problems.map((p) => [p.file, p]));
    expect(byFile['0/00001.png']).toMatchObject({ code: 'unreadable', skipped: true });
    expect(byFile['0/00001.png'].reason).toContain('EACCES');
    expect(byFile['2']).toMatchObject({ code: 'unreadable' });
  });

  it('an unreadable opened folder is a clear error', async () => {
    denied.clear();
    denied.add(root);
    const error = await load(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SinapsisError);
    expect((error as SinapsisError).code).toBe('dataset-folder-unreadable');
    expect((error as SinapsisError).message).toContain('Check its permissions');
  });
});
