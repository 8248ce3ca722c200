import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenedPaths } from './pathGuard';

describe('OpenedPaths', () => {
  let base: string;
  let opened: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'sinapsis-guard-'));
    opened = join(base, 'datos');
    await mkdir(join(opened, 'a'), { recursive: true });
    await writeFile(join(opened, 'a', 'x.png'), 'x');
    await writeFile(join(base, 'secreto.txt'), 'secret');
    await symlink(join(base, 'secreto.txt'), join(opened, 'a', 'fuga.png'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('allows files inside an opened folder', () => {
    const guard = new OpenedPaths();
    guard.grant(opened);
    expect(guard.resolveInside(opened, 'a/x.png')).toBe(join(opened, 'a', 'x.png'));
    expect(guard.isAllowed(join(opened, 'a', 'x.png'))).toBe(true);
  });

  it('rejects path traversal, absolute paths and links pointing out of the folder', () => {
    const guard = new OpenedPaths();
    guard.grant(opened);
    for (const attempt of ['../secreto.txt', '../../etc/passwd', 'a/../../secreto.txt', '/etc/passwd', 'a/fuga.png', 'a/x.png\0.txt']) {
      expect(() => guard.resolveInside(opened, attempt), attempt).toThrow(/cannot be opened here/);
    }
    expect(guard.isAllowed('/etc/passwd')).toBe(false);
    expect(guard.isAllowed(join(base, 'secreto.txt'))).toBe(false);
  });

  it('refuses everything under a folder that was never opened', () => {
    const guard = new OpenedPaths();
    expect(() => guard.resolveInside(opened, 'a/x.png')).toThrow(/cannot be opened here/);
  });
});
