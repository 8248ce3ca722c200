/**
 * A table row typed by the student: numbers separated by commas, spaces or semicolons. With a semicolon present,
 * commas are decimal commas ("13,2; 1,78"), as Spanish and Portuguese write them. Null unless exactly `count`
 * finite numbers were typed.
 */
export function parseRow(text: string, count: number): number[] | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const decimalComma = trimmed.includes(';');
  const cells = (decimalComma ? trimmed.split(/[;\s]+/) : trimmed.split(/[,\s]+/)).filter(Boolean);
  const values = cells.map((cell) => Number(decimalComma ? cell.replace(',', '.') : cell));
  return values.length === count && values.every(Number.isFinite) ? values : null;
}
