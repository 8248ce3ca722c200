/** Cells that mean "no value" in common exports (pandas, R, spreadsheets, UCI's "?"). */
const MISSING = new Set(['', 'na', 'nan', 'n/a', 'null', 'none', '?', '-']);

export function isMissingCell(cell: string): boolean {
  return MISSING.has(cell.trim().toLowerCase());
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * The number in a cell, or null. With a delimiter other than the comma, "1,5" is read as 1.5: spreadsheets
 * in Spanish and Portuguese locales export decimal commas with semicolon separators.
 */
export function parseNumber(cell: string, delimiter: string): number | null {
  const text = cell.trim();
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (delimiter !== ',' && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return null;
}

/** The largest magnitude a feature can have: samples are trained as 32-bit floats, beyond this they are infinite. */
export const MAX_FEATURE_MAGNITUDE = 3.4028234663852886e38;

const NOT_A_NUMBER = /^[+-]?nan$/i;
const INFINITE = /^[+-]?(inf|infinity|∞)$/i;

/**
 * Why a cell is not a usable number, told apart so the message says what it is: `nan` (how pandas and NumPy
 * write a missing value, or a failed computation), `infinite` (`inf`, `-Infinity`), `too-large` (a number beyond
 * 32-bit floats, such as 1e300 or 1e400), `missing`, or `not-numeric`. Null when the cell is a usable number.
 */
export type BadNumber = 'nan' | 'infinite' | 'too-large' | 'missing' | 'not-numeric';

export function badNumber(cell: string, delimiter: string): BadNumber | null {
  const text = cell.trim();
  const value = parseNumber(text, delimiter);
  if (value !== null) return Math.abs(value) > MAX_FEATURE_MAGNITUDE ? 'too-large' : null;
  if (NOT_A_NUMBER.test(text)) return 'nan';
  if (INFINITE.test(text)) return 'infinite';
  return isMissingCell(text) ? 'missing' : 'not-numeric';
}
