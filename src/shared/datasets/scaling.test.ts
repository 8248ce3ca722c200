import { describe, expect, it } from 'vitest';
import { applyScaler, fitMinMax, fitStandardizer } from './scaling';

// Rows 0-3 are training data; row 4 is a test row with an extreme value that must not influence the fit.
const matrix = { values: [1, 10, 2, 10, 3, 10, 4, 10, 1000, -50], rows: 5, columns: 2 };
const train = [0, 1, 2, 3];

describe('fitStandardizer', () => {
  it('uses only the training rows (no leakage from the test row)', () => {
    const scaler = fitStandardizer(matrix, train);
    expect(scaler.mean).toEqual([2.5, 10]);
    expect(scaler.std[0]).toBeCloseTo(Math.sqrt(1.25), 12);
    // A constant training feature keeps std 1 rather than dividing by zero.
    expect(scaler.std[1]).toBe(1);
    // Changing the test row's values does not change the fitted parameters.
    const changed = { ...matrix, values: [...matrix.values.slice(0, 8), -7, 3] };
    expect(fitStandardizer(changed, train)).toEqual(scaler);
    // Fitting on everything would give a different mean: the test above can detect leakage.
    expect(fitStandardizer(matrix, [0, 1, 2, 3, 4]).mean[0]).not.toBeCloseTo(2.5);
  });

  it('gives training data mean 0 and std 1', () => {
    const scaled = applyScaler(fitStandardizer(matrix, train), matrix);
    const column = [0, 1, 2, 3].map((r) => scaled[r * 2]);
    expect(column.reduce((a, b) => a + b) / 4).toBeCloseTo(0, 12);
    expect(Math.sqrt(column.reduce((a, b) => a + b * b, 0) / 4)).toBeCloseTo(1, 12);
  });
});

describe('fitMinMax', () => {
  it('maps the training range to [0, 1] and lets test values fall outside it', () => {
    const scaler = fitMinMax(matrix, train);
    expect(scaler.min).toEqual([1, 10]);
    expect(scaler.range).toEqual([3, 1]);
    const scaled = applyScaler(scaler, matrix);
    expect([scaled[0], scaled[6]]).toEqual([0, 1]);
    expect(scaled[8]).toBeCloseTo(333, 0);
  });

  it('refuses an empty training part', () => {
    expect(() => fitMinMax(matrix, [])).toThrow(/empty training part/);
  });
});
