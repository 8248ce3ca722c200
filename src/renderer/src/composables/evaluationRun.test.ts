import { describe, expect, it } from 'vitest';
import { trainingSettingsSchema } from '../../../shared/models/trainingSettings';
import type { LoadedRun } from '../components/evaluation/runLoader';
import { firstFoldHistory, interruptedEpoch, matchingDatasetId, reusableSpec, reusedSettings } from './evaluationRun';

const row = (epoch: number) => ({
  epoch,
  fold: null,
  trainLoss: 1 / epoch,
  valLoss: null,
  trainAccuracy: null,
  valAccuracy: null,
  gradientNorms: [],
});
const spec = { inputShape: [2], layers: [{ type: 'output', units: 2, activation: 'softmax' }] };

/**
 * A run with only the fields these functions read; the cast stands for the rest of config.json and metrics.json,
 * which the contract's own tests cover (the renderer may not import core's full sample run).
 */
function loaded(changes: Record<string, unknown> = {}): LoadedRun {
  return {
    runId: 'r1',
    config: { dataset: { fingerprint: 'f1' }, model: { spec }, imported: null },
    metrics: {},
    history: [row(1), row(2), row(3)],
    ...changes,
  } as unknown as LoadedRun;
}

describe('what Evaluación reads from a run (useEvaluation)', () => {
  it('draws the first fold only, and a run without folds whole', () => {
    const run = loaded();
    const rows = run.history.map((row, i) => ({ ...row, fold: i % 2 === 0 ? 1 : 2 }));
    expect(firstFoldHistory(loaded({ history: rows })).every((row) => row.fold === 1)).toBe(true);
    expect(firstFoldHistory(run)).toHaveLength(run.history.length);
    expect(firstFoldHistory(null)).toEqual([]);
  });

  it('says where a run without results stopped, and nothing for a finished or imported one', () => {
    const run = loaded();
    expect(interruptedEpoch(run)).toBeNull();
    expect(interruptedEpoch(loaded({ metrics: null }))).toBe(run.history[run.history.length - 1].epoch);
    expect(interruptedEpoch(loaded({ metrics: null, history: [] }))).toBe(0);
  });

  it('puts the run settings back field by field, keeping the current value where the stored one is unknown', () => {
    const current = trainingSettingsSchema.parse({});
    const next = reusedSettings(current, { learningRate: 0.5, loss: 'squaredHinge', epochs: 7 });
    expect(next.learningRate).toBe(0.5);
    expect(next.epochs).toBe(7);
    expect(next.loss).toBe(current.loss);
  });

  it('reuses a model spec it can read, and shows the gallery only for the dataset the run was trained on', () => {
    const run = loaded();
    expect(reusableSpec(run)?.layers.length).toBeGreaterThan(0);
    expect(reusableSpec(loaded({ config: { ...run.config, model: { spec: { layers: 'none' } } } }))).toBeNull();
    expect(matchingDatasetId(run, { datasetId: 'd1', fingerprint: run.config.dataset.fingerprint })).toBe('d1');
    expect(matchingDatasetId(run, { datasetId: 'd1', fingerprint: 'another' })).toBeNull();
    expect(matchingDatasetId(run, null)).toBeNull();
  });
});
