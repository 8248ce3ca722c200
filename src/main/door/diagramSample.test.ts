import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_HOG_PARAMS, LAB_RESIZE } from '../../shared/contract/features';
import type { DiagramSample } from '../../shared/models/diagramSample';
import { createCore, type Core } from '../core/index';
import { dispatch } from './dispatch';

/** `model.diagramSample` through the doors' dispatch: the Modelo diagram's input, from a real loaded dataset. */
let core: Core;
beforeAll(async () => {
  process.env.SINAPSIS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'sinapsis-cache-'));
  core = await createCore('cli', { runsRoot: mkdtempSync(join(tmpdir(), 'sinapsis-diagram-')) });
});
afterAll(() => core.dispose());

async function call(method: string, payload: unknown): Promise<unknown> {
  const result = await dispatch(core, method, payload, () => undefined);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

const pipeline = { grayscale: true, resize: LAB_RESIZE, interpolation: 'linear', params: LAB_HOG_PARAMS };

describe('model.diagramSample', () => {
  it('digits: the HOG cells of image 0 (the same as hog.preview), or the image itself for raw pixels', async () => {
    const { datasetId } = (await call('dataset.builtin', { taskId: 'load-digits', id: 'digits' })) as { datasetId: string };
    const hog = (await call('model.diagramSample', { datasetId, features: { kind: 'hog', pipeline } })) as DiagramSample;
    const preview = (await call('hog.preview', { source: { kind: 'dataset', datasetId, index: 0 }, pipeline })) as {
      cellHistograms: number[];
      cells: { rows: number; columns: number };
    };
    expect(hog).toMatchObject({ kind: 'hog', cellRows: preview.cells.rows, cellColumns: preview.cells.columns, orientations: 8 });
    // The lab setting: a 12×24 image in 4×4 cells is 6 rows of 3 cells.
    expect([preview.cells.rows, preview.cells.columns]).toEqual([6, 3]);
    if (hog.kind === 'hog') expect(hog.histograms).toEqual(preview.cellHistograms);
    const pixels = (await call('model.diagramSample', { datasetId, features: { kind: 'pixels', keepShape: true } })) as DiagramSample;
    expect(pixels.kind).toBe('image');
    if (pixels.kind === 'image') expect(pixels.src.startsWith('data:image/png;base64,')).toBe(true);
  });

  it("wine: the first row's first values with their column names", async () => {
    const { datasetId } = (await call('dataset.builtin', { taskId: 'load-wine', id: 'wine' })) as { datasetId: string };
    const row = (await call('model.diagramSample', { datasetId, features: { kind: 'columns' } })) as DiagramSample;
    const rows = (await call('dataset.rows', { datasetId, limit: 1 })) as { features: number[][] };
    expect(row).toMatchObject({ kind: 'row', length: 13, values: rows.features[0].slice(0, 6) });
    if (row.kind === 'row') expect(row.names[0]).toBe('alcohol');
  });

  it('a dataset that is not loaded is refused by name', async () => {
    await expect(call('model.diagramSample', { datasetId: 'nope', features: { kind: 'columns' } })).rejects.toMatchObject({
      code: 'dataset-not-loaded',
    });
  });
});
