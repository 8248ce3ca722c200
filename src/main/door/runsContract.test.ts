import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { createCore } from '../core/index';
import { writeSampleRun } from '../core/runs/writeSampleRun.testdata';

describe('runs contract', () => {
  it('lists, searches, reads and exports a run through the doors', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-runs-'));
    const dir = await writeSampleRun(root);
    mkdirSync(join(root, 'not-a-run'));
    const printed: string[] = [];
    const core = await createCore('cli', {
      runsRoot: root,
      printPdf: async (html) => (printed.push(html), new TextEncoder().encode('%PDF-1.7 fake')),
    });
    const emit = () => undefined;

    const list = await dispatch(core, 'runs.list', {}, emit);
    expect(list).toMatchObject({
      ok: true,
      value: {
        root,
        runs: [
          {
            runId: '20261122T101500Z-abc123',
            status: 'completed',
            dataset: 'digits',
            modelName: 'MLP 320-18-3',
            model: '18-3',
            testAccuracy: 10 / 12,
          },
        ],
      },
    });
    expect(await dispatch(core, 'runs.list', { search: 'wine' }, emit)).toMatchObject({ ok: true, value: { runs: [] } });
    expect(await dispatch(core, 'runs.list', { search: 'mlp digits' }, emit)).toMatchObject({
      ok: true,
      value: { runs: [{ runId: '20261122T101500Z-abc123' }] },
    });

    const got = await dispatch(core, 'runs.get', { runId: '20261122T101500Z-abc123' }, emit);
    expect(got.ok && (got.value as { history: unknown[] }).history).toHaveLength(12);

    const exported = await dispatch(
      core,
      'report.export',
      { runId: '20261122T101500Z-abc123', language: 'pt', notes: { title: 'Meu relatório' }, pdf: true },
      emit,
    );
    expect(exported).toMatchObject({ ok: true, value: { html: join(dir, 'report.html'), pdf: join(dir, 'report.pdf') } });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('Meu relatório');
    expect(printed[0]).toContain('<html lang="pt">');
    expect(existsSync(join(dir, 'report.pdf'))).toBe(true);
    // Notes are kept for the next export.
    const again = await dispatch(core, 'runs.get', { runId: '20261122T101500Z-abc123' }, emit);
    expect(again.ok && (again.value as { notes: { title: string } }).notes.title).toBe('Meu relatório');
  });

  it('refuses run ids that would leave the runs folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-runs-'));
    const core = await createCore('cli', { runsRoot: root });
    for (const runId of ['../etc', '..', '/etc/passwd', 'a/b', '']) {
      const result = await dispatch(core, 'runs.get', { runId }, () => undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await dispatch(core, 'runs.get', { runId: 'missing' }, () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'run-not-found' },
    });
  });
});
