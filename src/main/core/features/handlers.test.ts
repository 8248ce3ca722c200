import { encodePng, Image } from 'image-js';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { methods, SinapsisError, type MethodName, type RequestOf } from '../../../shared/contract';
import type { HogPreview } from '../../../shared/contract/features';
import type { CallContext } from '../context';
import { datasetHandlers } from '../datasets/handlers';
import { testContext } from '../testing/testContext';
import { featuresHandlers } from './handlers';
import { hog } from './hog';
import { prepareImage } from './prepareImage';

function pattern(length: number, seed: number): number[] {
  return Array.from({ length }, (_, i) => (i * 37 + seed * 101 + ((i * i) % 13)) % 256);
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: { code: string; params?: Record<string, string | number> } };
type Emit = (name: string, payload: unknown) => void;

/** What a door does (core may not import the doors): validate against the contract, call the handler, map errors. */
async function call<M extends 'hog.preview' | 'hog.extract' | 'dataset.openFolder'>(
  name: M,
  request: RequestOf<M>,
  emit: Emit = () => undefined,
): Promise<Outcome> {
  const parsed = methods[name as MethodName].request.safeParse(request);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-request' } };
  const context: CallContext = { ...shared, emit: emit as CallContext['emit'] };
  const handler = (
    { ...featuresHandlers, 'dataset.openFolder': datasetHandlers['dataset.openFolder'] } as Record<
      string,
      (r: unknown, c: CallContext) => Promise<unknown>
    >
  )[name];
  try {
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    if (error instanceof SinapsisError) return { ok: false, error: { code: error.code, params: error.params } };
    throw error;
  }
}

/** One workspace for the whole file, as one page's calls share theirs. */
const shared = testContext();

beforeAll(async () => {
  process.env.SINAPSIS_CACHE_DIR = await mkdtemp(join(tmpdir(), 'sinapsis-hog-handlers-cache-'));
});

describe('features contract', () => {
  it('hog.preview returns the lab vector, the resized grey image and the HOG picture', async () => {
    const data = pattern(40 * 30 * 3, 1);
    const result = await call('hog.preview', { source: { kind: 'pixels', image: { width: 40, height: 30, channels: 3, data } } });
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
    const tooSmall = await call('hog.preview', {
      source: { kind: 'pixels', image: { width: 6, height: 6, channels: 1, data: pattern(36, 2) } },
      pipeline: { resize: null },
    });
    expect(tooSmall).toMatchObject({
      ok: false,
      error: { code: 'hog-image-too-small', params: { width: 6, height: 6, minWidth: 8, minHeight: 8 } },
    });
    const wrongLength = await call('hog.preview', {
      source: { kind: 'pixels', image: { width: 6, height: 6, channels: 1, data: [1, 2, 3] } },
    });
    expect(wrongLength).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('hog.extract runs over a loaded dataset with progress events and keeps labels for training; files outside opened folders are refused', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sinapsis-hog-dataset-'));
    for (const [c, name] of ['cero', 'uno'].entries()) {
      await mkdir(join(root, name));
      for (let i = 0; i < 5; i++) {
        await writeFile(
          join(root, name, `${i}.png`),
          encodePng(new Image(16, 28, { colorModel: 'GREY', data: Uint8Array.from(pattern(16 * 28, c * 10 + i)) })),
        );
      }
    }
    const events: { name: string; payload: unknown }[] = [];
    const emit = (name: string, payload: unknown) => void events.push({ name, payload });
    const opened = await call('dataset.openFolder', { taskId: 'open-1', path: root }, emit);
    expect(opened.ok).toBe(true);
    const datasetId = (opened as { value: { datasetId: string } }).value.datasetId;

    const extracted = await call('hog.extract', { taskId: 'hog-1', source: { kind: 'dataset', datasetId } }, emit);
    expect(extracted).toMatchObject({ ok: true, value: { length: 320, extracted: 10, failures: [], threads: 1 } });
    const value = (extracted as { value: { featureSetId: string } }).value;
    const set = shared.workspace.featureSets.get(value.featureSetId);
    expect(set.rows).toBe(10);
    expect(Array.from(set.labels ?? [])).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(set.classNames).toEqual(['cero', 'uno']);
    const progress = events.filter((e) => e.name === 'hog.progress').map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ taskId: 'hog-1', done: 10, total: 10, failures: 0 });

    const again = await call('hog.extract', { taskId: 'hog-2', source: { kind: 'dataset', datasetId } }, emit);
    expect(again).toMatchObject({ ok: true, value: { fromCache: 10 } });

    const inside = await call('hog.extract', { taskId: 'hog-3', source: { kind: 'files', files: [join(root, 'uno', '3.png')] } }, emit);
    expect(inside).toMatchObject({ ok: true, value: { extracted: 1 } });
    const outside = await call('hog.extract', { taskId: 'hog-4', source: { kind: 'files', files: ['/etc/passwd'] } }, emit);
    expect(outside).toMatchObject({ ok: false, error: { code: 'path-not-allowed', params: { file: '/etc/passwd' } } });

    // Previews of files follow the same rule; a readable image inside the opened folder works.
    const filePreview = await call('hog.preview', { source: { kind: 'file', path: join(root, 'cero', '2.png') } });
    expect(filePreview).toMatchObject({ ok: true, value: { length: 320, input: { width: 16, height: 28 } } });
    expect(await call('hog.preview', { source: { kind: 'file', path: '/etc/hostname' } })).toMatchObject({
      ok: false,
      error: { code: 'path-not-allowed' },
    });
    await writeFile(join(root, 'uno', 'roto.png'), 'no soy un PNG');
    expect(await call('hog.preview', { source: { kind: 'file', path: join(root, 'uno', 'roto.png') } })).toMatchObject({
      ok: false,
      error: { code: 'hog-image-unreadable' },
    });
  });
});
