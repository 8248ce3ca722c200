import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../../shared/contract/experiment';
import type { InspectConvResult, ModelImportResult, PredictImageResult } from '../../shared/contract/inference';
import type { RunSummary } from '../../shared/contract/runs';
import type { SaliencyResult } from '../../shared/contract/saliency';
import { modelPresets } from '../../shared/models/presets';
import { builtinPaths } from '../core/datasets/builtins';
import { inspectImageFile } from '../core/datasets/images/inspectImageFile';
import { createCore, type Core } from '../core/index';
import { readRun } from '../core/runs/readRun';
import { dispatch } from './dispatch';

/**
 * Prediction with trained runs through the doors' dispatch: real runs trained on the built-in sets (HOG + MLP,
 * a CNN on pixels, Wine's columns), then one sample predicted again must give the probabilities the run itself
 * wrote to predictions.json.
 */

let core: Core;
let root: string;
let digitsId: string;
let hogRun: ExperimentResult;
let cnnRun: ExperimentResult;
const emit = (() => undefined) as Parameters<typeof dispatch>[3];

interface StoredPrediction {
  index: number;
  file: string | null;
  trueClass: number;
  probabilities: number[];
}

async function call<T>(method: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, method, payload, emit);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, params: result.error.params });
  return result.value as T;
}

function storedPredictions(run: ExperimentResult): StoredPrediction[] {
  return (JSON.parse(readFileSync(join(run.dir, 'predictions.json'), 'utf8')) as { predictions: StoredPrediction[] }).predictions;
}

function expectClose(actual: number[], expected: number[], tolerance = 1e-5): void {
  expect(actual).toHaveLength(expected.length);
  const worst = Math.max(...actual.map((value, i) => Math.abs(value - expected[i])));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinapsis-inference-'));
  process.env.SINAPSIS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'sinapsis-cache-'));
  core = await createCore('cli', { runsRoot: root });
  digitsId = (await call<{ datasetId: string }>('dataset.builtin', { taskId: 'load-digits', id: 'digits', options: {} })).datasetId;
  hogRun = await call<ExperimentResult>('experiment.run', {
    taskId: 'hog-mlp',
    datasetId: digitsId,
    features: { kind: 'hog' },
    scaling: 'zscore',
    split: { method: 'holdout', train: 0.8, test: 0.2 },
    model: modelPresets.mlp320_18_10,
    training: { optimizer: 'adam', learningRate: 0.01, epochs: 3, batchSize: 32, seed: 1 },
  });
  cnnRun = await call<ExperimentResult>('experiment.run', {
    taskId: 'cnn-pixels',
    datasetId: digitsId,
    features: { kind: 'pixels', resize: { width: 28, height: 28 }, keepShape: true },
    scaling: 'none',
    split: { method: 'holdout', train: 0.8, test: 0.2 },
    model: modelPresets.cnnDesign28,
    training: { optimizer: 'adam', learningRate: 0.001, epochs: 1, batchSize: 64, seed: 2 },
  });
}, 300_000);
// dispose also clears the core's loaded run models.
afterAll(() => core.dispose());

