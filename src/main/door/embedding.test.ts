import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddingResult } from '../../shared/contract/embedding';
import type { ExperimentResult } from '../../shared/contract/experiment';
import { modelPresets } from '../../shared/models/presets';
import { createCore, type Core } from '../core/index';
import { dispatch } from './dispatch';

/**
 * The feature map through the doors' dispatch (which also checks every answer against its schema): a table's
 * columns, the digits' HOG, a trained run's hidden layer (whose predicted classes must be the run's own
 * predictions.json), the refusals and cancelling.
 */

let core: Core;
let digitsId: string;
let wineId: string;
let run: ExperimentResult;
const events: { name: string; payload: unknown }[] = [];
const emit = ((name: string, payload: unknown) => events.push({ name, payload })) as Parameters<typeof dispatch>[3];

async function call<T>(method: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, method, payload, emit);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, params: result.error.params });
  return result.value as T;
}

async function refusal(method: string, payload: unknown): Promise<{ code: string; params?: Record<string, unknown> }> {
  const result = await dispatch(core, method, payload, emit);
  if (result.ok) throw new Error(`${method} was expected to be refused`);
  return result.error;
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'sinapsis-embedding-'));
  process.env.SINAPSIS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'sinapsis-cache-'));
  core = await createCore('cli', { runsRoot: root });
  digitsId = (await call<{ datasetId: string }>('dataset.builtin', { taskId: 'load-digits', id: 'digits', options: {} })).datasetId;
  wineId = (await call<{ datasetId: string }>('dataset.builtin', { taskId: 'load-wine', id: 'wine', options: {} })).datasetId;
  run = await call<ExperimentResult>('experiment.run', {
    taskId: 'hog-mlp',
    datasetId: digitsId,
    features: { kind: 'hog' },
    scaling: 'zscore',
    split: { method: 'train-val-test', train: 0.7, validation: 0.1, test: 0.2 },
    model: modelPresets.mlp320_18_10,
    training: { optimizer: 'adam', learningRate: 0.01, epochs: 2, batchSize: 32, seed: 1 },
  });
}, 300_000);
afterAll(() => core.dispose());

