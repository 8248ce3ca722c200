import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonAtomic } from './atomicWrite';
import { toCsv } from './historyCsv';
import { createRunFolder, finishRun, markInterruptedRuns, readRunStatus } from './runFolder';

describe('run folders', () => {
  it('creates a running run and finishes it with a status', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-runs-'));
    const { runId, dir } = await createRunFolder(root);
    expect(runId).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{6}$/);
    expect((await readRunStatus(dir))?.status).toBe('running');
    await finishRun(dir, 'stopped', 'stopped by the user');
    const status = await readRunStatus(dir);
    expect(status).toMatchObject({ status: 'stopped', message: 'stopped by the user' });
    expect(status?.endedAt).toBeDefined();
  });

  it('marks runs left running by a dead process as incomplete, and leaves finished ones alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-runs-'));
    const dead = join(root, 'a-dead');
    mkdirSync(dead);
    const { hostname } = await import('node:os');
    // pid 2^22 + 1 is above Linux's pid_max default, so no process has it.
    writeFileSync(join(dead, 'status.json'), JSON.stringify({ status: 'running', startedAt: 'x', pid: 4194305, host: hostname() }));
    const finished = await createRunFolder(root, 'b-finished');
    await finishRun(finished.dir, 'completed');
    const mine = await createRunFolder(root, 'c-this-process');
    expect((await markInterruptedRuns(root)).marked).toEqual(['a-dead']);
    expect((await readRunStatus(dead))?.status).toBe('incomplete');
    expect((await readRunStatus(finished.dir))?.status).toBe('completed');
    expect((await readRunStatus(mine.dir))?.status).toBe('running');
  });

  it('never leaves a torn JSON file when the writer is killed mid-write (SIGKILL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinapsis-atomic-'));
    const target = join(dir, 'metrics.json');
    await writeJsonAtomic(target, { generation: 0, values: [] });
    const script = `
      import { writeJsonAtomic } from ${JSON.stringify(new URL('./atomicWrite.ts', import.meta.url).pathname)};
      let generation = 1;
      const big = Array.from({ length: 20000 }, (_, i) => i * 0.5);
      for (;;) { await writeJsonAtomic(${JSON.stringify(target)}, { generation: generation++, values: big }); }
    `;
    const generation = () => JSON.parse(readFileSync(target, 'utf8')).generation as number;
    for (let round = 0; round < 3; round++) {
      const before = generation();
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
      // Kill only once the child is busy writing, at a point that varies per round.
      for (let waited = 0; generation() === before && waited < 20_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 5 + round * 17));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const parsed = JSON.parse(readFileSync(target, 'utf8'));
      expect(parsed.generation).toBeGreaterThan(0);
      expect(parsed.values).toHaveLength(20000);
    }
    expect(readdirSync(dir).filter((name) => !name.endsWith('.tmp'))).toEqual(['metrics.json']);
  });

  it('writes CSV with quoting', () => {
    expect(
      toCsv(
        ['epoch', 'note'],
        [
          { epoch: 1, note: 'a,b' },
          { epoch: 2, note: 'say "hi"' },
          { epoch: 3, note: undefined },
        ],
      ),
    ).toBe('epoch,note\n1,"a,b"\n2,"say ""hi"""\n3,\n');
  });
});

describe('interrupted runs', () => {
  it('removes the temporary files a killed atomic write left, keeping every real file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-runs-'));
    const dir = join(root, 'killed');
    mkdirSync(join(dir, 'model'), { recursive: true });
    const { hostname } = await import('node:os');
    writeFileSync(join(dir, 'status.json'), JSON.stringify({ status: 'running', startedAt: 'x', pid: 4194305, host: hostname() }));
    writeFileSync(join(dir, 'history.csv'), 'epoch\n1\n');
    writeFileSync(join(dir, '.history.csv.4194305.0a1b2c3d.tmp'), 'epoch\n1\n2');
    writeFileSync(join(dir, 'model', '.weights.bin.4194305.deadbeef.tmp'), 'partial');
    writeFileSync(join(dir, '.notes.txt'), 'a hidden file of the student');
    expect((await markInterruptedRuns(root)).marked).toEqual(['killed']);
    expect(readdirSync(dir).sort()).toEqual(['.notes.txt', 'history.csv', 'model', 'status.json']);
    expect(readdirSync(join(dir, 'model'))).toEqual([]);
  });
});

describe('an unwritable runs folder', () => {
  it('is a clear error naming the folder, not an internal crash', async () => {
    const base = mkdtempSync(join(tmpdir(), 'sinapsis-runs-'));
    // A file where the runs folder should be: mkdir fails (ENOTDIR), as it would on a read-only share or a full disk.
    writeFileSync(join(base, 'runs'), 'not a folder');
    await expect(createRunFolder(join(base, 'runs'), 'r1')).rejects.toMatchObject({
      code: 'run-folder-unwritable',
      params: { root: join(base, 'runs'), reason: 'ENOTDIR' },
      message: expect.stringMatching(/Cannot create the run folder .*runs\/r1 \(ENOTDIR\)\. Choose a runs folder you can write to/),
    });
  });
});
