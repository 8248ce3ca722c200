import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SinapsisError } from '../../../shared/contract/errors';
import { FileAccessPolicy, pathNotAllowed } from './fileAccessPolicy';
import { readRegularFile, readRegularFileSync } from './readRegularFile';

/** Runs `read` and returns its refusal, failing the test if it read anything. */
async function refusal(read: () => Promise<unknown> | unknown): Promise<SinapsisError> {
  try {
    const value = await read();
    throw new Error(`read ${value instanceof Buffer ? value.length : '?'} bytes instead of refusing`);
  } catch (error) {
    if (!(error instanceof SinapsisError)) throw error;
    return error;
  }
}

describe('FileAccessPolicy and readRegularFile', () => {
  let base: string;
  let data: string;
  let outside: string;
  let fifo: string;
  const limit = { maxBytes: 1024 * 1024 };

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'sinapsis-files-'));
    data = join(base, 'data');
    outside = join(base, 'grades');
    await mkdir(join(data, 'dataset', 'cats'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await writeFile(join(data, 'dataset', 'cats', 'a.png'), 'png bytes');
    await writeFile(join(data, 'table.csv'), 'x,y\n1,2\n');
    await writeFile(join(outside, 'grades.csv'), 'name,grade\nAna,9\n');
    await symlink(join(outside, 'grades.csv'), join(data, 'dataset', 'cats', 'leak.png'));
    await symlink(outside, join(data, 'dataset', 'dogs'));
    await symlink('/etc', join(data, 'etc'));
    fifo = join(data, 'dataset', 'cats', 'pipe.png');
    execFileSync('mkfifo', [fifo]);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  const lab = () => new FileAccessPolicy({ roots: [data] });

  it('reads a regular file inside a root, whole', async () => {
    expect((await readRegularFile(join(data, 'table.csv'), lab(), limit)).toString()).toBe('x,y\n1,2\n');
    expect(readRegularFileSync(join(data, 'dataset', 'cats', 'a.png'), lab(), limit).toString()).toBe('png bytes');
  });

  it('refuses /etc/passwd, /dev/zero, a FIFO, /proc/self/status, ../ escapes, links out and paths outside the roots with one message', async () => {
    const attempts = [
      '/etc/passwd',
      '/dev/zero',
      '/dev/urandom',
      fifo,
      '/proc/self/status',
      `${data}/../grades/grades.csv`,
      join(data, 'dataset', 'cats', 'leak.png'),
      join(data, 'dataset', 'dogs', 'grades.csv'),
      join(data, 'etc', 'passwd'),
      join(outside, 'grades.csv'),
      join(outside, 'does-not-exist.csv'),
      join(data, 'etc', 'does-not-exist'),
      '/nonexistent/anything.csv',
    ];
    for (const path of attempts) {
      for (const read of [() => readRegularFile(path, lab(), limit), () => readRegularFileSync(path, lab(), limit)]) {
        const error = await refusal(read);
        expect(error.code, path).toBe('path-not-allowed');
        // One text whatever the reason: it does not tell an existing file from a missing one, a FIFO from a secret.
        expect(error.message, path).toBe(pathNotAllowed(path).message);
      }
    }
  });

  it('refuses special files and kernel trees even on a single-user machine, before opening them', async () => {
    const anywhere = new FileAccessPolicy({ roots: 'anywhere' });
    expect((await readRegularFile(join(outside, 'grades.csv'), anywhere, limit)).toString()).toContain('Ana');
    const heapBefore = process.memoryUsage().rss;
    const started = performance.now();
    for (const path of ['/dev/zero', '/dev/urandom', fifo, '/proc/self/status', '/proc/self/environ', '/sys/kernel/mm']) {
      const error = await refusal(() => readRegularFile(path, anywhere, limit));
      expect(error.code, path).toBe('path-not-allowed');
    }
    // A FIFO opened for reading would wait for a writer forever; /dev/zero read to a limit would take memory.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('enforces the size limit while reading', async () => {
    const big = join(data, 'big.csv');
    await writeFile(big, Buffer.alloc(3 * 1024 * 1024, 0x41));
    for (const read of [() => readRegularFile(big, lab(), limit), () => readRegularFileSync(big, lab(), limit)]) {
      const error = await refusal(read);
      expect(error.code).toBe('file-too-large');
      expect(error.params).toMatchObject({ limitMb: 1 });
    }
    expect((await readRegularFile(big, lab(), { maxBytes: 3 * 1024 * 1024 })).length).toBe(3 * 1024 * 1024);
  });

  it('keeps resolveInside to the opened folder, links resolved', () => {
    const policy = lab();
    const root = join(data, 'dataset');
    expect(policy.resolveInside(root, 'cats/a.png')).toBe(join(data, 'dataset', 'cats', 'a.png'));
    for (const file of [
      '../table.csv',
      '/etc/passwd',
      'cats/leak.png',
      'dogs/grades.csv',
      'cats/a.png\0.txt',
      'cats/../../../grades/grades.csv',
    ]) {
      expect(() => policy.resolveInside(root, file), file).toThrow(pathNotAllowed(file).message);
    }
  });

  it('lets a workspace add its own folder to the server roots', async () => {
    const uploads = join(base, 'workspaces', 'ana', 'uploads');
    await mkdir(uploads, { recursive: true });
    await writeFile(join(uploads, 'mine.csv'), 'a\n1\n');
    expect(lab().isAllowed(join(uploads, 'mine.csv'))).toBe(false);
    expect(lab().withRoots([uploads]).isAllowed(join(uploads, 'mine.csv'))).toBe(true);
    expect(
      lab()
        .withRoots([uploads])
        .isAllowed(join(base, 'workspaces', 'ben', 'uploads', 'x.csv')),
    ).toBe(false);
  });
});
