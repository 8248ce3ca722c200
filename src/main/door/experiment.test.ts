import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { ExperimentResult } from '../../shared/contract/experiment';
import { modelPresets } from '../../shared/models/presets';
import { createCore, type Core } from '../core/index';
import { readRun } from '../core/runs/readRun';
import { readRunStatus } from '../core/runs/runFolder';
import { dispatch } from './dispatch';

/** The experiment pipeline through the doors' dispatch: real built-in data, real training, real run folders. */

let core: Core;
let root: string;
const events: { name: EventName; payload: Record<string, unknown> }[] = [];
const emit = ((name: EventName, payload: Record<string, unknown>) => events.push({ name, payload })) as Parameters<typeof dispatch>[3];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinapsis-experiment-'));
  process.env.SINAPSIS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'sinapsis-cache-'));
  core = await createCore('cli', { runsRoot: root });
});
afterAll(() => core.dispose());

async function call(method: string, payload: unknown): Promise<unknown> {
  const result = await dispatch(core, method, payload, emit);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

async function builtin(id: string, options: Record<string, unknown> = {}): Promise<string> {
  const summary = (await call('dataset.builtin', { taskId: `load-${id}-${Date.now()}`, id, options })) as { datasetId: string };
  return summary.datasetId;
}

const wineModel = { ...modelPresets.wine13_8_4_3, layers: modelPresets.wine13_8_4_3.layers };

describe('experiment.run', () => {
  it('Wine: columns, z-score on the training part, train/val/test; writes a complete run folder', async () => {
    const datasetId = await builtin('wine');
    const taskId = 'wine-run';
    const result = (await call('experiment.run', {
      taskId,
      datasetId,
      features: { kind: 'columns' },
      scaling: 'zscore',
      split: { method: 'train-val-test' },
      model: wineModel,
      training: { optimizer: 'adam', learningRate: 0.01, epochs: 60, batchSize: 16, seed: 3 },
    })) as ExperimentResult;
    expect(result.status).toBe('completed');
    expect(result.problem).toBeNull();
    expect(result.accuracy.test).toBeGreaterThan(0.85);
    expect(result.epochsRun).toBe(60);

    const run = await readRun(result.dir);
    expect(run.history).toHaveLength(60);
    expect(run.history[59].valLoss).not.toBeNull();
    expect(run.config.dataset.samples).toBe(178);
    expect(run.config.features).toMatchObject({ kind: 'columns', length: 13 });
    const { train, validation, test } = run.config.split.indices;
    expect(train.length + validation.length + test.length).toBe(178);
    expect(new Set([...train, ...validation, ...test]).size).toBe(178);
    // Confusion matrix over exactly the test part, per-class rows for each class.
    const counted = run.metrics.confusionMatrix.matrix.flat().reduce((a, b) => a + b, 0);
    expect(counted).toBe(test.length);
    expect(run.metrics.perClass.map((c) => c.support).reduce((a, b) => a + b, 0)).toBe(test.length);
    expect(run.metrics.accuracy.test).toBeCloseTo(result.accuracy.test!, 10);
    expect(run.metrics.datasetFingerprint).toBe(run.config.dataset.fingerprint);
    expect(existsSync(join(result.dir, 'model', 'model.json'))).toBe(true);
    expect(existsSync(join(result.dir, 'report.html'))).toBe(true);
    // The report's model diagram draws the first row, stored beside the run for later exports.
    const diagramSample = JSON.parse(readFileSync(join(result.dir, 'diagram-sample.json'), 'utf8')) as {
      kind: string;
      names: string[];
      length: number;
    };
    expect(diagramSample).toMatchObject({ kind: 'row', length: 13 });
    expect(readFileSync(join(result.dir, 'report.html'), 'utf8')).toContain(`${diagramSample.names[0]} = `);
    expect((await readRunStatus(result.dir))?.status).toBe('completed');

    // The scaler was fitted on the training rows only: its means are those rows' means, not all rows'.
    const preprocessing = JSON.parse(readFileSync(join(result.dir, 'preprocessing.json'), 'utf8')) as { scaler: { mean: number[] } };
    const csv = readFileSync(join(__dirname, '../../../resources/datasets/wine/wine.csv'), 'utf8').trim().split('\n');
    const header = csv[0].split(',');
    const alcohol = header.indexOf('alcohol') >= 0 ? header.indexOf('alcohol') : header.findIndex((name) => name !== 'class');
    const values = csv.slice(1).map((line) => Number(line.split(',')[alcohol]));
    const trainMean = train.reduce((sum, i) => sum + values[i], 0) / train.length;
    const allMean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(preprocessing.scaler.mean[0]).toBeCloseTo(trainMean, 4);
    expect(Math.abs(trainMean - allMean)).toBeGreaterThan(1e-4);

    // Every test sample has a prediction; runs.predictions serves them.
    const served = (await call('runs.predictions', { runId: result.runId })) as {
      labels: string[];
      predictions: { index: number; probabilities: number[] }[];
    };
    expect(served.predictions.map((p) => p.index)).toEqual([...test].sort((a, b) => a - b));
    expect(served.predictions[0].probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);

    const mine = events.filter((e) => e.payload.taskId === taskId);
    expect(mine.filter((e) => e.name === 'train.epoch')).toHaveLength(60);
    // Each epoch event carries the live diagnosis of the epochs so far and the dead ReLU count of each hidden layer.
    for (const epoch of mine.filter((e) => e.name === 'train.epoch')) {
      expect(Array.isArray(epoch.payload.diagnosis)).toBe(true);
      expect((epoch.payload.deadUnits as { layer: number }[]).map((l) => l.layer)).toEqual([0, 1]);
    }
    expect(run.metrics.deadUnits.map((l) => l.units)).toEqual([8, 4]);
    expect(run.metrics.biasVariance).toMatchObject({ heldOut: 'test', highBias: false });
    expect(mine.some((e) => e.name === 'experiment.progress' && e.payload.phase === 'writing')).toBe(true);
  }, 60_000);

  it('digits: HOG (the lab setting) into the MLP 320-18-10, with misclassified thumbnails in the report', async () => {
    const datasetId = await builtin('digits');
    const result = (await call('experiment.run', {
      taskId: 'digits-run',
      datasetId,
      features: { kind: 'hog' },
      split: { method: 'holdout', train: 0.8, test: 0.2 },
      model: modelPresets.mlp320_18_10,
      training: { optimizer: 'adam', learningRate: 0.01, epochs: 4, batchSize: 32, seed: 1 },
    })) as ExperimentResult;
    expect(result.status).toBe('completed');
    expect(result.engine).toBe('didactic');
    expect(result.accuracy.test).toBeGreaterThan(0.85);
    const run = await readRun(result.dir);
    expect(run.config.features.length).toBe(320);
    expect(run.config.split.indices.test).toHaveLength(1000);
    expect(run.metrics.confusionMatrix.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(run.metrics.misclassified.length).toBeGreaterThan(0);
    expect(run.metrics.misclassified[0].file).toMatch(/^\d\/\d+\.png$/);
    const html = readFileSync(join(result.dir, 'report.html'), 'utf8');
    expect(html).toContain('data:image/png;base64,');
    expect(html).not.toMatch(/(src|href)="https?:/);
  }, 120_000);

  it('augmentation adds random variants of the training images only; validation and test stay real', async () => {
    const datasetId = await builtin('digits');
    const taskId = 'augment-run';
    const result = (await call('experiment.run', {
      taskId,
      datasetId,
      features: { kind: 'hog' },
      split: { method: 'holdout', train: 0.8, test: 0.2 },
      model: modelPresets.mlp320_18_10,
      training: { optimizer: 'adam', learningRate: 0.01, epochs: 2, batchSize: 32, seed: 3 },
      augmentation: { options: { rotationDegrees: 10, shiftFraction: 0.1 }, copies: 1 },
    })) as ExperimentResult;
    expect(result.status).toBe('completed');
    // 4000 real training images + 4000 variants, in batches of 32.
    const batches = events.find((e) => e.name === 'train.batch' && e.payload.taskId === taskId)?.payload.batches;
    expect(batches).toBe(250);
    const run = await readRun(result.dir);
    expect(run.config.augmentation).toMatchObject({ copies: 1, options: { rotationDegrees: 10, shiftFraction: 0.1 } });
    expect(run.config.split.indices.test).toHaveLength(1000);
    expect(run.metrics.confusionMatrix.matrix.flat().reduce((a, b) => a + b, 0)).toBe(1000);
    expect(result.accuracy.test).toBeGreaterThan(0.8);

    const wine = await builtin('wine');
    await expect(
      call('experiment.run', {
        taskId: 'augment-table',
        datasetId: wine,
        features: { kind: 'columns' },
        model: wineModel,
        augmentation: { options: {}, copies: 1 },
      }),
    ).rejects.toMatchObject({ code: 'augmentation-needs-images' });
  }, 120_000);

  it('k-fold: one model per fold, per-fold curves, out-of-fold confusion matrix and mean ± std', async () => {
    const datasetId = await builtin('blobs', { samples: 150, noise: 0.1, seed: 2 });
    const result = (await call('experiment.run', {
      taskId: 'kfold-run',
      datasetId,
      features: { kind: 'columns' },
      split: { method: 'k-fold', folds: 3 },
      model: {
        name: 'blobs',
        inputShape: [2],
        layers: [
          { type: 'dense', units: 8, activation: 'tanh' },
          { type: 'output', units: 3, activation: 'softmax' },
        ],
      },
      training: { optimizer: 'adam', learningRate: 0.05, epochs: 15, seed: 5 },
    })) as ExperimentResult;
    const run = await readRun(result.dir);
    expect(run.metrics.kfold?.folds).toHaveLength(3);
    expect(run.metrics.kfold!.accuracy.mean).toBeGreaterThan(0.8);
    expect(run.history.filter((row) => row.fold === 2)).toHaveLength(15);
    expect(run.metrics.confusionMatrix.split).toBe('cross-validation');
    expect(run.metrics.confusionMatrix.matrix.flat().reduce((a, b) => a + b, 0)).toBe(150);
    expect(run.metrics.accuracy.test).toBeNull();
  }, 60_000);

  it('inspection: weight histograms per layer and, on two features, the decision regions over the plane', async () => {
    const datasetId = await builtin('blobs', { samples: 300, noise: 0.05, seed: 4, classes: 3 });
    const taskId = 'inspect-run';
    const result = (await call('experiment.run', {
      taskId,
      datasetId,
      features: { kind: 'columns' },
      split: { method: 'holdout' },
      model: {
        name: 'blobs',
        inputShape: [2],
        layers: [
          { type: 'dense', units: 8, activation: 'tanh' },
          { type: 'output', units: 3, activation: 'softmax' },
        ],
      },
      training: { optimizer: 'adam', learningRate: 0.05, epochs: 25, seed: 2 },
    })) as ExperimentResult;
    expect(result.status).toBe('completed');
    type Inspection = {
      epoch: number;
      final: boolean;
      histograms: { layer: number; counts: number[] }[];
      boundary: {
        plane: { resolution: number; xMin: number; xMax: number; yMin: number; yMax: number };
        values: number[];
        points: [number, number, number, boolean][];
      } | null;
    };
    const inspections = events
      .filter((e) => e.name === 'train.inspection' && e.payload.taskId === taskId)
      .map((e) => e.payload as unknown as Inspection);
    expect(inspections.length).toBeGreaterThanOrEqual(2);
    const last = inspections[inspections.length - 1];
    expect(last.final).toBe(true);
    expect(inspections[0].epoch).toBe(1);
    // One histogram per weighted layer, counting every kernel weight (2×8 and 8×3).
    expect(last.histograms.map((h) => h.layer)).toEqual([0, 1]);
    expect(last.histograms.map((h) => h.counts.reduce((a, b) => a + b, 0))).toEqual([16, 24]);
    const { plane, values, points } = last.boundary!;
    expect(values).toHaveLength(plane.resolution ** 2 * 3);
    expect(points.length).toBeGreaterThan(100);
    // The cell under most training points of a class predicts that class.
    const cellOf = (x: number, y: number) => {
      const c = Math.min(plane.resolution - 1, Math.floor(((x - plane.xMin) / (plane.xMax - plane.xMin)) * plane.resolution));
      const r = Math.min(plane.resolution - 1, Math.floor(((plane.yMax - y) / (plane.yMax - plane.yMin)) * plane.resolution));
      return r * plane.resolution + c;
    };
    const agree = points.filter(([x, y, label]) => {
      const cell = values.slice(cellOf(x, y) * 3, cellOf(x, y) * 3 + 3);
      return cell.indexOf(Math.max(...cell)) === label;
    }).length;
    expect(agree / points.length).toBeGreaterThan(0.9);

    // Kept with the run for Evaluación: the same histograms and the last regions.
    const stored = (await call('runs.inspection', { runId: result.runId })) as {
      folds: { inspections: { epoch: number; final: boolean }[] }[];
      boundary: { values: number[] } | null;
    };
    expect(stored.folds).toHaveLength(1);
    expect(stored.folds[0].inspections.map((i) => i.epoch)).toEqual(inspections.map((i) => i.epoch));
    expect(stored.folds[0].inspections.at(-1)?.final).toBe(true);
    expect(stored.boundary?.values).toEqual(last.boundary!.values);
    await expect(call('runs.inspection', { runId: 'no-such-run' })).rejects.toMatchObject({ code: 'run-not-found' });
  }, 60_000);

  it('stop keeps the run: history so far, best weights, status "stopped"', async () => {
    const datasetId = await builtin('spirals', { samples: 400, noise: 0.1, seed: 1 });
    const taskId = 'stop-run';
    const stopped = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (events.filter((e) => e.name === 'train.epoch' && e.payload.taskId === taskId).length >= 3) {
          clearInterval(check);
          void call('train.stop', { taskId }).then(() => resolve());
        }
      }, 5);
    });
    const result = (await call('experiment.run', {
      taskId,
      datasetId,
      features: { kind: 'columns' },
      split: { method: 'train-val-test' },
      model: {
        name: 'spirals',
        inputShape: [2],
        layers: [
          { type: 'dense', units: 16, activation: 'tanh' },
          { type: 'output', units: 2, activation: 'softmax' },
        ],
      },
      training: { optimizer: 'sgd', learningRate: 0.01, epochs: 100_000, seed: 1 },
    })) as ExperimentResult;
    await stopped;
    expect(result.status).toBe('stopped');
    const run = await readRun(result.dir);
    expect(run.metrics.status).toBe('stopped');
    expect(run.history.length).toBeGreaterThanOrEqual(3);
    expect(run.history.length).toBeLessThan(100_000);
    expect(existsSync(join(result.dir, 'model', 'weights.bin'))).toBe(true);
    expect((await readRunStatus(result.dir))?.status).toBe('stopped');
  }, 60_000);

  it('a loss that explodes ends the run as failed, naming exploding gradients, with the curves kept', async () => {
    const datasetId = await builtin('wine');
    const result = (await call('experiment.run', {
      taskId: 'nan-run',
      datasetId,
      features: { kind: 'columns' },
      scaling: 'none',
      split: { method: 'train-val-test' },
      model: { name: 'linear', inputShape: [13], layers: [{ type: 'output', units: 3, activation: 'identity' }] },
      training: { optimizer: 'sgd', loss: 'mse', learningRate: 50, epochs: 50, seed: 1 },
    })) as ExperimentResult;
    expect(result.status).toBe('failed');
    expect(result.problem?.code).toBe('training-diverged');
    expect(result.problem?.message).toMatch(/exploded/);
    const run = await readRun(result.dir);
    // MSE on one-hot classes is also said (loss-mse-classes); the divergence must be among the hints.
    const codes = run.metrics.diagnosis.map((hint) => hint.code);
    expect(
      codes.filter((code) => code === 'exploding' || code === 'diverged-at-start'),
      codes.join(', '),
    ).toHaveLength(1);
    expect((await readRunStatus(result.dir))?.status).toBe('failed');
  }, 60_000);

  it('a model that does not fit the features is refused before any run folder is made', async () => {
    const datasetId = await builtin('wine');
    const before = readdirSync(root).length;
    await expect(
      call('experiment.run', { taskId: 'bad-input', datasetId, features: { kind: 'columns' }, model: modelPresets.mlp320_18_10 }),
    ).rejects.toMatchObject({ code: 'data-input-mismatch', message: expect.stringContaining('13 features') });
    await expect(
      call('experiment.run', { taskId: 'bad-kind', datasetId, features: { kind: 'hog' }, model: wineModel }),
    ).rejects.toMatchObject({ code: 'features-wrong-kind' });
    expect(readdirSync(root).length).toBe(before);
  }, 30_000);
});
