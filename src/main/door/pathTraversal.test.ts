import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/index';
import { buildDigitLikeFolder, pngOf } from '../core/datasets/testing/messyDataset';
import { writeSampleRun } from '../core/runs/writeSampleRun.testdata';
import { dispatch } from './dispatch';

/**
 * A tampered renderer (or a page that got hold of the WebSocket) tries to read files outside the folders the
 * student opened, through every method that takes a file or a run id. Each attempt is refused and nothing of
 * the target's content comes back.
 */

let core: Core;
let base: string;
let folder: string;
let datasetId: string;
const SECRET = 'SECRET-CONTENT-42';

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'sinapsis-traversal-'));
  folder = await buildDigitLikeFolder(2, 3, 12);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'secret.png'), pngOf(12, 12, 99));
  // Links inside the opened folder that point out of it.
  symlinkSync(join(base, 'secret.png'), join(folder, '0', 'link-out.png'));
  symlinkSync(base, join(folder, '1', 'dir-out'));
  // A run outside the runs folder, next to it.
  const runsRoot = join(base, 'runs');
  mkdirSync(runsRoot);
  await writeSampleRun(join(base, 'elsewhere'));
  core = await createCore('cli', { runsRoot });
  const opened = await dispatch(core, 'dataset.openFolder', { taskId: 'open', path: folder }, () => undefined);
  if (!opened.ok) throw new Error(opened.error.message);
  datasetId = (opened.value as { datasetId: string }).datasetId;
});
afterAll(async () => {
  core.dispose();
  await rm(base, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
});

async function refused(method: string, payload: unknown, codes: string[]): Promise<void> {
  const result = await dispatch(core, method, payload, () => undefined);
  const shown = `${method} ${JSON.stringify(payload)}`;
  expect(result.ok, shown).toBe(false);
  expect(JSON.stringify(result), shown).not.toContain(SECRET);
  expect(JSON.stringify(result), shown).not.toContain('root:x:0:0');
  if (!result.ok) expect(codes, `${shown} -> ${result.error.code}: ${result.error.message}`).toContain(result.error.code);
}

describe('path traversal through the contract', () => {
  it('dataset.image serves files of the opened folder only', async () => {
    const ok = await dispatch(core, 'dataset.image', { datasetId, file: '0/00000.png' }, () => undefined);
    expect(ok).toMatchObject({ ok: true, value: { width: 12, height: 12 } });
    for (const file of [
      '../secret.png',
      '../../etc/passwd',
      '/etc/passwd',
      '0/../../secret.png',
      `0/../../${join(base, 'secret.png')}`,
      '0/link-out.png',
      '1/dir-out/secret.png',
      '0/00000.png\0.txt',
    ]) {
      await refused('dataset.image', { datasetId, file }, ['path-not-allowed', 'invalid-request']);
    }
    // A backslash is a plain character on Linux: the name stays inside the folder and simply does not exist.
    await refused('dataset.image', { datasetId, file: '..\\..\\etc\\passwd' }, ['path-not-allowed', 'dataset-file-missing']);
  });

  it('hog.preview and hog.extract read files inside opened folders only', async () => {
    const ok = await dispatch(core, 'hog.preview', { source: { kind: 'file', path: join(folder, '0', '00000.png') } }, () => undefined);
    expect(ok.ok).toBe(true);
    const outside = [
      join(base, 'secret.png'),
      `${folder}/../${base.split('/').pop()}/secret.png`,
      join(folder, '0', '..', '..', 'etc', 'passwd'),
      `${folder}/0/../../../../../etc/passwd`,
      '../../etc/passwd',
      '/etc/passwd',
      join(folder, '0', 'link-out.png'),
      join(folder, '1', 'dir-out', 'secret.png'),
    ];
    for (const path of outside) {
      await refused('hog.preview', { source: { kind: 'file', path } }, ['path-not-allowed']);
      await refused('hog.extract', { taskId: 'steal', source: { kind: 'files', files: [join(folder, '0', '00000.png'), path] } }, [
        'path-not-allowed',
      ]);
    }
  });

  it('runs.* address runs by id only: no path leaves the runs folder', async () => {
    for (const runId of [
      '..',
      '../elsewhere',
      '../elsewhere/20261122T101500Z-abc123',
      '/etc',
      '.',
      'a/../../b',
      '..\\elsewhere',
      '%2e%2e',
      '',
      'x'.repeat(200),
    ]) {
      for (const [method, extra] of [
        ['runs.get', {}],
        ['runs.predictions', {}],
        ['report.export', { language: 'en', notes: {}, pdf: false }],
      ] as const) {
        await refused(method, { runId, ...extra }, ['invalid-request', 'run-not-found']);
      }
    }
  });
});
