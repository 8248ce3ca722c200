import { describe, expect, it } from 'vitest';
import { formatBytes, formatDecimal, formatNumber, formatPercent, formatSignificant, MISSING_NUMBER } from './formatNumber';

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
});
