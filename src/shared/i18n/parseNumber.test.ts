import { describe, expect, it } from 'vitest';
import { decimalSeparator, formatForInput, parseLocaleNumber, rangeProblem } from './parseNumber';

describe('parseLocaleNumber', () => {
  it('reads the decimal comma in es and pt and the point everywhere, never as thousands', () => {
    for (const locale of ['es', 'es-ES', 'pt', 'pt-BR']) {
      expect(parseLocaleNumber('0,05', locale)).toBe(0.05);
      expect(parseLocaleNumber('0.05', locale)).toBe(0.05);
      expect(parseLocaleNumber(',5', locale)).toBe(0.5);
      expect(parseLocaleNumber('1.000', locale)).toBe(1);
      expect(parseLocaleNumber('1,000', locale)).toBe(1);
      expect(parseLocaleNumber('-0,3', locale)).toBe(-0.3);
      expect(parseLocaleNumber('1,5e-3', locale)).toBe(0.0015);
    }
    expect(parseLocaleNumber('0.05', 'en')).toBe(0.05);
    expect(parseLocaleNumber('  12 ', 'en')).toBe(12);
    expect(parseLocaleNumber('\u22122', 'es')).toBe(-2);
  });

  it('refuses what it would have to guess: two separators, several commas, a comma in English, text', () => {
    for (const text of ['1.000,5', '1,000,000', '1,5.3', '', ' ', 'abc', '0,05x', '--1', '1e', 'Infinity', 'NaN', '1 000']) {
      expect(parseLocaleNumber(text, 'es'), text).toBeNull();
    }
    expect(parseLocaleNumber('0,05', 'en')).toBeNull();
    expect(parseLocaleNumber('1,000', 'en')).toBeNull();
  });
});

describe('formatForInput', () => {
  it('writes every digit with the locale separator and reads back to the same number', () => {
    expect(decimalSeparator('es')).toBe(',');
    expect(decimalSeparator('en')).toBe('.');
    for (const value of [0.05, 0.1, 1e-7, 12345.678, -3, 100, 0.3333333333333333]) {
      for (const locale of ['es', 'pt', 'en']) expect(parseLocaleNumber(formatForInput(value, locale), locale)).toBe(value);
    }
    expect(formatForInput(0.05, 'es')).toBe('0,05');
    expect(formatForInput(12345.5, 'pt')).toBe('12345,5');
    expect(formatForInput(null, 'es')).toBe('');
  });
});

describe('rangeProblem', () => {
  it('names what is wrong', () => {
    expect(rangeProblem(1000, { min: 0, max: 100, minExclusive: true })).toBe('too-big');
    expect(rangeProblem(0, { min: 0, max: 100, minExclusive: true })).toBe('too-small');
    expect(rangeProblem(0, { min: 0 })).toBeNull();
    expect(rangeProblem(2.5, { min: 1, integer: true })).toBe('not-integer');
    expect(rangeProblem(null, {})).toBe('not-a-number');
    expect(rangeProblem(0.05, { min: 0, max: 100, minExclusive: true })).toBeNull();
  });
});
