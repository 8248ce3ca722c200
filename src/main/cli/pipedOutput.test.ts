import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(__dirname, '../../../bin/sinapsis.js');
const digit = join(__dirname, '../../../resources/datasets/digits-opencv/3/432.png');
const base = mkdtempSync(join(tmpdir(), 'sinapsis-pipe-'));
const env = { ...process.env, SINAPSIS_RUNS_DIR: join(base, 'runs'), SINAPSIS_CACHE_DIR: join(base, 'cache') };

/**
 * Runs `sinapsis …args` with stdout into a pipe read by a slow reader: it takes one chunk, then pauses 3 ms, so the
 * pipe's 64 KB buffer fills and the command must wait for it (the way `| python3 -c 'json.load(sys.stdin)'` reads).
 */
function runThroughSlowReader(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 3);
  });
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  // 'close' (not 'exit'): every byte of stdout has been read by then.
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks).toString('utf8'), stderr })));
}

/** A CSV with `columns` long-named numeric columns: `sinapsis dataset --json` lists each one, well over 1 MB. */
function wideCsv(columns: number): string {
  const path = join(base, 'wide.csv');
  const names = Array.from({ length: columns }, (_, i) => `feature_with_a_long_name_${i}`);
  const rows = [0, 1, 2].map((r) => [...names.map((_, i) => String((i * 7 + r) % 13)), r === 0 ? 'a' : 'b'].join(','));
  writeFileSync(path, [[...names, 'label'].join(','), ...rows].join('\n') + '\n');
  return path;
}

describe('every --json output is complete through a pipe to a slow reader', () => {
  it('hog on a 320x640 resize and dataset on a wide CSV: outputs over 1 MB, whole JSON, exit code 0', async () => {
    const hog = await runThroughSlowReader(['hog', digit, '--resize', '320x640', '--json']);
    expect(hog.code, hog.stderr).toBe(0);
    expect(hog.stdout.length).toBeGreaterThan(1_000_000);
    const vector = (JSON.parse(hog.stdout) as { vector: number[]; length: number }).vector;
    // 320x640 with 4x4-pixel cells and 2x2-cell blocks: 79x159 blocks of 2x2x8 values.
    expect(vector).toHaveLength(79 * 159 * 32);

    const dataset = await runThroughSlowReader(['dataset', wideCsv(12_000), '--json']);
    expect(dataset.code, dataset.stderr).toBe(0);
    expect(dataset.stdout.length).toBeGreaterThan(1_000_000);
    expect((JSON.parse(dataset.stdout) as { csv: { columns: unknown[] } }).csv.columns).toHaveLength(12_001);
  }, 120_000);

  it('train, predict and info --json (smaller outputs) parse whole through the same reader', async () => {
    const run = join(base, 'xor-run');
    const train = await runThroughSlowReader(['train', '--data', 'builtin:xor', '--epochs', '3', '--out', run, '--json']);
    expect(train.code, train.stderr).toBe(0);
    expect((JSON.parse(train.stdout) as { dir: string }).dir).toBe(run);
    const predict = await runThroughSlowReader(['predict', run, '--row', '0,1', '--json']);
    expect(predict.code, predict.stderr).toBe(0);
    expect((JSON.parse(predict.stdout) as { probabilities: number[] }).probabilities).toHaveLength(2);
    const info = await runThroughSlowReader(['info', '--json']);
    expect(info.code, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toBeTypeOf('object');
  }, 120_000);

  it('a reader that stops early (head) ends the command without a stack trace', async () => {
    const child = spawn(process.execPath, [bin, 'dataset', wideCsv(12_000), '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  }, 60_000);
});