describe('runs.predictImage', () => {
  it('HOG + MLP: a dataset image gets the probabilities the run wrote for it, and top-k best first', async () => {
    expect(hogRun.status).toBe('completed');
    const stored = storedPredictions(hogRun);
    for (const sample of [stored[0], stored[317], stored[stored.length - 1]]) {
      const result = await call<PredictImageResult>('runs.predictImage', {
        runId: hogRun.runId,
        source: { kind: 'dataset', datasetId: digitsId, file: sample.file },
      });
      expect(result.features).toBe(320);
      expect(result.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expectClose(result.probabilities, sample.probabilities);
      expect(result.top).toHaveLength(5);
      expect(result.top[0].probability).toBe(Math.max(...result.probabilities));
      expect(result.top.map((entry) => entry.probability)).toEqual([...result.top.map((entry) => entry.probability)].sort((a, b) => b - a));
    }
    const three = await call<PredictImageResult>('runs.predictImage', {
      runId: hogRun.runId,
      source: { kind: 'dataset', datasetId: digitsId, file: stored[0].file },
      topK: 3,
    });
    expect(three.top).toHaveLength(3);
  });

  it('the same image as a file inside the opened folder, or as pixels decoded elsewhere, predicts the same', async () => {
    const sample = storedPredictions(hogRun)[5];
    const path = join(builtinPaths.digits(), sample.file!);
    const fromFile = await call<PredictImageResult>('runs.predictImage', { runId: hogRun.runId, source: { kind: 'file', path } });
    expectClose(fromFile.probabilities, sample.probabilities);
    const decoded = inspectImageFile(path, new Uint8Array(readFileSync(path)));
    if (!decoded.ok) throw new Error(decoded.reason);
    const { width, height, channels, data } = decoded.image;
    const image = { width, height, channels, data: Array.from(data) };
    const fromPixels = await call<PredictImageResult>('runs.predictImage', { runId: hogRun.runId, source: { kind: 'pixels', image } });
    expectClose(fromPixels.probabilities, sample.probabilities);
  });

  it('CNN on 28×28 pixels: the dataset image predicts as the run did', async () => {
    expect(cnnRun.status).toBe('completed');
    const stored = storedPredictions(cnnRun);
    for (const sample of [stored[1], stored[500]]) {
      const result = await call<PredictImageResult>('runs.predictImage', {
        runId: cnnRun.runId,
        source: { kind: 'dataset', datasetId: digitsId, file: sample.file },
      });
      expect(result.features).toBe(28 * 28);
      expectClose(result.probabilities, sample.probabilities);
    }
  });

  it('Wine: a table run predicts one row of numbers (z-scored with the training part) as the run did', async () => {
    const wineId = (await call<{ datasetId: string }>('dataset.builtin', { taskId: 'load-wine', id: 'wine', options: {} })).datasetId;
    const wine = await call<ExperimentResult>('experiment.run', {
      taskId: 'wine',
      datasetId: wineId,
      features: { kind: 'columns' },
      scaling: 'zscore',
      split: { method: 'holdout', train: 0.7, test: 0.3 },
      model: modelPresets.wine13_8_4_3,
      training: { optimizer: 'adam', learningRate: 0.01, epochs: 20, batchSize: 16, seed: 3 },
    });
    const rows = await call<{ features: number[][] }>('dataset.rows', { datasetId: wineId, limit: 200 });
    const sample = storedPredictions(wine)[4];
    const result = await call<PredictImageResult>('runs.predictImage', {
      runId: wine.runId,
      source: { kind: 'row', values: rows.features[sample.index] },
    });
    expect(result.features).toBe(13);
    expectClose(result.probabilities, sample.probabilities);
    await expect(call('runs.predictImage', { runId: wine.runId, source: { kind: 'row', values: [1, 2, 3] } })).rejects.toMatchObject({
      code: 'inference-feature-length',
    });
    await expect(
      call('runs.predictImage', { runId: wine.runId, source: { kind: 'dataset', datasetId: digitsId, file: '0/000.png' } }),
    ).rejects.toMatchObject({ code: 'inference-wrong-input' });
  }, 60_000);

  it('refuses files outside the opened folders, unknown dataset files, rows for image runs and unknown runs', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'sinapsis-outside-')), 'x.png');
    writeFileSync(outside, readFileSync(join(builtinPaths.digits(), '0', '000.png')));
    await expect(call('runs.predictImage', { runId: hogRun.runId, source: { kind: 'file', path: outside } })).rejects.toMatchObject({
      code: 'path-not-allowed',
    });
    await expect(
      call('runs.predictImage', { runId: hogRun.runId, source: { kind: 'dataset', datasetId: digitsId, file: 'nope.png' } }),
    ).rejects.toMatchObject({
      code: 'inference-image-not-in-dataset',
    });
    await expect(call('runs.predictImage', { runId: hogRun.runId, source: { kind: 'row', values: [1, 2] } })).rejects.toMatchObject({
      code: 'inference-wrong-input',
    });
    await expect(call('runs.predictImage', { runId: 'no-such-run', source: { kind: 'row', values: [1] } })).rejects.toMatchObject({
      code: 'run-not-found',
    });
  });
});

