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
