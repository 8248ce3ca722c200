import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessyDataset } from '../../core/datasets/testing/messyDataset';
import { readRun } from '../../core/runs/readRun';
import { runCli } from '../runCli';

function capture() {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const scratch = () => mkdtempSync(join(tmpdir(), 'sinapsis-train-cli-'));

describe('sinapsis train', () => {
  it('trains Wine headless into --out, with plain progress lines and the metrics graders read', async () => {
    const out = join(scratch(), 'alumno 1');
    const io = capture();
    const code = await runCli(['train', '--data', 'builtin:wine', '--model', 'wine13_8_4_3', '--epochs', '40', '--optimizer', 'adam', '--lr', '0.01', '--seed', '4', '--out', out, '--json'], io);
    expect(code, io.stderr).toBe(0);
    // Not a terminal: one plain line per epoch on stderr, the result alone on stdout.
    expect(io.stderr).toContain('epoch 1/40 loss ');
    expect(io.stderr).toContain('epoch 40/40 loss ');
    const printed = JSON.parse(io.stdout) as { status: string; dir: string; metrics: { accuracy: { test: number } } };
    expect(printed).toMatchObject({ status: 'completed', dir: out });
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['accuracy', 'confusionMatrix', 'perClass', 'backend', 'engine', 'seed', 'datasetFingerprint']) expect(metrics).toHaveProperty(key);
    expect(metrics.seed).toBe(4);
    expect((metrics.accuracy as { test: number }).test).toBeGreaterThan(0.85);
    expect((metrics.confusionMatrix as { labels: string[] }).labels).toHaveLength(3);
    for (const file of ['config.json', 'history.csv', 'predictions.json', 'report.html', 'model/model.json', 'model/weights.bin']) expect(existsSync(join(out, file)), file).toBe(true);
    expect(readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n')).toHaveLength(41);
  }, 60_000);

  it('the same seed gives the same run; a run never overwrites a folder that holds files', async () => {
    const base = scratch();
    const args = ['train', '--data', 'builtin:circles', '--epochs', '8', '--seed', '9', '--optimizer', 'adam', '--lr', '0.05'];
    expect(await runCli([...args, '--out', join(base, 'a')], capture())).toBe(0);
    expect(await runCli([...args, '--out', join(base, 'b')], capture())).toBe(0);
    const a = readFileSync(join(base, 'a', 'history.csv'), 'utf8').split('\n').map((line) => line.split(',').slice(0, 7).join(','));
    const b = readFileSync(join(base, 'b', 'history.csv'), 'utf8').split('\n').map((line) => line.split(',').slice(0, 7).join(','));
    expect(b).toEqual(a);
    const before = readFileSync(join(base, 'a', 'metrics.json'), 'utf8');
    const again = capture();
    expect(await runCli([...args, '--out', join(base, 'a')], again)).toBe(2);
    expect(again.stderr).toMatch(/already contains files; a run never overwrites another/);
    expect(readFileSync(join(base, 'a', 'metrics.json'), 'utf8')).toBe(before);
  }, 60_000);

  it('k-fold prints the held-out accuracy as mean ± std', async () => {
    const io = capture();
    expect(await runCli(['train', '--data', 'builtin:blobs', '--kfold', '3', '--epochs', '10', '--optimizer', 'adam', '--lr', '0.05', '--out', join(scratch(), 'kfold')], io)).toBe(0);
    expect(io.stderr).toContain('training fold 3 of 3');
    expect(io.stdout).toMatch(/held-out folds \d+\.\d % ± \d+\.\d %/);
  }, 60_000);

  it('a regression CSV: continuous target, linear output and MSE by default', async () => {
    const dir = scratch();
    const rows = Array.from({ length: 120 }, (_, i) => {
      const x = (i % 40) / 10;
      const z = Math.floor(i / 40);
      return `${x},${z},${(2 * x - z + 1).toFixed(4)}`;
    });
    writeFileSync(join(dir, 'lineal.csv'), ['x,z,y', ...rows].join('\n'));
    const io = capture();
    expect(await runCli(['train', '--data', join(dir, 'lineal.csv'), '--target', 'y', '--epochs', '60', '--optimizer', 'adam', '--lr', '0.02', '--out', join(dir, 'run')], io), io.stderr).toBe(0);
    const run = await readRun(join(dir, 'run'));
    expect(run.config.training.loss).toBe('mse');
    expect(run.metrics.accuracy.test).toBeNull();
    // Far better than always predicting the mean (whose MSE is the variance of y).
    const ys = rows.map((row) => Number(row.split(',')[2]));
    const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
    const variance = ys.reduce((sum, y) => sum + (y - mean) ** 2, 0) / ys.length;
    expect(run.metrics.loss.test).toBeLessThan(0.1 * variance);
  }, 60_000);

  it('the messy dataset trains on the images that load, and the report lists what was skipped', async () => {
    const root = await buildMessyDataset();
    const out = join(scratch(), 'messy');
    try {
      const io = capture();
      const code = await runCli(['train', '--data', root, '--features', 'pixels', '--size', '8x8', '--split', '0.5,0.5', '--epochs', '3', '--out', out], io);
      expect(code, io.stderr).toBe(0);
      const run = await readRun(out);
      expect(run.config.dataset.samples).toBeGreaterThan(0);
      expect(run.config.dataset.problems.map((p) => p.file)).toContain('gatos ñandú/zero.png');
      expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('gatos ñandú/zero.png');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('--augment trains on variants of the training images and records them, as the Datos form does', async () => {
    const out = join(scratch(), 'augmented');
    const io = capture();
    const code = await runCli(['train', '--data', 'builtin:digits', '--model', 'mlp320_18_10', '--epochs', '1', '--augment', 'rotation=10,shift=5,flip,copies=2', '--out', out], io);
    expect(code, io.stderr).toBe(0);
    const run = await readRun(out);
    expect(run.config.augmentation).toEqual({
      copies: 2,
      options: { rotationDegrees: 10, shiftFraction: 0.05, zoomFraction: 0, horizontalFlip: true, brightness: 0, contrast: 0, noiseStd: 0 },
    });
    const bad = capture();
    expect(await runCli(['train', '--data', 'builtin:digits', '--augment', 'spin=3', '--out', join(scratch(), 'x')], bad)).toBe(2);
    expect(bad.stderr).toMatch(/--augment: unknown setting "spin"/);
  }, 60_000);

  it('bad arguments and bad data exit 2 with a message saying what to do, writing nothing', async () => {
    const base = scratch();
    const cases: [string[], RegExp][] = [
      [['--data', 'builtin:wine', '--split', '0.5,0.2'], /--split must be train,test or train,validation,test fractions that add up to 1/],
      [['--data', join(base, 'no-such-folder')], /does not exist\. Give an image folder/],
      [['--data', 'builtin:wine', '--model', 'mlp320_18_10', '--features', 'hog'], /"hog" features do not apply to a table/],
      [['--data', 'builtin:wine', '--optimizer', 'newton'], /--optimizer must be one of gd, sgd, minibatch, momentum, adam, rmsprop/],
      [['--data', 'builtin:wine', '--epochs', '0'], /Invalid settings: training\.epochs/],
      [['--data', 'builtin:nope'], /is not a bundled dataset/],
      [['--data', 'builtin:wine', '--augment', 'rotation=10'], /Data augmentation transforms images; this dataset is a table/],
      [[], /Give the dataset with --data/],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect(await runCli(['train', ...args, '--out', join(base, 'run')], io), args.join(' ')).toBe(2);
      expect(io.stderr).toMatch(message);
      expect(io.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(base, 'run'))).toBe(false);
  }, 60_000);
});
