/**
 * Splits delimited text into rows of cells (RFC 4180: double quotes around fields, "" for a quote inside,
 * line breaks inside quotes allowed). Each row keeps the 1-based line number where it starts, for messages.
 * Blank lines are dropped.
 */
export function parseDelimited(text: string, delimiter: string, maxRows = Infinity): { cells: string[][]; lines: number[] } {
  const cells: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0].trim() !== '' || fieldStarted) {
      cells.push(row);
      lines.push(rowLine);
    }
    row = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length && cells.length < maxRows; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      fieldStarted = true;
      field = '';
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
    }
  }
  if (cells.length < maxRows && (field !== '' || row.length > 0 || fieldStarted)) endRow();
  return { cells, lines };
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter that splits the first lines into the same number (at least 2) of fields most
 * consistently; ties go to the one giving more columns. A single-column file falls back to a comma.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: Delimiter; score: number; columns: number } = { delimiter: ',', score: 0, columns: 1 };
  for (const delimiter of DELIMITERS) {
    const { cells } = parseDelimited(sample, delimiter, 50);
    if (cells.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of cells) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const [columns, rows] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (columns < 2) continue;
    const score = rows / cells.length;
    if (score > best.score || (score === best.score && columns > best.columns)) best = { delimiter, score, columns };
  }
  return best.delimiter;
}