describe('runs.inspectConv', () => {
  it("returns every conv layer's filters with the kernel's shape and the image's feature maps", async () => {
    const file = storedPredictions(cnnRun)[0].file;
    const result = await call<InspectConvResult>('runs.inspectConv', {
      runId: cnnRun.runId,
      source: { kind: 'dataset', datasetId: digitsId, file },
      channels: 4,
    });
    expect(result.input).toMatchObject({ width: 28, height: 28 });
    expect(result.layers).toHaveLength(2);
    const [first, second] = result.layers;
    expect(first.kernelShape).toEqual([3, 3, 1, 8]);
    expect(first.filters).toHaveLength(8);
    expect(first.filters[0].values).toHaveLength(9);
    expect(first.filters[0].slices).toHaveLength(1);
    expect(first.filters[0].slices[0]).toMatchObject({ width: 3, height: 3, png: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(first.mapShape).toEqual([28, 28, 8]);
    expect(first.maps).toHaveLength(4);
    // After the ReLU: no negative activations.
    expect(Math.min(...first.maps.map((map) => map.min))).toBeGreaterThanOrEqual(0);
    expect(second.kernelShape).toEqual([3, 3, 8, 16]);
    expect(second.filters).toHaveLength(16);
    expect(second.filters[3].values).toHaveLength(3 * 3 * 8);
    expect(second.filters[3].slices).toHaveLength(8);
    expect(second.mapShape).toEqual([14, 14, 16]);

    const only = await call<InspectConvResult>('runs.inspectConv', {
      runId: cnnRun.runId,
      source: { kind: 'dataset', datasetId: digitsId, file },
      layer: 1,
    });
    expect(only.layers.map((layer) => layer.kernelShape)).toEqual([[3, 3, 8, 16]]);
    expect(only.layers[0].maps).toHaveLength(8);
    expect(only.layers[0].filters[3].values).toEqual(second.filters[3].values);
    await expect(
      call('runs.inspectConv', { runId: cnnRun.runId, source: { kind: 'dataset', datasetId: digitsId, file }, layer: 2 }),
    ).rejects.toMatchObject({ code: 'inference-no-such-conv' });
    await expect(
      call('runs.inspectConv', { runId: hogRun.runId, source: { kind: 'dataset', datasetId: digitsId, file } }),
    ).rejects.toMatchObject({ code: 'inference-no-conv' });
  });
});

describe('runs.saliency', () => {
  it('CNN run: Grad-CAM, gradients and occlusion give a 28×28 map in 0..1 of the predicted class, over what the model sees', async () => {
    const sample = storedPredictions(cnnRun)[3];
    const source = { kind: 'dataset', datasetId: digitsId, file: sample.file };
    const predicted = sample.probabilities.indexOf(Math.max(...sample.probabilities));
    for (const method of [{ method: 'gradcam' }, { method: 'gradient' }, { method: 'smoothgrad', samples: 4 }, { method: 'occlusion' }]) {
      const result = await call<SaliencyResult>('runs.saliency', { runId: cnnRun.runId, source, method });
      expect(result).toMatchObject({ method: method.method, targetClass: predicted, predictedClass: predicted, label: String(predicted) });
      expect(result.probability).toBeCloseTo(sample.probabilities[predicted], 5);
      expect(result.map).toMatchObject({ width: 28, height: 28 });
      expect(result.map.values).toHaveLength(28 * 28);
      expect(result.picture).toMatchObject({ width: 28, height: 28, png: expect.stringMatching(/^data:image\/png;base64,/) });
    }
    const gradcam = await call<SaliencyResult>('runs.saliency', { runId: cnnRun.runId, source, method: { method: 'gradcam', layer: 0 } });
    expect(gradcam.gradcam).toMatchObject({ layer: 0, mapWidth: 28, mapHeight: 28 });
    expect(gradcam.gradcam?.layers).toHaveLength(2);
    const other = (predicted + 1) % 10;
    const asked = await call<SaliencyResult>('runs.saliency', {
      runId: cnnRun.runId,
      source,
      method: { method: 'gradient' },
      targetClass: other,
    });
    expect(asked).toMatchObject({ targetClass: other, label: String(other) });
    await expect(call('runs.saliency', { runId: cnnRun.runId, source, method: { method: 'hogCells' } })).rejects.toMatchObject({
      code: 'saliency-needs-hog',
    });
  });

  it('HOG run: cell and orientation weights over the HOG picture; Grad-CAM and pixel gradients are refused', async () => {
    const source = { kind: 'dataset', datasetId: digitsId, file: storedPredictions(hogRun)[0].file };
    const result = await call<SaliencyResult>('runs.saliency', { runId: hogRun.runId, source, method: { method: 'hogCells' } });
    expect(result.hog).toMatchObject({ cellRows: 6, cellColumns: 3, orientations: 8, pixelsPerCell: [4, 4] });
    expect(result.hog?.weights).toHaveLength(6 * 3 * 8);
    expect(result.map).toMatchObject({ width: 12, height: 24 });
    const occluded = await call<SaliencyResult>('runs.saliency', { runId: hogRun.runId, source, method: { method: 'occlusion' } });
    expect(occluded.map).toMatchObject({ width: 12, height: 24 });
    for (const [method, code] of [
      ['gradcam', 'saliency-needs-pixels'],
      ['gradient', 'saliency-needs-pixels'],
    ]) {
      await expect(call('runs.saliency', { runId: hogRun.runId, source, method: { method } })).rejects.toMatchObject({ code });
    }
    await expect(
      call('runs.saliency', { runId: hogRun.runId, source, method: { method: 'smoothgrad', samples: 1000 } }),
    ).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

describe('model.import', () => {
  it("a run's model folder comes back as a new completed run that lists, opens and predicts the same", async () => {
    const sample = storedPredictions(hogRun)[7];
    for (const path of [join(hogRun.dir, 'model'), hogRun.dir]) {
      const imported = await call<ModelImportResult>('model.import', { path, name: 'MLP importado' });
      expect(imported).toMatchObject({
        inputShape: [320],
        classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
        featureKind: 'hog',
        withPreprocessing: true,
      });
      expect(imported.runId).not.toBe(hogRun.runId);
      const list = await call<{ runs: RunSummary[] }>('runs.list', {});
      expect(list.runs.find((run) => run.runId === imported.runId)).toMatchObject({ status: 'completed', dataset: 'MLP importado' });
      const run = await readRun(join(root, imported.runId));
      expect(run.config.engine).toBe('imported');
      expect(run.config.imported).toMatchObject({ from: path, withPreprocessing: true, sourceRunId: hogRun.runId });
      const result = await call<PredictImageResult>('runs.predictImage', {
        runId: imported.runId,
        source: { kind: 'dataset', datasetId: digitsId, file: sample.file },
      });
      expectClose(result.probabilities, sample.probabilities);
    }
  });

  it('a bare tfjs model needs its features, and they must fit its input', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'sinapsis-bare-'));
    cpSync(join(hogRun.dir, 'model'), bare, { recursive: true });
    await expect(call('model.import', { path: bare })).rejects.toMatchObject({ code: 'model-import-needs-features' });
    await expect(
      call('model.import', { path: bare, features: { kind: 'pixels', resize: { width: 28, height: 28 } } }),
    ).rejects.toMatchObject({
      code: 'model-import-input-mismatch',
      message: expect.stringContaining('expects 320 inputs'),
    });
    await expect(
      call('model.import', { path: bare, features: { kind: 'hog' }, classes: ['a', 'b'], scaling: { kind: 'none' } }),
    ).rejects.toMatchObject({ code: 'model-import-classes' });
    // The scaling is never assumed: without it the import refuses and says that predictions depend on it.
    await expect(call('model.import', { path: bare, features: { kind: 'hog' } })).rejects.toMatchObject({
      code: 'model-import-needs-scaling',
      params: { features: 320 },
      message: expect.stringContaining('predictions depend on it'),
    });
    await expect(
      call('model.import', { path: bare, features: { kind: 'hog' }, scaling: { kind: 'standard', mean: [0, 1], std: [1, 1] } }),
    ).rejects.toMatchObject({ code: 'model-import-scaling-length' });
    await expect(call('model.import', { path: hogRun.dir, scaling: { kind: 'none' } })).rejects.toMatchObject({
      code: 'model-import-scaling-conflict',
    });
    const imported = await call<ModelImportResult>('model.import', { path: bare, features: { kind: 'hog' }, scaling: { kind: 'none' } });
    expect(imported).toMatchObject({
      featureKind: 'hog',
      withPreprocessing: false,
      classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    });
    // Told "none", the probabilities differ from the run's (it was trained on z-scores), but they are probabilities.
    const source = { kind: 'dataset', datasetId: digitsId, file: '3/010.png' } as const;
    const result = await call<PredictImageResult>('runs.predictImage', { runId: imported.runId, source });
    expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // Given the run's own mean and std, the bare model predicts exactly what the run does.
    const { scaler } = JSON.parse(readFileSync(join(hogRun.dir, 'preprocessing.json'), 'utf8')) as {
      scaler: { mean: number[]; std: number[] };
    };
    const scaled = await call<ModelImportResult>('model.import', {
      path: bare,
      features: { kind: 'hog' },
      scaling: { kind: 'standard', mean: scaler.mean, std: scaler.std },
    });
    const fromRun = await call<PredictImageResult>('runs.predictImage', { runId: hogRun.runId, source });
    expectClose(
      (await call<PredictImageResult>('runs.predictImage', { runId: scaled.runId, source })).probabilities,
      fromRun.probabilities,
    );
    expect(result.probabilities).not.toEqual(fromRun.probabilities);
    // A run with preprocessing.json refuses features that contradict it.
    await expect(
      call('model.import', { path: hogRun.dir, features: { kind: 'pixels', resize: { width: 20, height: 16 } } }),
    ).rejects.toMatchObject({ code: 'model-import-features-conflict' });
  });

  it('refuses a folder without model.json, a corrupt model.json, missing or short weights, and paths that are not absolute folders', async () => {
    const before = (await call<{ runs: RunSummary[] }>('runs.list', {})).runs.length;
    const empty = mkdtempSync(join(tmpdir(), 'sinapsis-empty-'));
    await expect(call('model.import', { path: empty })).rejects.toMatchObject({ code: 'model-import-no-model' });
    await expect(call('model.import', { path: 'relative/model' })).rejects.toMatchObject({ code: 'model-import-path' });
    await expect(call('model.import', { path: join(empty, 'missing') })).rejects.toMatchObject({ code: 'model-import-path' });
    writeFileSync(join(empty, 'file.txt'), 'x');
    await expect(call('model.import', { path: join(empty, 'file.txt') })).rejects.toMatchObject({ code: 'model-import-path' });

    const copy = (): string => {
      const dir = mkdtempSync(join(tmpdir(), 'sinapsis-bad-'));
      cpSync(join(hogRun.dir, 'model'), dir, { recursive: true });
      cpSync(join(hogRun.dir, 'preprocessing.json'), join(dir, 'preprocessing.json'));
      return dir;
    };
    const garbage = copy();
    writeFileSync(join(garbage, 'model.json'), '{"modelTopology": {"class_name": "Sequ');
    await expect(call('model.import', { path: garbage })).rejects.toMatchObject({
      code: 'model-import-corrupt',
      message: expect.stringContaining('not valid JSON'),
    });
    const noTopology = copy();
    writeFileSync(join(noTopology, 'model.json'), '{"weightsManifest": []}');
    await expect(call('model.import', { path: noTopology })).rejects.toMatchObject({
      code: 'model-import-corrupt',
      message: expect.stringContaining('modelTopology'),
    });
    const badTopology = copy();
    const json = JSON.parse(readFileSync(join(badTopology, 'model.json'), 'utf8')) as {
      modelTopology: { config: { layers: { class_name: string }[] } };
    };
    json.modelTopology.config.layers[0].class_name = 'NoSuchLayer';
    writeFileSync(join(badTopology, 'model.json'), JSON.stringify(json));
    await expect(call('model.import', { path: badTopology })).rejects.toMatchObject({ code: 'model-import-corrupt' });
    const short = copy();
    writeFileSync(join(short, 'weights.bin'), readFileSync(join(short, 'weights.bin')).subarray(0, 100));
    await expect(call('model.import', { path: short })).rejects.toMatchObject({
      code: 'model-import-corrupt',
      message: expect.stringContaining('bytes'),
    });
    const escaping = copy();
    const manifest = JSON.parse(readFileSync(join(escaping, 'model.json'), 'utf8')) as { weightsManifest: { paths: string[] }[] };
    mkdirSync(join(escaping, 'inner'));
    cpSync(join(escaping, 'model.json'), join(escaping, 'inner', 'model.json'));
    manifest.weightsManifest[0].paths = ['../weights.bin'];
    writeFileSync(join(escaping, 'inner', 'model.json'), JSON.stringify(manifest));
    await expect(call('model.import', { path: join(escaping, 'inner') })).rejects.toMatchObject({
      code: 'model-import-corrupt',
      message: expect.stringContaining('outside the model folder'),
    });
    const badPreprocessing = copy();
    writeFileSync(join(badPreprocessing, 'preprocessing.json'), '{"scaling": "zscore"}');
    await expect(call('model.import', { path: badPreprocessing })).rejects.toMatchObject({ code: 'run-file-invalid' });
    // None of these left a run behind.
    expect((await call<{ runs: RunSummary[] }>('runs.list', {})).runs.length).toBe(before);
  });
});

describe('an imported run elsewhere in the app', () => {
  it('renders a report without metrics or curves', async () => {
    const imported = await call<ModelImportResult>('model.import', { path: join(cnnRun.dir, 'model') });
    const report = await call<{ html: string }>('report.export', { runId: imported.runId, language: 'en', notes: {}, pdf: false });
    expect(readFileSync(report.html, 'utf8')).toContain('<html');
  });
});
