import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hogPipelineSchema } from '../../shared/contract/features';
import { createCore } from '../core/index';
import { writeSampleRun } from '../core/runs/writeSampleRun.testdata';
import { dispatch } from './dispatch';

const emit = () => undefined;

describe('exports contract', () => {
  it("writes a run's exports, lists them and hands any of them out as a download", async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-exports-'));
    const dir = await writeSampleRun(root);
    const runId = '20261122T101500Z-abc123';
    const core = await createCore('browser', {
      runsRoot: root,
      renderPng: async (images) => images.map(() => Uint8Array.from([0x89, 0x50, 0x4e, 0x47])),
    });

    const exported = await dispatch(core, 'runs.export', { runId, language: 'pt' }, emit);
    expect(exported.ok).toBe(true);
    const value = exported.ok ? (exported.value as { dir: string; files: { name: string; bytes: number }[]; pngProblem: unknown }) : null;
    expect(value?.dir).toBe(dir);
    expect(value?.pngProblem).toBeNull();
    expect(value?.files.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'confusion-matrix.csv',
        'per-class.csv',
        'charts/loss.svg',
        'charts/loss.png',
        'history.csv',
        'metrics.json',
      ]),
    );
    expect(readFileSync(join(dir, 'charts/loss.svg'), 'utf8')).toContain('Perda por época');

    const file = await dispatch(core, 'runs.file', { runId, name: 'confusion-matrix.csv' }, emit);
    expect(file).toMatchObject({
      ok: true,
      value: { name: 'confusion-matrix.csv', path: join(dir, 'confusion-matrix.csv'), mime: 'text/csv;charset=utf-8' },
    });
    const base64 = file.ok ? (file.value as { base64: string }).base64 : '';
    expect(Buffer.from(base64, 'base64').toString('utf8')).toBe(readFileSync(join(dir, 'confusion-matrix.csv'), 'utf8'));
    expect(Buffer.from(base64, 'base64').toString('utf8').split('\n')[1]).toBe('cero,3,1,0');

    for (const name of ['../config.json', 'charts/../../x', '.hidden', 'a/b.csv']) {
      expect(await dispatch(core, 'runs.file', { runId, name }, emit)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await dispatch(core, 'runs.file', { runId, name: 'report.pdf' }, emit)).toMatchObject({
      ok: false,
      error: { code: 'run-export-missing' },
    });
    expect(await dispatch(core, 'runs.export', { runId: 'nope', language: 'es' }, emit)).toMatchObject({
      ok: false,
      error: { code: 'run-not-found' },
    });
  });

  it('reports a missing Chromium for the PNG charts and still writes the rest', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-exports-'));
    await writeSampleRun(root);
    const { SinapsisError } = await import('../../shared/contract/errors');
    const core = await createCore('browser', {
      runsRoot: root,
      renderPng: () => Promise.reject(new SinapsisError('png-no-chromium', 'No Chromium')),
    });
    const exported = await dispatch(core, 'runs.export', { runId: '20261122T101500Z-abc123', language: 'en' }, emit);
    expect(exported).toMatchObject({ ok: true, value: { pngProblem: { code: 'png-no-chromium' } } });
  });

  it('exports an extracted feature set as CSV with files and classes', async () => {
    const core = await createCore('browser', { runsRoot: mkdtempSync(join(tmpdir(), 'sinapsis-exports-')) });
    core.workspaces.owner.featureSets.put({
      id: 'hog-test0001',
      kind: 'hog',
      pipeline: hogPipelineSchema.parse({}),
      length: 3,
      rows: 2,
      matrix: Float64Array.from([0.1, 0.2, 0.3, 0, 1, 0.25]),
      names: ['/data/digits/0/a.png', '/data/digits/1/b.png'],
      labels: Int32Array.from([0, 1]),
      classNames: ['0', '1'],
      datasetId: null,
    });
    const result = await dispatch(core, 'features.exportCsv', { featureSetId: 'hog-test0001' }, emit);
    expect(result).toMatchObject({
      ok: true,
      value: {
        fileName: 'digits-hog-features.csv',
        rows: 2,
        columns: 5,
        csv: 'file,label,hog_0,hog_1,hog_2\n/data/digits/0/a.png,0,0.1,0.2,0.3\n/data/digits/1/b.png,1,0,1,0.25\n',
      },
    });
    expect(await dispatch(core, 'features.exportCsv', { featureSetId: 'hog-gone' }, emit)).toMatchObject({
      ok: false,
      error: { code: 'feature-set-unknown' },
    });
  });
});
