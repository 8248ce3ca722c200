import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../shared/contract/datasets';
import { UPLOAD_CHUNK_BYTES } from '../../shared/contract/uploads';
import { pngOf } from '../core/datasets/testing/messyDataset';
import { createCore, type Core } from '../core/index';
import { dispatch } from './dispatch';

/** Opening data as people do: typed paths with ~ and spaces, a class folder by mistake, folders and zips uploaded in chunks. */

let core: Core;
let home: string;
let uploads: string;
const emit = (() => undefined) as Parameters<typeof dispatch>[3];

async function call<T>(method: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, method, payload, emit);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, params: result.error.params });
  return result.value as T;
}

/** A dataset as the browser sends it: relative paths (webkitRelativePath) and bytes. */
function photos(top: string | null, perClass = 3): { path: string; bytes: Uint8Array }[] {
  const files: { path: string; bytes: Uint8Array }[] = [];
  ['gatos', 'perros'].forEach((name, c) => {
    for (let i = 0; i < perClass; i++) files.push({ path: `${top ? `${top}/` : ''}${name}/${i}.png`, bytes: pngOf(6, 6, 100 * c + i) });
  });
  return files;
}

/** begin, chunks of at most `chunk` bytes (smaller than the real size, to cross chunk borders), finish. */
async function upload(
  name: string,
  files: { path: string; bytes: Uint8Array }[],
  options: { chunk?: number; stopAfter?: number } = {},
): Promise<ImageSummary> {
  const { uploadId } = await call<{ uploadId: string }>('upload.begin', {
    name,
    files: files.map((f) => ({ path: f.path, size: f.bytes.length })),
  });
  const chunk = options.chunk ?? 50;
  let sent = 0;
  for (const file of files) {
    for (let offset = 0; offset < file.bytes.length; offset += chunk) {
      if (options.stopAfter !== undefined && sent >= options.stopAfter) break;
      await call('upload.chunk', {
        uploadId,
        path: file.path,
        offset,
        data: Buffer.from(file.bytes.subarray(offset, offset + chunk)).toString('base64'),
      });
      sent++;
    }
  }
  return call<ImageSummary>('upload.finish', { uploadId, taskId: `finish-${uploadId}` });
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'sinapsis-home-'));
  uploads = mkdtempSync(join(tmpdir(), 'sinapsis-uploads-'));
  process.env.SINAPSIS_UPLOADS_DIR = uploads;
  process.env.SINAPSIS_UPLOAD_LIMIT_MB = '1';
  process.env.HOME = home;
  for (const file of photos('digitos')) {
    mkdirSync(join(home, ...file.path.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(home, file.path), file.bytes);
  }
  core = await createCore('cli', { runsRoot: mkdtempSync(join(tmpdir(), 'sinapsis-open-runs-')) });
});
afterAll(() => core.dispose());

describe('typed paths', () => {
  it('~ expands to the home folder and surrounding spaces are trimmed', async () => {
    const summary = await call<ImageSummary>('dataset.openFolder', { taskId: 'typed', path: '  ~/digitos  ' });
    expect(summary.root).toBe(join(home, 'digitos'));
    expect(summary.classes.map((c) => c.name)).toEqual(['gatos', 'perros']);
  });

  it('a class folder opened by mistake says to open its parent', async () => {
    await expect(call('dataset.openFolder', { taskId: 'class', path: '~/digitos/gatos' })).rejects.toMatchObject({
      code: 'dataset-is-class-folder',
      params: { files: 3, parent: join(home, 'digitos') },
    });
  });
});

