import { SinapsisError } from '../../../../shared/contract';
import type { CsvInspection } from '../../../../shared/contract/datasets';
import { detectDelimiter, parseDelimited, type Delimiter } from './parseDelimited';
import { isMissingCell, parseNumber } from './parseNumber';

export interface ParsedCsv {
  delimiter: Delimiter;
  hasHeader: boolean;
  header: string[];
  cells: string[][];
  lineNumbers: number[];
}

/** Names a target column is usually given, in the course's languages too. */
const TARGET_NAMES = ['class', 'target', 'label', 'y', 'clase', 'etiqueta', 'classe', 'rotulo', 'rótulo', 'species', 'output', 'salida'];

/**
 * A first row is a header when some column is numeric below it but not in it, or when every first-row
 * cell is text that never appears again in its column (a text-only table with a header).
 */
export function looksLikeHeader(rows: string[][], delimiter: string): boolean {
  if (rows.length < 2) return rows.length === 1 && rows[0].every((cell) => parseNumber(cell, delimiter) === null);
  const [first, ...rest] = rows.slice(0, 200);
  for (let c = 0; c < first.length; c++) {
    if (parseNumber(first[c], delimiter) !== null) continue;
    const numericBelow = rest.filter((row) => parseNumber(row[c] ?? '', delimiter) !== null).length;
    if (numericBelow > rest.length / 2) return true;
  }
  const allText = first.every((cell) => parseNumber(cell, delimiter) === null && !isMissingCell(cell));
  return allText && first.every((cell, c) => rest.every((row) => row[c] !== cell));
}

/** Parses a CSV/TSV text into a rectangular table, detecting the delimiter and header unless told. */
export function parseCsvTable(
  text: string,
  path: string,
  delimiterChoice: 'auto' | Delimiter,
  headerChoice: 'auto' | 'yes' | 'no',
): ParsedCsv {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // UTF-8 byte-order mark from Excel
  if (clean.trim() === '')
    throw new SinapsisError('csv-empty', `"${path}" is empty. Choose a CSV file with a header row and data rows.`, { path });
  const delimiter = delimiterChoice === 'auto' ? detectDelimiter(clean) : delimiterChoice;
  const { cells, lines } = parseDelimited(clean, delimiter);
  const hasHeader = headerChoice === 'auto' ? looksLikeHeader(cells, delimiter) : headerChoice === 'yes';
  const width = cells[0].length;
  for (let r = 1; r < cells.length; r++) {
    if (cells[r].length !== width) {
      throw new SinapsisError(
        'csv-ragged',
        `Line ${lines[r]} of "${path}" has ${cells[r].length} fields but line ${lines[0]} has ${width} (delimiter "${delimiter === '\t' ? 'tab' : delimiter}"). Fix that line, or choose the right delimiter.`,
        { path, line: lines[r], found: cells[r].length, expected: width },
      );
    }
  }
  const header = hasHeader
    ? cells[0].map((name, i) => name.trim() || `column ${i + 1}`)
    : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  const dataCells = hasHeader ? cells.slice(1) : cells;
  const lineNumbers = hasHeader ? lines.slice(1) : lines;
  if (dataCells.length === 0) throw new SinapsisError('csv-no-rows', `"${path}" has a header but no data rows.`, { path });
  return { delimiter, hasHeader, header, cells: dataCells, lineNumbers };
}

/** Describes each column (numeric or not, first offending cell) and suggests a target. */
export function describeCsv(
  parsed: ParsedCsv,
  datasetId: string,
  path: string,
  encoding: CsvInspection['encoding'] = 'utf-8',
): CsvInspection {
  const { header, cells, lineNumbers, delimiter } = parsed;
  const columns = header.map((name, index) => {
    const distinct = new Set<string>();
    let firstNonNumeric: { row: number; value: string } | null = null;
    for (let r = 0; r < cells.length; r++) {
      const cell = cells[r][index];
      if (distinct.size < 10_000) distinct.add(cell.trim());
      if (!firstNonNumeric && parseNumber(cell, delimiter) === null) firstNonNumeric = { row: lineNumbers[r], value: cell };
    }
    return { index, name, numeric: firstNonNumeric === null, distinct: distinct.size, firstNonNumeric };
  });
  const named = header.findIndex((name) => TARGET_NAMES.includes(name.trim().toLowerCase()));
  return {
    datasetId,
    path,
    encoding,
    delimiter,
    hasHeader: parsed.hasHeader,
    rows: cells.length,
    columns,
    preview: cells.slice(0, 8),
    suggestedTarget: named >= 0 ? named : header.length - 1,
  };
}
