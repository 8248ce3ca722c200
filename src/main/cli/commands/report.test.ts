import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSampleRun } from '../../core/runs/writeSampleRun.testdata';
import { runCli } from '../runCli';

function capture() {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('sinapsis report', () => {
  it('re-renders a run report in the asked language and keeps the notes', async () => {
    const dir = await writeSampleRun(mkdtempSync(join(tmpdir(), 'sinapsis-cli-report-')));
    const io = capture();
    expect(await runCli(['report', dir, '--lang', 'en', '--title', 'Lab 3', '--author', 'Ana'], io)).toBe(0);
    expect(io.stdout).toContain(join(dir, 'report.html'));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Lab 3');
    expect(io.stdout).toContain(
      'exports: charts/accuracy.svg, charts/loss.svg, confusion-matrix-normalized.csv, confusion-matrix.csv, metrics.csv, per-class.csv',
    );
    expect(readFileSync(join(dir, 'per-class.csv'), 'utf8').split('\n')[1]).toBe('cero,0.75,0.75,0.75,4');
    expect(readFileSync(join(dir, 'charts/loss.svg'), 'utf8')).toContain('Loss per epoch');
    expect(await runCli(['report', dir, '--lang', 'pt'], capture())).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('Lab 3');
  });

  it('takes the bare id of a run in the runs folder, and refuses a name that is neither a folder nor a run id', async () => {
    const runsRoot = mkdtempSync(join(tmpdir(), 'sinapsis-cli-runs-'));
    const dir = await writeSampleRun(runsRoot);
    const id = basename(dir);
    const before = process.env.SINAPSIS_RUNS_DIR;
    const cwd = process.cwd();
    process.env.SINAPSIS_RUNS_DIR = runsRoot;
    process.chdir(tmpdir());
    try {
      expect(await runCli(['report', id], capture())).toBe(0);
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<html');
      const unknown = capture();
      expect(await runCli(['report', `${id}-nope`], unknown)).toBe(2);
      expect(unknown.stderr).toContain(`There is no run "${id}-nope"`);
      expect(unknown.stderr).toContain(runsRoot);
    } finally {
      process.chdir(cwd);
      if (before === undefined) delete process.env.SINAPSIS_RUNS_DIR;
      else process.env.SINAPSIS_RUNS_DIR = before;
    }
  });

  it('exits 2 with a clear message for a folder that is not a run, bad JSON or a bad language', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sinapsis-cli-report-'));
    const missing = capture();
    expect(await runCli(['report', empty], missing)).toBe(2);
    expect(missing.stderr).toMatch(/config\.json is missing: this folder is not a finished Sinapsis run/);

    const dir = await writeSampleRun(mkdtempSync(join(tmpdir(), 'sinapsis-cli-report-')));
    writeFileSync(join(dir, 'metrics.json'), '{"accuracy": ');
    const corrupt = capture();
    expect(await runCli(['report', dir], corrupt)).toBe(2);
    expect(corrupt.stderr).toMatch(/metrics\.json is not valid JSON/);

    const badLang = capture();
    expect(await runCli(['report', dir, '--lang', 'fr'], badLang)).toBe(2);
    expect(badLang.stderr).toContain('--lang must be es, pt or en');
    expect(await runCli(['report'], capture())).toBe(2);
  });
});
