import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../contract/runs';
import { runMatchesSearch } from './runSearch';

const run: RunSummary = {
  runId: '20261207T101500Z-abc123',
  status: 'completed',
  createdAt: '2026-12-07T10:15:00Z',
  dataset: 'Dígitos HOG',
  modelName: 'Mi red de clasificación',
  model: '18-10',
  engine: 'didactic',
  backend: 'wasm',
  testAccuracy: 0.9,
  epochsRun: 10,
  hasReport: false,
  hasPdf: false,
};

describe('runMatchesSearch', () => {
  it('finds a run by the model name the student typed, ignoring case and accents', () => {
    expect(runMatchesSearch(run, 'mi red')).toBe(true);
    expect(runMatchesSearch(run, 'CLASIFICACION')).toBe(true);
    expect(runMatchesSearch(run, 'otra red')).toBe(false);
  });

  it('needs every word, each in any field (name and dataset together)', () => {
    expect(runMatchesSearch(run, 'red digitos')).toBe(true);
    expect(runMatchesSearch(run, 'red wine')).toBe(false);
    expect(runMatchesSearch(run, '18-10 abc123')).toBe(true);
  });

  it('matches the words the interface shows for the run (the status in the student language)', () => {
    expect(runMatchesSearch(run, 'completada')).toBe(false);
    expect(runMatchesSearch(run, 'completada', ['completada'])).toBe(true);
  });

  it('an empty search keeps every run; a run without a name is still found by its layers', () => {
    expect(runMatchesSearch(run, '   ')).toBe(true);
    expect(runMatchesSearch({ ...run, modelName: null }, '18-10')).toBe(true);
    expect(runMatchesSearch({ ...run, modelName: null }, 'mi red')).toBe(false);
  });
});
