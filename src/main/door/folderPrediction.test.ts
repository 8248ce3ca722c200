import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../../shared/contract/experiment';
import type { FolderPrediction } from '../../shared/contract/folderPrediction';
import { modelPresets } from '../../shared/models/presets';
import { runCli } from '../cli/runCli';
import { builtinPaths } from '../core/datasets/builtins';
import { buildMessyDataset, MESSY_EXPECTED } from '../core/datasets/testing/messyDataset';
import { createCore, type Core } from '../core/index';
import { readRun } from '../core/runs/readRun';
import { dispatch } from './dispatch';

/**
 * Classifying a whole folder (runs.predictFolder, `sinapsis predict RUN FOLDER`): the run's own test images laid
 * out in class subfolders must give the run's test accuracy and its predictions.json classes; a messy folder lists
 * the same problems Datos would and classifies the rest; a classification can be cancelled.
 */

let core: Core;
let root: string;
let run: ExperimentResult;
let testFolder: string;
const events: { event: string; payload: { taskId: string; done: number; total: number } }[] = [];
const emit = ((event: string, payload: { taskId: string; done: number; total: number }) =>
  void events.push({ event, payload })) as Parameters<typeof dispatch>[3];

interface StoredPrediction {
  file: string;
  predictedClass: number;
}

async function call<T>(method: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, method, payload, emit);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, params: result.error.params });
  return result.value as T;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinapsis-folder-predict-'));
  process.env.SINAPSIS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'sinapsis-cache-'));
  core = await createCore('cli', { runsRoot: join(root, 'runs') });
  const digits = (await call<{ datasetId: string }>('dataset.builtin', { taskId: 'load-digits', id: 'digits', options: {} })).datasetId;
  run = await call<ExperimentResult>('experiment.run', {
    taskId: 'train',
    datasetId: digits,
    features: { kind: 'hog' },
    scaling: 'zscore',
    split: { method: 'holdout', train: 0.8, test: 0.2 },
    model: modelPresets.mlp320_18_10,
    training: { optimizer: 'adam', learningRate: 0.01, epochs: 2, batchSize: 32, seed: 5 },
  });
  // The run's test images, in their class subfolders, copied out of the dataset.
  testFolder = join(root, 'test images');
  const predictions = (JSON.parse(readFileSync(join(run.dir, 'predictions.json'), 'utf8')) as { predictions: StoredPrediction[] })
    .predictions;
  for (const p of predictions) {
    mkdirSync(dirname(join(testFolder, p.file)), { recursive: true });
    copyFileSync(join(builtinPaths.digits(), p.file), join(testFolder, p.file));
  }
}, 300_000);

// dispose also clears the core's loaded run models.
afterAll(() => core.dispose());

