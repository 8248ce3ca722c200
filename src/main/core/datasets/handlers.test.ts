import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, SinapsisError, type EventName, type MethodName, type RequestOf, type ResponseOf } from '../../../shared/contract';
import type { CallContext } from '../context';
import { testContext } from '../testing/testContext';
import { datasetHandlers } from './handlers';
import { buildMessyDataset, CATS } from './testing/messyDataset';

const events: { name: EventName; payload: unknown }[] = [];
const context: CallContext = testContext({ emit: (name, payload) => void events.push({ name, payload }) });

/** Calls a handler the way the doors do: the request goes through the contract schema first. */
async function call<M extends keyof typeof datasetHandlers & MethodName>(name: M, payload: RequestOf<M>): Promise<ResponseOf<M>> {
  const parsed = methods[name].request.parse(payload);
  const handler = datasetHandlers[name] as (request: unknown, context: CallContext) => Promise<ResponseOf<M>>;
  const response = await handler(parsed, context);
  // The response must satisfy the contract too.
  methods[name].response.parse(response);
  return response;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof SinapsisError ? error.code : `not a SinapsisError: ${String(error)}`),
  );
}

describe('dataset handlers', () => {
  let root: string;
  beforeAll(async () => {
    root = await buildMessyDataset();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('opens a folder, streams progress, pages thumbnails and guards file reads', async () => {
    events.length = 0;
    const summary = await call('dataset.openFolder', { taskId: 'open-1', path: root });
    expect(summary.total).toBe(13);
    expect(events.some((e) => e.name === 'dataset.progress' && (e.payload as { taskId: string }).taskId === 'open-1')).toBe(true);

    const page = await call('dataset.thumbnails', { datasetId: summary.datasetId, className: CATS, offset: 2, limit: 3, size: 16 });
    expect(page.total).toBe(6);
    expect(page.items).toHaveLength(3);
    expect(page.items[0].src).toMatch(/^data:image\/png;base64,/);
    expect(page.items.every((item) => item.label === CATS)).toBe(true);

    // The file search: case and accents ignored, combined with the class, positions counted in the filtered list.
    const all = await call('dataset.thumbnails', { datasetId: summary.datasetId, limit: 200, size: 16 });
    const found = await call('dataset.thumbnails', { datasetId: summary.datasetId, search: 'BUENO', limit: 200, size: 16 });
    expect(found.items.map((item) => item.file)).toEqual(
      all.items.filter((item) => item.file.toLowerCase().includes('bueno')).map((item) => item.file),
    );
    expect(found.total).toBeGreaterThan(0);
    const inClass = await call('dataset.thumbnails', {
      datasetId: summary.datasetId,
      className: CATS,
      search: 'bueno',
      limit: 200,
      size: 16,
    });
    expect(inClass.items.every((item) => item.label === CATS && item.file.toLowerCase().includes('bueno'))).toBe(true);
    expect(inClass.total).toBeLessThan(found.total + 1);
    expect((await call('dataset.thumbnails', { datasetId: summary.datasetId, search: 'no-such-name', size: 16 })).total).toBe(0);

    const image = await call('dataset.image', { datasetId: summary.datasetId, file: `${CATS}/bueno.png` });
    expect(image).toMatchObject({ width: 8, height: 8 });
    expect(await codeOf(call('dataset.image', { datasetId: summary.datasetId, file: '../../etc/passwd' }))).toBe('path-not-allowed');
    expect(await codeOf(call('dataset.image', { datasetId: summary.datasetId, file: '/etc/passwd' }))).toBe('path-not-allowed');
  });

  it('splits a loaded dataset reproducibly and returns the indices', async () => {
    const summary = await call('dataset.builtin', { taskId: 'digits', id: 'digits' });
    if (summary.kind !== 'images') throw new Error('digits should be an image dataset');
    expect(summary.total).toBe(5000);
    const split = await call('dataset.split', { datasetId: summary.datasetId, method: 'train-val-test', seed: 3 });
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([3500, 750, 750]);
    expect(split.classCounts.test).toEqual(new Array(10).fill(75));
    const again = await call('dataset.split', { datasetId: summary.datasetId, method: 'train-val-test', seed: 3 });
    expect(again.test).toEqual(split.test);
    const preview = await call('dataset.augmentPreview', {
      datasetId: summary.datasetId,
      index: 3,
      count: 4,
      options: { rotationDegrees: 45, horizontalFlip: true },
    });
    expect(preview.items).toHaveLength(4);
    expect(preview.file).toBe('0/003.png');
    expect(preview.warnings).toEqual(['flip-digits', 'rotation-digits']);
    expect(new Set(preview.items).size).toBeGreaterThan(1);
    expect(await codeOf(call('dataset.augmentPreview', { datasetId: summary.datasetId, index: 99999, options: {} }))).toBe(
      'dataset-index-out-of-range',
    );
    const folds = await call('dataset.split', { datasetId: summary.datasetId, method: 'k-fold', folds: 5 });
    expect(folds.folds.map((f) => f.length)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(await codeOf(call('dataset.split', { datasetId: summary.datasetId, method: 'leave-one-out' }))).toBe('split-loo-too-large');
    expect(
      await codeOf(
        call('dataset.split', { datasetId: summary.datasetId, method: 'train-val-test', train: 0.5, validation: 0.1, test: 0.1 }),
      ),
    ).toBe('split-invalid');
  });

  it('loads Wine and the generated sets as tables, with rows for plotting', async () => {
    const wine = await call('dataset.builtin', { taskId: 'w', id: 'wine' });
    expect(wine).toMatchObject({ kind: 'table', rows: 178, task: 'classification' });
    const holdout = await call('dataset.split', { datasetId: wine.datasetId });
    expect([holdout.train.length, holdout.test.length, holdout.validation.length]).toEqual([124, 54, 0]);

    const xor = await call('dataset.builtin', { taskId: 'x', id: 'xor', options: { encoding: 'bipolar' } });
    const rows = await call('dataset.rows', { datasetId: xor.datasetId });
    expect(rows.features).toEqual([
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ]);
    expect(rows.targets).toEqual([0, 1, 1, 0]);
    const loo = await call('dataset.split', { datasetId: xor.datasetId, method: 'leave-one-out' });
    expect(loo.folds).toEqual([[0], [1], [2], [3]]);

    const spirals = await call('dataset.builtin', { taskId: 's', id: 'spirals', options: { samples: 300, noise: 0.2, seed: 1 } });
    expect(spirals).toMatchObject({ rows: 300, classes: [{ count: 150 }, { count: 150 }] });
  });

  it('opens a CSV, then builds the table for the chosen target', async () => {
    const inspection = await call('dataset.openCsv', { path: 'resources/datasets/wine/wine.csv' });
    const table = await call('dataset.chooseTarget', { datasetId: inspection.datasetId, target: 0 });
    expect(table).toMatchObject({ task: 'regression', target: 'alcohol', rows: 178 });
    expect(await codeOf(call('dataset.chooseTarget', { datasetId: 'missing-id', target: 0 }))).toBe('dataset-not-loaded');
    expect(await codeOf(call('dataset.thumbnails', { datasetId: table.datasetId }))).toBe('dataset-wrong-kind');
  });

  it('cancels a folder load through the task registry and keeps the store unchanged', async () => {
    const pending = call('dataset.builtin', { taskId: 'cancel-me', id: 'digits' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(context.workspace.tasks.cancel('cancel-me')).toBe(true);
    expect(await codeOf(pending)).toBe('dataset-load-cancelled');
  });

  it('hands back the summary of a dataset still loaded (what a reloaded page takes back), and says when it is gone', async () => {
    const loaded = await call('dataset.builtin', { taskId: 'kept', id: 'blobs' });
    const kept = await call('dataset.summary', { datasetId: loaded.datasetId });
    expect(kept.fingerprint).toBe(loaded.fingerprint);
    expect(kept.datasetId).toBe(loaded.datasetId);
    expect(await codeOf(call('dataset.summary', { datasetId: 'not-a-loaded-one' }))).toBe('dataset-not-loaded');
  });
});
