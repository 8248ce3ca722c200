import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../shared/models/modelSpec';
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
    const code = await runCli(
      [
        'train',
        '--data',
        'builtin:wine',
        '--model',
        'wine13_8_4_3',
        '--epochs',
        '40',
        '--optimizer',
        'adam',
        '--lr',
        '0.01',
        '--seed',
        '4',
        '--out',
        out,
        '--json',
      ],
      io,
    );
    expect(code, io.stderr).toBe(0);
    // Not a terminal: one plain line per epoch on stderr, the result alone on stdout.
    expect(io.stderr).toContain('epoch 1/40 loss ');
    expect(io.stderr).toContain('epoch 40/40 loss ');
    const printed = JSON.parse(io.stdout) as { status: string; dir: string; metrics: { accuracy: { test: number } } };
    expect(printed).toMatchObject({ status: 'completed', dir: out });
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['accuracy', 'confusionMatrix', 'perClass', 'backend', 'engine', 'seed', 'datasetFingerprint'])
      expect(metrics).toHaveProperty(key);
    expect(metrics.seed).toBe(4);
    expect((metrics.accuracy as { test: number }).test).toBeGreaterThan(0.85);
    expect((metrics.confusionMatrix as { labels: string[] }).labels).toHaveLength(3);
    for (const file of ['config.json', 'history.csv', 'predictions.json', 'report.html', 'model/model.json', 'model/weights.bin'])
      expect(existsSync(join(out, file)), file).toBe(true);
    expect(readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n')).toHaveLength(41);
  }, 60_000);

  it('the same seed gives the same run; a run never overwrites a folder that holds files', async () => {
    const base = scratch();
    const args = ['train', '--data', 'builtin:circles', '--epochs', '8', '--seed', '9', '--optimizer', 'adam', '--lr', '0.05'];
    expect(await runCli([...args, '--out', join(base, 'a')], capture())).toBe(0);
    expect(await runCli([...args, '--out', join(base, 'b')], capture())).toBe(0);
    const a = readFileSync(join(base, 'a', 'history.csv'), 'utf8')
      .split('\n')
      .map((line) => line.split(',').slice(0, 7).join(','));
    const b = readFileSync(join(base, 'b', 'history.csv'), 'utf8')
      .split('\n')
      .map((line) => line.split(',').slice(0, 7).join(','));
    expect(b).toEqual(a);
    const before = readFileSync(join(base, 'a', 'metrics.json'), 'utf8');
    const again = capture();
    expect(await runCli([...args, '--out', join(base, 'a')], again)).toBe(2);
    expect(again.stderr).toMatch(/already contains files; a run never overwrites another/);
    expect(readFileSync(join(base, 'a', 'metrics.json'), 'utf8')).toBe(before);
  }, 60_000);

  it('k-fold prints the held-out accuracy as mean ± std', async () => {
    const io = capture();
    expect(
      await runCli(
        [
          'train',
          '--data',
          'builtin:blobs',
          '--kfold',
          '3',
          '--epochs',
          '10',
          '--optimizer',
          'adam',
          '--lr',
          '0.05',
          '--out',
          join(scratch(), 'kfold'),
        ],
        io,
      ),
    ).toBe(0);
    expect(io.stderr).toContain('training fold 3 of 3');
    expect(io.stdout).toMatch(/held-out folds \d+\.\d% ± \d+\.\d%/);
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
    expect(
      await runCli(
        [
          'train',
          '--data',
          join(dir, 'lineal.csv'),
          '--target',
          'y',
          '--epochs',
          '60',
          '--optimizer',
          'adam',
          '--lr',
          '0.02',
          '--out',
          join(dir, 'run'),
        ],
        io,
      ),
      io.stderr,
    ).toBe(0);
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
      const code = await runCli(
        ['train', '--data', root, '--features', 'pixels', '--size', '8x8', '--split', '0.5,0.5', '--epochs', '3', '--out', out],
        io,
      );
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
    const code = await runCli(
      [
        'train',
        '--data',
        'builtin:digits',
        '--model',
        'mlp320_18_10',
        '--epochs',
        '1',
        '--augment',
        'rotation=10,shift=5,flip,copies=2',
        '--out',
        out,
      ],
      io,
    );
    expect(code, io.stderr).toBe(0);
    const run = await readRun(out);
    expect(run.config.augmentation).toEqual({
      copies: 2,
      options: { rotationDegrees: 10, shiftFraction: 0.05, zoomFraction: 0, horizontalFlip: true, brightness: 0, contrast: 0, noiseStd: 0 },
    });
    const bad = capture();
    expect(await runCli(['train', '--data', 'builtin:digits', '--augment', 'spin=3', '--out', join(scratch(), 'x')], bad)).toBe(2);
    expect(bad.stderr).toMatch(/--augment: unknown setting "spin"/);
  }, 180_000);

  it('--batch with gd or sgd is refused naming minibatch; sgd records its batch of 1', async () => {
    for (const optimizer of ['gd', 'sgd']) {
      const io = capture();
      const out = join(scratch(), 'refused');
      expect(await runCli(['train', '--data', 'builtin:xor', '--optimizer', optimizer, '--batch', '32', '--out', out], io)).toBe(2);
      expect(io.stderr).toMatch(new RegExp(`--batch 32 does not apply to --optimizer ${optimizer}.*--optimizer minibatch`));
      expect(existsSync(out)).toBe(false);
    }
    const out = join(scratch(), 'sgd');
    expect(await runCli(['train', '--data', 'builtin:xor', '--optimizer', 'sgd', '--epochs', '2', '--out', out], capture())).toBe(0);
    expect((await readRun(out)).config.training.batchSize).toBe(1);
  }, 60_000);

  it('a preset on data with other classes gets an output layer for them, with a printed notice', async () => {
    const base = scratch();
    const digits = join(__dirname, '../../../../resources/datasets/digits-opencv');
    for (const label of ['0', '1', '2', '3']) {
      mkdirSync(join(base, 'four', label), { recursive: true });
      for (const file of readdirSync(join(digits, label)).slice(0, 6))
        copyFileSync(join(digits, label, file), join(base, 'four', label, file));
    }
    const io = capture();
    const out = join(base, 'lenet');
    expect(
      await runCli(
        [
          'train',
          '--data',
          join(base, 'four'),
          '--model',
          'lenet28',
          '--features',
          'pixels',
          '--size',
          '28x28',
          '--epochs',
          '1',
          '--split',
          '0.5,0.5',
          '--out',
          out,
        ],
        io,
      ),
      io.stderr,
    ).toBe(0);
    expect(io.stderr).toContain(
      '--model lenet28 has 10 softmax outputs; the data has 4 classes, so its output layer now has 4 softmax units.',
    );
    const layers = parseModelSpec((await readRun(out)).config.model.spec).layers;
    expect(layers[layers.length - 1]).toMatchObject({ type: 'output', units: 4, activation: 'softmax' });
    // The preset's own data: nothing to adapt, nothing said.
    const same = capture();
    expect(
      await runCli(['train', '--data', 'builtin:wine', '--model', 'wine13_8_4_3', '--epochs', '1', '--out', join(base, 'wine')], same),
    ).toBe(0);
    expect(same.stderr).not.toContain('output layer now has');
  }, 90_000);

  it('--loo trains one fold per sample (leave-one-out), refused next to --kfold', async () => {
    const dir = scratch();
    const rows = Array.from({ length: 8 }, (_, i) => `${i % 2 === 0 ? i / 10 : 2 + i / 10},${i % 3},${i % 2 === 0 ? 'a' : 'b'}`);
    writeFileSync(join(dir, 'tiny.csv'), ['x,z,clase', ...rows].join('\n'));
    const io = capture();
    const out = join(dir, 'loo');
    expect(
      await runCli(
        ['train', '--data', join(dir, 'tiny.csv'), '--loo', '--epochs', '3', '--optimizer', 'adam', '--lr', '0.05', '--out', out],
        io,
      ),
      io.stderr,
    ).toBe(0);
    expect(io.stderr).toContain('training fold 8 of 8');
    const run = await readRun(out);
    expect(run.config.split).toMatchObject({ kind: 'kfold', k: 8 });
    expect(Object.values(run.config.split.indices).map((fold) => fold.length)).toEqual(Array(8).fill(1));
    const both = capture();
    expect(await runCli(['train', '--data', join(dir, 'tiny.csv'), '--loo', '--kfold', '3', '--out', join(dir, 'x')], both)).toBe(2);
    expect(both.stderr).toMatch(/not several/);
    const tooMany = capture();
    expect(await runCli(['train', '--data', 'builtin:wine', '--kfold', '178', '--out', join(dir, 'y')], tooMany)).toBe(2);
    expect(tooMany.stderr).toMatch(/use --loo/);
  }, 180_000);

  it('bad arguments and bad data exit 2 with a message saying what to do, writing nothing', async () => {
    const base = scratch();
    const cases: [string[], RegExp][] = [
      [['--data', 'builtin:wine', '--split', '0.5,0.2'], /--split must be train,test or train,validation,test fractions that add up to 1/],
      [['--data', join(base, 'no-such-folder')], /does not exist\. Give an image folder/],
      [['--data', 'builtin:wine', '--model', 'mlp320_18_10', '--features', 'hog'], /"hog" features do not apply to a table/],
      [['--data', 'builtin:wine', '--optimizer', 'newton'], /--optimizer must be one of gd, sgd, minibatch, momentum, adam, rmsprop/],
      [['--data', 'builtin:wine', '--epochs', '0'], /Invalid settings: training\.epochs/],
      [['--data', 'builtin:wine', '--workers', '3'], /--workers must be auto, 1, 2; got "3"/],
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