describe('runs.predictFolder', () => {
  it("gives the run's test accuracy and predictions.json's classes for its test images in class subfolders; CSV through runs.file", async () => {
    const result = await call<FolderPrediction>('runs.predictFolder', { taskId: 'classify', runId: run.runId, path: testFolder, topK: 3 });
    const { metrics } = await readRun(run.dir);
    const predictions = JSON.parse(readFileSync(join(run.dir, 'predictions.json'), 'utf8')) as {
      labels: string[];
      predictions: StoredPrediction[];
    };
    expect(result.total).toBe(predictions.predictions.length);
    expect(result.accuracy?.total).toBe(predictions.predictions.length);
    expect(result.accuracy?.accuracy).toBeCloseTo(metrics.accuracy.test ?? -1, 10);
    expect(result.confusionMatrix?.matrix).toEqual(metrics.confusionMatrix.matrix);
    const predicted = new Map(result.rows.map((row) => [row.file, row.predicted]));
    for (const p of predictions.predictions) expect(predicted.get(p.file)).toBe(predictions.labels[p.predictedClass]);
    expect(result.rows.every((row) => row.top.length === 3 && row.trueClass === row.file.split('/')[0])).toBe(true);
    const progress = events.filter((e) => e.event === 'runs.predictFolderProgress' && e.payload.taskId === 'classify');
    expect(progress.at(-1)?.payload).toMatchObject({ done: result.total, total: result.total });

    const file = await call<{ base64: string }>('runs.file', { runId: run.runId, name: result.csv.name });
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(['file', 'true_class', 'predicted', 'probability', 'top', ...predictions.labels.map((l) => `p_${l}`)].join(','));
    expect(lines).toHaveLength(result.total + 1);
  }, 120_000);

  it("lists a messy folder's problems as Datos does and classifies the other images, loose files included", async () => {
    const messy = await buildMessyDataset({ huge: true });
    const result = await call<FolderPrediction>('runs.predictFolder', { taskId: 'messy', runId: run.runId, path: messy });
    const skipped = Object.fromEntries(result.problems.filter((p) => p.skipped).map((p) => [p.file, p.code]));
    const expected = { ...MESSY_EXPECTED.skipped };
    // Datos reports these two about class folders; a folder to classify needs none.
    delete expected['vacía'];
    delete expected['suelta.png'];
    expect(skipped).toEqual(expected);
    expect(result.total).toBe(MESSY_EXPECTED.counts[0] + MESSY_EXPECTED.counts[1] + 1);
    expect(result.rows.some((row) => row.file === 'suelta.png')).toBe(true);
    // Folders named gatos/perros are not the run's classes (digits): no true class, no accuracy.
    expect(result.accuracy).toBeNull();
    expect(result.rows.every((row) => row.trueClass === null)).toBe(true);
  }, 60_000);

  it('stops on task.cancel with a clear error, and refuses a missing folder', async () => {
    const pending = dispatch(core, 'runs.predictFolder', { taskId: 'cancel-me', runId: run.runId, path: builtinPaths.digits() }, emit);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await call('task.cancel', { taskId: 'cancel-me' });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'folder-predict-cancelled' } });
    const missing = await dispatch(
      core,
      'runs.predictFolder',
      { taskId: 'missing', runId: run.runId, path: join(root, 'nothing here') },
      emit,
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'dataset-folder-missing' } });
  }, 60_000);
});

describe('sinapsis predict RUN FOLDER', () => {
  it('prints the accuracy and confusion matrix and writes the CSV', async () => {
    const io = {
      stdout: '',
      stderr: '',
      isTTY: false,
      out: (t: string) => void (io.stdout += t),
      err: (t: string) => void (io.stderr += t),
    };
    const csv = join(root, 'out.csv');
    expect(await runCli(['predict', run.dir, testFolder, '--csv', csv], io), io.stderr).toBe(0);
    const { metrics } = await readRun(run.dir);
    expect(io.stdout).toContain(`accuracy: ${((metrics.accuracy.test ?? 0) * 100).toFixed(1)}%`);
    expect(io.stdout).toContain('confusion matrix');
    expect(readFileSync(csv, 'utf8').trim().split('\n').length).toBe(metrics.confusionMatrix.matrix.flat().reduce((a, b) => a + b, 0) + 1);
  }, 60_000);
});

describe('sinapsis export', () => {
  it('writes the chosen format into --out with a README in --lang, and refuses a bad format or a file as --out', async () => {
    const capture = () => {
      const io = {
        stdout: '',
        stderr: '',
        isTTY: false,
        out: (t: string) => void (io.stdout += t),
        err: (t: string) => void (io.stderr += t),
      };
      return io;
    };
    const out = join(root, 'exported onnx');
    const io = capture();
    expect(await runCli(['export', run.dir, '--format', 'onnx', '--out', out, '--lang', 'en'], io), io.stderr).toBe(0);
    expect(io.stdout).toContain(`export: ${out}`);
    for (const name of ['model.onnx', 'predict.mjs', 'preprocessing.json', 'README.md']) expect(io.stdout).toContain(`  ${name} (`);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('## Input');
    const bad = capture();
    expect(await runCli(['export', run.dir, '--format', 'keras'], bad)).toBe(2);
    expect(bad.stderr).toContain('--format must be one of tfjs, onnx, pytorch');
    const file = capture();
    expect(await runCli(['export', run.dir, '--format', 'tfjs', '--out', join(out, 'README.md')], file)).toBe(2);
    expect(file.stderr).toContain('is a file');
  }, 60_000);
});
