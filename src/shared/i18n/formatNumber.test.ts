import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDecimal,
  formatDuration,
  formatLinearEquation,
  formatMath,
  formatNumber,
  formatPercent,
  formatSignificant,
  formatTuple,
  MISSING_NUMBER,
} from './formatNumber';

describe('formatNumber', () => {
  it('uses the interface language: decimal comma in es/pt, point in en', () => {
    expect(formatDecimal(1234.5678, 'es', 2)).toBe('1234,57');
    expect(formatDecimal(12345.5, 'pt', 1)).toBe('12.345,5');
    expect(formatDecimal(12345.5, 'en', 1)).toBe('12,345.5');
    expect(formatSignificant(0.000123456, 'es', 4)).toBe('0,0001235');
  });

  it('shows a dash for a missing or non-finite value instead of "NaN"', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatNumber(value, 'es')).toBe(MISSING_NUMBER);
  });

  it('percentages keep their decimals unless asked to trim them', () => {
    expect(formatPercent(0.944, 'es')).toBe('94,4\u00a0%');
    expect(formatPercent(0.95, 'en', 1)).toBe('95.0%');
    expect(formatPercent(0.95, 'en', 1, true)).toBe('95%');
    expect(formatPercent(0.9537, 'pt', 0)).toBe('95%');
  });

  it('sizes in the largest unit that keeps them at 1 or more', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'es')).toBe('1,5 KB');
    expect(formatBytes(3 * 1024 ** 3, 'en')).toBe('3 GB');
  });

  it('never shows a negative zero: a value that rounds to 0 is "0"', () => {
    expect(formatDecimal(-0, 'es', 2)).toBe('0');
    expect(formatDecimal(-0.00003, 'pt', 1)).toBe('0');
    expect(formatDecimal(-0.5, 'en', 1)).toBe('-0.5');
    expect(formatMath(-0.0001, 'es')).toBe('0');
  });

  it("writes formulas with the language's decimal separator and a true minus sign", () => {
    expect(formatMath(-0.5, 'es')).toBe('\u22120,5');
    expect(formatMath(-0.5, 'en')).toBe('\u22120.5');
    expect(formatMath(1.23456, 'pt', 3)).toBe('1,235');
    expect(formatMath(12345, 'en')).toBe('12345');
    expect(formatTuple([0.5, 1.5], 'es')).toBe('(0,5;\u00a01,5)');
    expect(formatTuple([0, -1], 'en')).toBe('(0,\u00a0\u22121)');
  });

  it('writes a line as by hand: a negative term subtracted, never "+ −1"', () => {
    const x = (coefficients: number[]) => coefficients.map((coefficient, i) => ({ coefficient, variable: `x${'₁₂'[i]}` }));
    expect(formatLinearEquation(x([1.5, 1.5]), -1, 'en')).toBe('1.5·x₁ + 1.5·x₂ \u2212 1 = 0');
    expect(formatLinearEquation(x([1.5, 1.5]), -1, 'es')).toBe('1,5·x₁ + 1,5·x₂ \u2212 1 = 0');
    expect(formatLinearEquation(x([-0.5, 2]), 0, 'pt')).toBe('\u22120,5·x₁ + 2·x₂ + 0 = 0');
    expect(formatLinearEquation(x([0.5, -0.00001]), 0.25, 'es')).toBe('0,5·x₁ + 0·x₂ + 0,25 = 0');
  });

  it('writes durations the same way wherever they are shown', () => {
    expect(formatDuration(0.46, 'es')).toBe('0,5 s');
    expect(formatDuration(42.4, 'en')).toBe('42 s');
    expect(formatDuration(185.9, 'pt')).toBe('3 min 5 s');
  });
});
