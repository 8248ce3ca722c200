import { describe, expect, it } from 'vitest';
import { argmaxRows, classificationReport, confusionMatrix, meanAndStd, rowNormalize } from './classificationMetrics';

describe('classification metrics', () => {
  // Reference values computed by hand and matching sklearn.metrics.classification_report for
  // y_true = [0,0,0,1,1,2,2,2,2], y_pred = [0,1,0,1,1,2,0,2,1].
  const truth = [0, 0, 0, 1, 1, 2, 2, 2, 2];
  const predicted = [0, 1, 0, 1, 1, 2, 0, 2, 1];

  it('counts the confusion matrix as [true][predicted]', () => {
    expect(confusionMatrix(truth, predicted, 3)).toEqual([
      [2, 1, 0],
      [0, 2, 0],
      [1, 1, 2],
    ]);
  });

  it('computes accuracy, per-class precision/recall/F1/support and the averages', () => {
    const report = classificationReport(truth, predicted, ['a', 'b', 'c']);
    expect(report.accuracy).toBeCloseTo(6 / 9, 12);
    expect(report.perClass[0]).toMatchObject({ label: 'a', support: 3 });
    expect(report.perClass[0].precision).toBeCloseTo(2 / 3, 12);
    expect(report.perClass[0].recall).toBeCloseTo(2 / 3, 12);
    expect(report.perClass[1].precision).toBeCloseTo(0.5, 12);
    expect(report.perClass[1].recall).toBeCloseTo(1, 12);
    expect(report.perClass[1].f1).toBeCloseTo(2 / 3, 12);
    expect(report.perClass[2].precision).toBeCloseTo(1, 12);
    expect(report.perClass[2].recall).toBeCloseTo(0.5, 12);
    expect(report.macro.f1).toBeCloseTo((2 / 3 + 2 / 3 + 2 / 3) / 3, 12);
    expect(report.weighted.recall).toBeCloseTo(report.accuracy, 12);
  });

  it('gives zero instead of NaN for a class never predicted or absent', () => {
    const report = classificationReport([0, 0, 1], [0, 0, 0], ['x', 'y', 'z']);
    expect(report.perClass[1]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(report.perClass[2]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(rowNormalize(report.confusionMatrix)[2]).toEqual([0, 0, 0]);
  });

  it('rejects class indices out of range', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(/out of range at sample 1/);
  });

  it('takes the argmax per row and the mean ± sample std', () => {
    expect(Array.from(argmaxRows([0.1, 0.7, 0.2, 0.5, 0.2, 0.3], 3))).toEqual([1, 0]);
    // numpy 1.x on Debian: np.mean(v), np.std(v) (population, ddof=0), as scikit-learn's scores.std().
    const cases: [number[], number, number][] = [
      [[0.9, 0.92, 0.94], 0.9199999999999999, 0.016329931618554488],
      [[0.8333333333333334, 0.9444444444444444, 1.0, 0.9428571428571428, 0.9714285714285714], 0.9384126984126985, 0.05653468245227739],
      [[0.5], 0.5, 0],
    ];
    for (const [values, mean, std] of cases) {
      const result = meanAndStd(values);
      expect(result.mean).toBeCloseTo(mean, 14);
      expect(result.std).toBeCloseTo(std, 14);
    }
  });
});
