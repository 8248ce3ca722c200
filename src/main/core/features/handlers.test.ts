import { encodePng, Image } from 'image-js';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HogPreview } from '../../../shared/contract/features';
import { dispatch } from '../../door/dispatch';
import { createCore } from '../index';
import { featureSets } from './featureSets';
import { hog } from './hog';
import { prepareImage } from './prepareImage';

function pattern(length: number, seed: number): number[] {
  return Array.from({ length }, (_, i) => (i * 37 + seed * 101 + ((i * i) % 13)) % 256);
}

beforeAll(async () => {
  process.env.SINAPSIS_CACHE_DIR = await mkdtemp(join(tmpdir(), 'sinapsis-hog-handlers-cache-'));
});

describe('features contract', () => {
  it('hog.preview returns the lab vector, the resized grey image and the HOG picture', async () => {
    const core = await createCore('cli');
    const data = pattern(40 * 30 * 3, 1);
    const result = await dispatch(core, 'hog.preview', { source: { kind: 'pixels', image: { width: 40, height: 30, channels: 3, data } } }, () => undefined);
    expect(result.ok).toBe(true);
    const preview = (result as { value: HogPreview }).value;
    expect(preview.length).toBe(320);
    expect(preview.cells).toEqual({ rows: 6, columns: 3 });
    expect(preview.blocks).toEqual({ rows: 5, columns: 2 });
    expect(preview.prepared).toMatchObject({ width: 12, height: 24, channels: 1 });
    expect(preview.picture).toMatchObject({ width: 12, height: 24, channels: 1 });
    expect(Math.max(...preview.picture.data)).toBe(255);
    expect(preview.input).toMatchObject({ width: 40, height: 30, channels: 3 });
    const image = { width: 40, height: 30, channels: 3 as const, data: Uint8Array.from(data) };
    const expected = hog(prepareImage(image, { grayscale: true, resize: { width: 12, height: 24 }, interpolation: 'linear' }), {
      orientations: 8,
      pixelsPerCell: [4, 4],
      cellsPerBlock: [2, 2],
      blockNorm: 'L2-Hys',
      transformSqrt: false,
    });
    expect(preview.vector).toEqual(Array.from(expected.vector));
  });

  it('hog.preview explains an image too small for one block, and bad pixel arrays are refused', async () => {
    const core = await createCore('cli');
    const tooSmall = await dispatch(
      core,
      'hog.preview',
      { source: { kind: 'pixels', image: { width: 6, height: 6, channels: 1, data: pattern(36, 2) } }, pipeline: { resize: null } },
      () => undefined,
    );
    expect(tooSmall).toMatchObject({ ok: false, error: { code: 'hog-image-too-small', params: { width: 6, height: 6, minWidth: 8, minHeight: 8 } } });
    const wrongLength = await dispatch(core, 'hog.preview', { source: { kind: 'pixels', image: { width: 6, height: 6, channels: 1, data: [1, 2, 3] } } }, () => undefined);
    expect(wrongLength).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('hog.extract runs over a loaded dataset with progress events and keeps labels for training; files outside opened folders are refused', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sinapsis-hog-dataset-'));
    for (const [c, name] of ['cero', 'uno'].entries()) {
      await mkdir(join(root, name));
      for (let i = 0; i < 5; i++) {
        await writeFile(join(root, name, `${i}.png`), encodePng(new Image(16, 28, { colorModel: 'GREY', data: Uint8Array.from(pattern(16 * 28, c * 10 + i)) })));
      }
    }
    const core = await createCore('cli');
    const events: { name: string; payload: unknown }[] = [];
    const emit = (name: string, payload: unknown) => void events.push({ name, payload });
    const opened = await dispatch(core, 'dataset.openFolder', { taskId: 'open-1', path: root }, emit);
    expect(opened.ok).toBe(true);
    const datasetId = (opened as { value: { datasetId: string } }).value.datasetId;

    const extracted = await dispatch(core, 'hog.extract', { taskId: 'hog-1', source: { kind: 'dataset', datasetId } }, emit);
    expect(extracted).toMatchObject({ ok: true, value: { length: 320, extracted: 10, failures: [], threads: 1 } });
    const value = (extracted as { value: { featureSetId: string } }).value;
    const set = featureSets.get(value.featureSetId);
    expect(set.rows).toBe(10);
    expect(Array.from(set.labels ?? [])).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(set.classNames).toEqual(['cero', 'uno']);
    const progress = events.filter((e) => e.name === 'hog.progress').map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ taskId: 'hog-1', done: 10, total: 10, failures: 0 });

    const again = await dispatch(core, 'hog.extract', { taskId: 'hog-2', source: { kind: 'dataset', datasetId } }, emit);
    expect(again).toMatchObject({ ok: true, value: { fromCache: 10 } });

    const inside = await dispatch(core, 'hog.extract', { taskId: 'hog-3', source: { kind: 'files', files: [join(root, 'uno', '3.png')] } }, emit);
    expect(inside).toMatchObject({ ok: true, value: { extracted: 1 } });
    const outside = await dispatch(core, 'hog.extract', { taskId: 'hog-4', source: { kind: 'files', files: ['/etc/passwd'] } }, emit);
    expect(outside).toMatchObject({ ok: false, error: { code: 'path-not-allowed', params: { file: '/etc/passwd' } } });
  });
});