describe('uploads', () => {
  it('a dropped folder arrives in chunks and opens as an ordinary dataset', async () => {
    const summary = await upload('fotos', photos('fotos'));
    expect(summary.name).toBe('fotos');
    expect(summary.classes).toEqual([
      { name: 'gatos', count: 3 },
      { name: 'perros', count: 3 },
    ]);
    expect(summary.root.startsWith(uploads)).toBe(true);
    // Same files as the folder on disk: same fingerprint.
    const local = await call<ImageSummary>('dataset.openFolder', { taskId: 'local', path: join(home, 'digitos') });
    expect(summary.fingerprint).toBe(local.fingerprint);
  });

  it('class folders dropped together open too; a class folder alone is refused with what to drop', async () => {
    expect((await upload('gatos, perros', photos(null))).classes).toHaveLength(2);
    await expect(
      upload(
        'gatos',
        photos('gatos')
          .filter((f) => f.path.includes('/gatos/'))
          .map((f) => ({ ...f, path: f.path.replace('gatos/gatos/', 'gatos/') })),
      ),
    ).rejects.toMatchObject({
      code: 'upload-no-classes',
      params: { name: 'gatos', files: 3 },
    });
  });

  it('a .zip is unpacked and opened', async () => {
    const zip = zipSync(Object.fromEntries(photos('fotos').map((f) => [f.path, f.bytes])));
    const summary = await upload('fotos.zip', [{ path: 'fotos.zip', bytes: zip }], { chunk: 1000 });
    expect(summary.classes.map((c) => c.count)).toEqual([3, 3]);
  });

  it('zips with "..", absolute paths or links are refused before anything is unpacked', async () => {
    const png = pngOf(6, 6, 1);
    for (const [name, entries] of [
      ['../fuera.png', { 'fotos/gatos/a.png': png, '../fuera.png': png }],
      ['/etc/x.png', { 'fotos/gatos/a.png': png, '/etc/x.png': png }],
    ] as const) {
      await expect(upload('malo.zip', [{ path: 'malo.zip', bytes: zipSync(entries) }])).rejects.toMatchObject({
        code: 'upload-zip-unsafe',
        params: { file: name },
      });
    }
    const link = zipSync({
      'fotos/gatos/a.png': png,
      'fotos/perros/enlace.png': [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    await expect(upload('enlace.zip', [{ path: 'enlace.zip', bytes: link }])).rejects.toMatchObject({
      code: 'upload-zip-unsafe',
      params: { file: 'fotos/perros/enlace.png' },
    });
    expect(existsSync(join(uploads, 'fuera.png'))).toBe(false);
  });

  it('a zip bomb (a few KB that expand past the limit) stops while inflating and keeps nothing', async () => {
    const bomb = zipSync({ 'fotos/gatos/ceros.png': new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    await expect(upload('bomba.zip', [{ path: 'bomba.zip', bytes: bomb }], { chunk: 4096 })).rejects.toMatchObject({
      code: 'upload-zip-too-large',
      params: { limitMb: 1 },
    });
    expect(readdirSync(uploads).filter((name) => !existsSync(join(uploads, name, '.sinapsis-upload-complete')))).toEqual([]);
  });

  it('over the limit is refused at once; a path leaving the folder is refused; an upload cut off half-way is reported and removed', async () => {
    await expect(call('upload.begin', { name: 'grande', files: [{ path: 'a/b.png', size: 2 * 1024 * 1024 }] })).rejects.toMatchObject({
      code: 'upload-too-large',
      params: { limitMb: 1 },
    });
    for (const path of ['../x.png', '/abs.png', 'a/./b.png', 'a\\b.png', 'a//b.png']) {
      await expect(call('upload.begin', { name: 'x', files: [{ path, size: 1 }] })).rejects.toMatchObject({ code: 'upload-bad-path' });
    }
    await expect(upload('fotos', photos('fotos'), { stopAfter: 4 })).rejects.toMatchObject({
      code: 'upload-incomplete',
      params: { total: 6 },
    });
    expect(UPLOAD_CHUNK_BYTES).toBe(4 * 1024 * 1024);
  });

  it('cancel deletes what arrived', async () => {
    const files = photos('fotos');
    const { uploadId } = await call<{ uploadId: string }>('upload.begin', {
      name: 'fotos',
      files: files.map((f) => ({ path: f.path, size: f.bytes.length })),
    });
    await call('upload.chunk', { uploadId, path: files[0].path, offset: 0, data: Buffer.from(files[0].bytes).toString('base64') });
    expect(existsSync(join(uploads, uploadId))).toBe(true);
    expect(await call('upload.cancel', { uploadId })).toEqual({ removed: true });
    expect(existsSync(join(uploads, uploadId))).toBe(false);
    await expect(call('upload.chunk', { uploadId, path: files[1].path, offset: 0, data: '' })).rejects.toMatchObject({
      code: 'upload-unknown',
    });
  });
});
