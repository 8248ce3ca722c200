import { mkdtempSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SinapsisError } from '../../shared/contract';
import { createCore, type Core } from '../core/index';
import { loadImageFolder } from '../core/datasets/images/loadImageFolder';
import { buildDigitLikeFolder } from '../core/datasets/testing/messyDataset';
import { dispatch } from './dispatch';

let core: Core;
let root: string;
let digits: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinapsis-limits-'));
  core = await createCore('cli', { runsRoot: root });
  const loaded = await dispatch(core, 'dataset.builtin', { taskId: 'digits', id: 'digits' }, () => undefined);
  if (!loaded.ok) throw new Error(loaded.error.message);
  digits = (loaded.value as { datasetId: string }).datasetId;
});
afterAll(() => core.dispose());

const rssMb = (): number => process.memoryUsage().rss / 1024 ** 2;

describe('resource limits', () => {
  it('a huge dense layer on raw pixels is refused before training, with the estimated size', async () => {
    const started = performance.now();
    const result = await dispatch(
      core,
      'experiment.run',
      {
        taskId: 'huge-dense',
        datasetId: digits,
        features: { kind: 'pixels' },
        model: {
          name: 'huge',
          inputShape: [400],
          layers: [
            { type: 'dense', units: 100_000 },
            { type: 'dense', units: 100_000 },
            { type: 'output', units: 10 },
          ],
        },
      },
      () => undefined,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'model-too-large', params: { estimated: expect.stringMatching(/GiB$/) } } });
    expect(result.ok ? '' : result.error.message).toMatch(/needs about [\d.]+ GiB \(parameters [\d.]+ GiB.*more than the 1\.50 GiB budget/);
    expect(performance.now() - started).toBeLessThan(5_000);
    // No run folder (the state folder beside the runs keeps the recent datasets opened above).
    expect(readdirSync(root).filter((name) => name !== '.sinapsis')).toEqual([]);
  });

  it('raw pixels that would not fit in memory are refused before the feature matrix is allocated', async () => {
    // 5000 digits resized to 512×512 would be a 5.2 GB Float32 matrix, for a model that is small by itself.
    const before = rssMb();
    const started = performance.now();
    const result = await dispatch(
      core,
      'experiment.run',
      {
        taskId: 'huge-pixels',
        datasetId: digits,
        features: { kind: 'pixels', resize: { width: 512, height: 512 } },
        model: { name: 'small', inputShape: [512 * 512], layers: [{ type: 'output', units: 10 }] },
      },
      () => undefined,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'model-too-large', message: expect.stringMatching(/data [\d.]+ GiB/) } });
    expect(rssMb() - before).toBeLessThan(300);
    expect(performance.now() - started).toBeLessThan(5_000);
    // No run folder (the state folder beside the runs keeps the recent datasets opened above).
    expect(readdirSync(root).filter((name) => name !== '.sinapsis')).toEqual([]);
  });

  it('a CSV larger than the limit is refused by its size, before it is read', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sinapsis-big-csv-')), 'enorme.csv');
    writeFileSync(file, 'x,y\n1,2\n');
    truncateSync(file, 300 * 1024 ** 2); // sparse: 300 MB on paper, nothing on disk
    const before = rssMb();
    const result = await dispatch(core, 'dataset.openCsv', { path: file }, () => undefined);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'csv-too-large', message: expect.stringMatching(/is 300 MB; the limit is 256 MB\. Use a sample of the rows\./) },
    });
    expect(rssMb() - before).toBeLessThan(100);
    await rm(file, { force: true });
  });

  it('an image folder over the pixel budget is refused while loading, holding no more than the budget', async () => {
    const folder = await buildDigitLikeFolder(2, 100, 32); // 200 images of 1 KiB of pixels each
    try {
      const budget = 40 * 1024;
      const error = await loadImageFolder(folder, {
        signal: new AbortController().signal,
        datasetId: 'over-budget',
        maxPixelBytes: budget,
        threads: 0,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SinapsisError);
      const refusal = error as SinapsisError;
      expect(refusal.code).toBe('dataset-too-large');
      expect(refusal.message).toMatch(
        /The images need more than \d+ MB of memory \(stopped at \d\/\d+\.png, \d+ images loaded\)\. Use smaller images or fewer of them\./,
      );
      // It stopped as soon as the budget was passed: at most the budget's worth of images was ever kept.
      expect(refusal.params?.loaded).toBeLessThanOrEqual(budget / (32 * 32));
      expect(refusal.params?.loaded).toBeGreaterThan(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
