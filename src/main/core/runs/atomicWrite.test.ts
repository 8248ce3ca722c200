import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestFileWriter } from './atomicWrite';

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
});
