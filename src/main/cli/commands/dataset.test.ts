import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessyDataset } from '../../core/datasets/testing/messyDataset';
import { runCli } from '../runCli';

function capture() {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('sinapsis dataset', () => {
  it('prints the summary and problems of an image folder, and JSON with --json', async () => {
    const root = await buildMessyDataset();
    try {
      const io = capture();
      expect(await runCli(['dataset', root], io)).toBe(0);
      expect(io.stdout).toContain('images: 13 in 2 classes');
      expect(io.stdout).toMatch(/skipped {2}gatos ñandú\/zero\.png: the file is empty \(0 bytes\) \[empty-file\]/);
      expect(io.stdout).toMatch(/fingerprint: [0-9a-f]{64}/);
      const json = capture();
      expect(await runCli(['dataset', root, '--json', '--threads', '2'], json)).toBe(0);
      const summary = JSON.parse(json.stdout) as { total: number; problems: unknown[] };
      expect(summary.total).toBe(13);
      expect(summary.problems.length).toBeGreaterThan(10);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('inspects a CSV and builds its table with --target, by name or number', async () => {
    const io = capture();
    expect(await runCli(['dataset', 'resources/datasets/wine/wine.csv', '--target', 'class'], io)).toBe(0);
    expect(io.stdout).toContain('rows: 178, delimiter ",", with header');
    expect(io.stdout).toContain('target: class (classification), 13 features');
    const byNumber = capture();
    expect(await runCli(['dataset', 'resources/datasets/wine/wine.csv', '--target', '1'], byNumber)).toBe(0);
    expect(byNumber.stdout).toContain('target: alcohol (regression)');
  });

  it('exits 2 naming the bad cell, the missing folder or the bad target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinapsis-cli-dataset-'));
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'a,b,y\n1,dos,0\n');
    const bad = capture();
    expect(await runCli(['dataset', file, '--target', 'y'], bad)).toBe(2);
    expect(bad.stderr).toContain('"x.csv", line 2, column "b" (2nd) holds "dos"');
    const missing = capture();
    expect(await runCli(['dataset', join(dir, 'nope')], missing)).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    const target = capture();
    expect(await runCli(['dataset', file, '--target', 'zz'], target)).toBe(2);
    expect(target.stderr).toContain('Columns: a, b, y');
  });
});
