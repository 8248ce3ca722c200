import { describe, expect, it } from 'vitest';
import { CURVE_COLOURS, foldRows, learningCurveSeries, type CurveRow } from './learningCurves';

const row = (epoch: number, values: Partial<CurveRow> = {}): CurveRow => ({
  epoch,
  trainLoss: 1 / epoch,
  valLoss: null,
  trainAccuracy: null,
  valAccuracy: null,
  ...values,
});

describe('learning-curve series (one builder for Entrenamiento, Evaluación and the report)', () => {
  it('gives training solid and validation dashed, each in its one colour, with the rows epochs and gaps', () => {
    const rows = [
      row(1, { valLoss: 0.9, trainAccuracy: 0.5, valAccuracy: 0.4 }),
      row(2, { valLoss: null, trainAccuracy: 0.7, valAccuracy: 0.6 }),
    ];
    expect(learningCurveSeries(rows, 'loss')).toEqual([
      { part: 'train', metric: 'loss', epochs: [1, 2], values: [1, 0.5], color: CURVE_COLOURS.train, dashed: false },
      { part: 'validation', metric: 'loss', epochs: [1, 2], values: [0.9, null], color: CURVE_COLOURS.validation, dashed: true },
    ]);
    expect(learningCurveSeries(rows, 'accuracy').map((s) => [s.part, s.values])).toEqual([
      ['train', [0.5, 0.7]],
      ['validation', [0.4, 0.6]],
    ]);
    expect(CURVE_COLOURS.validation).not.toBe(CURVE_COLOURS.train);
  });

  it('leaves out what was never recorded, but always draws the training loss', () => {
    expect(learningCurveSeries([row(1), row(2)], 'loss').map((s) => s.part)).toEqual(['train']);
    expect(learningCurveSeries([row(1), row(2)], 'accuracy')).toEqual([]);
    expect(learningCurveSeries([], 'loss').map((s) => s.values)).toEqual([[]]);
  });

  it('splits a k-fold history by fold', () => {
    const rows = [
      { fold: 1, epoch: 1 },
      { fold: 2, epoch: 1 },
      { fold: 1, epoch: 2 },
    ];
    expect(foldRows(rows, 1).map((r) => r.epoch)).toEqual([1, 2]);
    expect(foldRows(rows, null)).toEqual([]);
  });
});
