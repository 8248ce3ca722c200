import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { parseHistoryCsv } from '../core/runs/readRun';
import { readRunStatus } from '../core/runs/runFolder';
import { runConfigSchema } from '../../shared/contract/runs';
import { runCli } from './runCli';

const bin = join(__dirname, '../../../bin/sinapsis.js');

/** Every file under `dir` with a hash of its content, to prove a folder was not touched. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir, '');
  return files;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `sinapsis train` on a long spirals run in its own process and waits until `epochs` epoch lines were printed. */
async function startTraining(out: string, root: string, epochs: number) {
  const cache = mkdtempSync(join(tmpdir(), 'sinapsis-kill-cache-'));
  const child = spawn(process.execPath, [bin, 'train', '--data', 'builtin:spirals', '--epochs', '100000', '--out', out], {
    env: { ...process.env, SINAPSIS_RUNS_DIR: root, SINAPSIS_CACHE_DIR: cache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => void (output.stdout += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no epochs within 40 s:\n${output.stderr}`)), 40_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output.stderr += chunk.toString();
      if ((output.stderr.match(/^epoch \d+\/100000 /gm) ?? []).length >= epochs) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, exited, output };
}

describe('sinapsis train interrupted by Ctrl+C', () => {
  it('stops after the current batch and still writes the whole run, status "stopped", exit code 0', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-sigint-'));
    const out = join(root, 'interrupted');
    const { child, exited, output } = await startTraining(out, root, 10);
    child.kill('SIGINT');
    expect(await exited, output.stderr.slice(-500)).toEqual({ code: 0, signal: null });
    expect(output.stdout).toMatch(/status: stopped/);
    const status = await readRunStatus(out);
    expect(status?.status).toBe('stopped');
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { status: string; epochsRun: number };
    expect(metrics.status).toBe('stopped');
    const rows = parseHistoryCsv(readFileSync(join(out, 'history.csv'), 'utf8'));
    expect(rows.length).toBe(metrics.epochsRun);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const file of ['model/model.json', 'model/weights.bin', 'predictions.json', 'report.html'])
      expect(statSync(join(out, file)).size, file).toBeGreaterThan(0);
  }, 90_000);
});

describe('sinapsis train killed with SIGKILL mid-epoch', () => {
  it('leaves valid JSON, the history so far and earlier runs intact; the next start marks the run incomplete', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-kill-'));
    const io = {
      stdout: '',
      stderr: '',
      isTTY: false,
      out: (t: string) => void (io.stdout += t),
      err: (t: string) => void (io.stderr += t),
    };
    expect(await runCli(['train', '--data', 'builtin:xor', '--epochs', '5', '--out', join(root, 'earlier')], io), io.stderr).toBe(0);
    const earlier = snapshot(join(root, 'earlier'));
    expect(earlier['metrics.json']).toBeDefined();

    const out = join(root, 'killed');
    // Well into training: the worker is mid-epoch and history.csv is being rewritten.
    const { child, exited } = await startTraining(out, root, 30);
    // history.csv is written (with fsync) while epochs go on; on a loaded machine the first write can lag the first epochs.
    for (let waited = 0; !existsSync(join(out, 'history.csv')) && waited < 20_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');

    // The training ran in the killed process itself, so nothing goes on writing the run afterwards.
    const status = JSON.parse(readFileSync(join(out, 'status.json'), 'utf8')) as { status: string; pid: number };
    expect(status.status).toBe('running');
    expect(status.pid).toBe(child.pid);
    expect(alive(status.pid)).toBe(false);
    const historyBefore = readFileSync(join(out, 'history.csv'), 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readFileSync(join(out, 'history.csv'), 'utf8')).toBe(historyBefore);

    expect(runConfigSchema.safeParse(JSON.parse(readFileSync(join(out, 'config.json'), 'utf8'))).success).toBe(true);
    const rows = parseHistoryCsv(historyBefore);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    rows.forEach((row, i) => {
      expect(row.epoch).toBe(i + 1);
      expect(Number.isFinite(row.trainLoss)).toBe(true);
    });

    const core = await createCore('cli', { runsRoot: root });
    core.dispose();
    const marked = await readRunStatus(out);
    expect(marked).toMatchObject({ status: 'incomplete', message: expect.stringContaining('stopped before the run finished') });
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(snapshot(join(root, 'earlier'))).toEqual(earlier);
    expect((await readRunStatus(join(root, 'earlier')))?.status).toBe('completed');
  }, 90_000);
});