describe('embedding.compute', () => {
  it('maps a table: one point per row, its class, PCA axes with their variance', async () => {
    const result = await call<EmbeddingResult>('embedding.compute', {
      taskId: 'wine-pca',
      source: { kind: 'dataset', datasetId: wineId, features: { kind: 'columns' } },
      method: 'pca',
    });
    expect(result.points).toHaveLength(178);
    expect(result.classNames).toHaveLength(3);
    expect(result.dimensions).toBe(13);
    expect(result.points[5]).toMatchObject({ index: 5, file: null });
    expect(result.explainedVariance?.[0]).toBeGreaterThan(result.explainedVariance?.[1] ?? 1);
    expect(result.layers).toBeNull();
  });

  it('t-SNE and UMAP of the same table are reproducible for a seed and differ for another', async () => {
    for (const method of ['tsne', 'umap'] as const) {
      const payload = { source: { kind: 'dataset', datasetId: wineId, features: { kind: 'columns' } }, method, seed: 3 };
      const a = await call<EmbeddingResult>('embedding.compute', { taskId: `${method}-a`, ...payload });
      const b = await call<EmbeddingResult>('embedding.compute', { taskId: `${method}-b`, ...payload });
      const c = await call<EmbeddingResult>('embedding.compute', { taskId: `${method}-c`, ...payload, seed: 4 });
      expect(b.points.map((p) => [p.x, p.y])).toEqual(a.points.map((p) => [p.x, p.y]));
      if (method === 'umap') expect(c.points.map((p) => [p.x, p.y])).not.toEqual(a.points.map((p) => [p.x, p.y]));
      expect(a.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    }
    const progress = events.filter((e) => e.name === 'embedding.progress').map((e) => e.payload as { taskId: string; stage: string });
    expect(progress.some((p) => p.taskId === 'tsne-a' && p.stage === 'optimise')).toBe(true);
  }, 120_000);

  it("a run's hidden layer: parts of the split, and the predicted class the run itself wrote", async () => {
    const { layers, defaultLayer } = await call<{ layers: EmbeddingResult['layers']; defaultLayer: number }>('embedding.layers', {
      runId: run.runId,
    });
    expect(layers?.map((l) => l.units)).toEqual([18, 10]);
    expect(defaultLayer).toBe(0);
    const result = await call<EmbeddingResult>('embedding.compute', {
      taskId: 'run-pca',
      source: { kind: 'run', runId: run.runId, datasetId: digitsId },
      method: 'pca',
    });
    expect(result.layer).toMatchObject({ index: 0, units: 18, output: false });
    expect(result.points).toHaveLength(5000);
    const parts = result.points.map((p) => p.part);
    expect(parts.filter((p) => p === 'test').length).toBe(1000);
    expect(parts.filter((p) => p === 'validation').length).toBe(500);
    const stored = (
      JSON.parse(readFileSync(join(run.dir, 'predictions.json'), 'utf8')) as {
        predictions: { index: number; file: string; predictedClass: number }[];
      }
    ).predictions;
    const byFile = new Map(result.points.map((p) => [p.file, p]));
    for (const prediction of stored) {
      const point = byFile.get(prediction.file);
      expect(point?.part).toBe('test');
      expect(point?.predictedIndex).toBe(prediction.predictedClass);
    }
    const output = await call<EmbeddingResult>('embedding.compute', {
      taskId: 'run-output',
      source: { kind: 'run', runId: run.runId, datasetId: digitsId, layer: 1 },
      method: 'pca',
    });
    expect(output.dimensions).toBe(10);
  }, 120_000);

  it('refuses a layer out of range, another dataset than the run’s, too few samples, an unknown method', async () => {
    const layer = await refusal('embedding.compute', {
      taskId: 'bad-layer',
      source: { kind: 'run', runId: run.runId, datasetId: digitsId, layer: 7 },
    });
    expect(layer).toMatchObject({ code: 'embedding-layer-out-of-range', params: { layer: 7, last: 1 } });
    const mismatch = await refusal('embedding.compute', {
      taskId: 'bad-data',
      source: { kind: 'run', runId: run.runId, datasetId: wineId },
    });
    expect(mismatch.code).toBe('embedding-dataset-mismatch');
    const xorId = (await call<{ datasetId: string }>('dataset.builtin', { taskId: 'load-xor', id: 'xor', options: {} })).datasetId;
    const few = await refusal('embedding.compute', {
      taskId: 'few',
      source: { kind: 'dataset', datasetId: xorId, features: { kind: 'columns' } },
    });
    expect(few).toMatchObject({ code: 'embedding-too-few-samples', params: { samples: 4, minimum: 5 } });
    const wrong = await refusal('embedding.compute', {
      taskId: 'bad-method',
      source: { kind: 'dataset', datasetId: wineId, features: { kind: 'columns' } },
      method: 'lda',
    });
    expect(wrong.code).toBe('invalid-request');
  });

  it('task.cancel stops a t-SNE of the digits with embedding-cancelled', async () => {
    const pending = dispatch(
      core,
      'embedding.compute',
      { taskId: 'cancel-me', source: { kind: 'dataset', datasetId: digitsId, features: { kind: 'hog' } }, method: 'tsne' },
      ((name: string, payload: { taskId: string; stage: string }) => {
        if (name === 'embedding.progress' && payload.taskId === 'cancel-me' && payload.stage === 'neighbours')
          void dispatch(core, 'task.cancel', { taskId: 'cancel-me' }, emit);
      }) as Parameters<typeof dispatch>[3],
    );
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('embedding-cancelled');
  }, 120_000);
});
