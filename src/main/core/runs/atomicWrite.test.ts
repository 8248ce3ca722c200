import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestFileWriter, withDeferredSync, writeFileAtomic, writeJsonAtomic } from './atomicWrite';

describe('latestFileWriter', () => {
  it('merges requests that come faster than the disk into few writes, and ends with the latest content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinapsis-latest-'));
    const path = join(dir, 'history.csv');
    let rows = 0;
    let renders = 0;
    const writer = latestFileWriter(path, () => {
      renders++;
      return `rows ${rows}\n` + 'x,'.repeat(rows * 40);
    });
    // 5000 epochs of a tiny network arrive within a few milliseconds.
    for (let i = 0; i < 5000; i++) {
      rows++;
      writer.request();
    }
    await writer.flush();
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('rows 5000');
    // One write (and one rendering) per turn of the disk, not one per request: memory stays bounded.
    expect(renders).toBeLessThanOrEqual(3);
    writer.request();
    await writer.flush();
    expect(renders).toBeLessThanOrEqual(4);
    expect(readdirSync(dir)).toEqual(['history.csv']);
  });

  it('never throws from request; flush reports the first write error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinapsis-latest-'));
    const writer = latestFileWriter(join(dir, 'no-such-folder', 'history.csv'), () => 'x');
    expect(() => writer.request()).not.toThrow();
    await expect(writer.flush()).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('withDeferredSync: the files are whole and in place inside it, and each is flushed to disk at its end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinapsis-deferred-'));
    const result = await withDeferredSync(async () => {
      await writeJsonAtomic(join(dir, 'a.json'), { a: 1 });
      await writeFileAtomic(join(dir, 'b.txt'), 'b');
      await writeFileAtomic(join(dir, 'b.txt'), 'b2');
      expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))).toEqual({ a: 1 });
      expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.txt']);
      return 'done';
    });
    expect(result).toBe('done');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('b2');
    // The flush opens each file written inside: one removed before the end makes it fail, so it is done there.
    await expect(
      withDeferredSync(async () => {
        await writeFileAtomic(join(dir, 'c.txt'), 'c');
        rmSync(join(dir, 'c.txt'));
      }),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
