import { describe, expect, it } from 'vitest';
import { comparisonSeries, RUN_DASHES, TRAIN_WIDTH, VALIDATION_WIDTH } from './comparisonSeries';
import type { HistoryRow } from './runLoader';

const row = (epoch: number, fold: number | null = null): HistoryRow => ({
  fold,
  epoch,
  trainLoss: 1 / epoch,
  trainAccuracy: 0.5,
  valLoss: 2 / epoch,
  valAccuracy: 0.4,
  learningRate: 0.1,
  seconds: 1,
});
const runs = [0, 1, 2, 3].map((i) => ({ label: `${i + 1}. run`, history: [row(1), row(2), row(3)] }));
const part = (name: string) => name;

describe('comparisonSeries', () => {
  it('gives every run its own dash pattern, so four overlapping curves stay apart without colour', () => {
    const series = comparisonSeries(runs, 'valLoss', part);
    expect(series).toHaveLength(4);
    const patterns = series.map((s) => JSON.stringify(s.dash));
    expect(new Set(patterns).size).toBe(4);
    expect(series[1].dash).toEqual(RUN_DASHES[1]);
    expect(series[0].data).toEqual([2, 1, 2 / 3]);
  });

  it('a paired metric draws training thick and validation thin, in the run pattern', () => {
    const series = comparisonSeries(runs.slice(0, 2), 'loss', part);
    expect(series.map((s) => [s.label, s.width, JSON.stringify(s.dash)])).toEqual([
      ['1. run · trainLoss', TRAIN_WIDTH, JSON.stringify(RUN_DASHES[0])],
      ['1. run · valLoss', VALIDATION_WIDTH, JSON.stringify(RUN_DASHES[0])],
      ['2. run · trainLoss', TRAIN_WIDTH, JSON.stringify(RUN_DASHES[1])],
      ['2. run · valLoss', VALIDATION_WIDTH, JSON.stringify(RUN_DASHES[1])],
    ]);
  });

  it('leaves out a validation curve a run does not have, and draws only the first fold of k-fold runs', () => {
    const noValidation = [{ label: 'a', history: [row(1), row(2)].map((r) => ({ ...r, valLoss: null, valAccuracy: null })) }];
    expect(comparisonSeries(noValidation, 'accuracy', part).map((s) => s.label)).toEqual(['a · trainAccuracy']);
    const kfold = [{ label: 'k', history: [row(1, 0), row(2, 0), row(1, 1), row(2, 1)] }];
    expect(comparisonSeries(kfold, 'trainLoss', part)[0].data).toEqual([1, 0.5]);
  });
});
