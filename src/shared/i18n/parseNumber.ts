/**
 * Numbers as people type them (the counterpart of formatNumber.ts). In Spanish and Portuguese the decimal separator
 * is the comma, and a student types `0,05`; everyone also types the point. Neither is ever read as a thousands
 * separator: `1.000` is one, and a number with both a comma and a point (`1.000,5`) is refused rather than guessed.
 * In English the comma is only a thousands separator, so it is refused too (never silently 1,5 -> 15 or 1.5).
 */

import { decimalSeparator } from './formatNumber';

export { decimalSeparator };

/** Whether a comma is read as the decimal separator in `locale`. */
function acceptsComma(locale: string): boolean {
  return decimalSeparator(locale) === ',';
}

const NUMBER_WITH_POINT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** `text` as a number, or null when it is not one (empty, letters, two separators, a comma in English). */
export function parseLocaleNumber(text: string, locale: string): number | null {
  // U+2212 is the minus sign Intl writes in some locales; people paste it back.
  let cleaned = text.trim().replace(/\u2212/g, '-');
  if (cleaned.includes(',')) {
    if (!acceptsComma(locale) || cleaned.includes('.') || cleaned.indexOf(',') !== cleaned.lastIndexOf(',')) return null;
    cleaned = cleaned.replace(',', '.');
  }
  if (!NUMBER_WITH_POINT.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/**
 * `value` as it goes back into a field: every digit it has (never rounded, so a field never changes the number it
 * shows), the locale's decimal separator, no grouping.
 */
export function formatForInput(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(value).replace('.', decimalSeparator(locale));
}

/** Allowed values of a numeric field. `minExclusive`: the value must be above `min` (a learning rate > 0). */
export interface NumberRange {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}

export type RangeProblem = 'not-a-number' | 'not-integer' | 'too-small' | 'too-big';

/** What is wrong with `value` for `range`, or null when it fits. */
export function rangeProblem(value: number | null, range: NumberRange): RangeProblem | null {
  if (value === null) return 'not-a-number';
  if (range.min !== undefined && (range.minExclusive ? value <= range.min : value < range.min)) return 'too-small';
  if (range.max !== undefined && (range.maxExclusive ? value >= range.max : value > range.max)) return 'too-big';
  if (range.integer && !Number.isInteger(value)) return 'not-integer';
  return null;
}
