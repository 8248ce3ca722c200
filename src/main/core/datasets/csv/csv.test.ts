import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SinapsisError } from '../../../../shared/contract';
import { buildTable, decideTask } from './buildTable';
import { looksLikeHeader } from './inspectCsv';
import { openCsv } from './openCsv';
import { detectDelimiter, parseDelimited } from './parseDelimited';
import { parseNumber } from './parseNumber';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sinapsis-csv-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function csvFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<SinapsisError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(SinapsisError);
    return error as SinapsisError;
  }
  throw new Error('expected a SinapsisError');
}

describe('parseDelimited', () => {
  it('handles quotes, escaped quotes, delimiters and newlines inside quotes, CRLF and blank lines', () => {
    const { cells, lines } = parseDelimited('a,"b, c","say ""hi"""\r\n\r\n1,"two\nlines",3\n', ',');
    expect(cells).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', 'two\nlines', '3'],
    ]);
    expect(lines).toEqual([1, 3]);
  });
});

describe('detectDelimiter', () => {
  it('finds comma, semicolon, tab and pipe', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
  });
});

describe('parseNumber', () => {
  it('reads plain and scientific numbers, and decimal commas only when the delimiter is not a comma', () => {
    expect(parseNumber(' -1.5e3 ', ',')).toBe(-1500);
    expect(parseNumber('.5', ',')).toBe(0.5);
    expect(parseNumber('1,5', ';')).toBe(1.5);
    expect(parseNumber('1,5', ',')).toBeNull();
    expect(parseNumber('abc', ',')).toBeNull();
    expect(parseNumber('', ',')).toBeNull();
  });
});

describe('looksLikeHeader', () => {
  it('detects a header over numeric rows and its absence', () => {
    expect(
      looksLikeHeader(
        [
          ['x', 'y'],
          ['1', '2'],
          ['3', '4'],
        ],
        ',',
      ),
    ).toBe(true);
    expect(
      looksLikeHeader(
        [
          ['1', '2'],
          ['3', '4'],
        ],
        ',',
      ),
    ).toBe(false);
    expect(
      looksLikeHeader(
        [
          ['5.1', 'setosa'],
          ['4.9', 'setosa'],
        ],
        ',',
      ),
    ).toBe(false);
  });
});

describe('decideTask', () => {
  it('treats text and few integers as classes, and continuous values as regression', () => {
    expect(decideTask(['a', 'b'], ',', 'auto')).toBe('classification');
    expect(decideTask(['0', '1', '2', '1'], ',', 'auto')).toBe('classification');
    expect(decideTask(['0.5', '1.25', '3'], ',', 'auto')).toBe('regression');
    expect(
      decideTask(
        Array.from({ length: 50 }, (_, i) => String(i)),
        ',',
        'auto',
      ),
    ).toBe('regression');
    expect(decideTask(['0.5', '1.25'], ',', 'classification')).toBe('classification');
  });
});

describe('openCsv + buildTable', () => {
  it('opens the bundled Wine data: 178 x 13, three integer classes, target suggested by name', async () => {
    const draft = await openCsv(join(process.cwd(), 'resources/datasets/wine/wine.csv'), 'auto', 'auto', 'w');
    expect(draft.inspection).toMatchObject({ delimiter: ',', hasHeader: true, rows: 178 });
    expect(draft.inspection.columns).toHaveLength(14);
    expect(draft.inspection.suggestedTarget).toBe(13);
    const table = buildTable(draft, draft.inspection.suggestedTarget, 'auto', 'wt');
    expect(table.summary).toMatchObject({ task: 'classification', rows: 178, target: 'class' });
    expect(table.summary.features).toHaveLength(13);
    expect(table.summary.classes).toEqual([
      { name: '0', count: 59 },
      { name: '1', count: 71 },
      { name: '2', count: 48 },
    ]);
    expect(table.features[0]).toBeCloseTo(14.23);
  });

  it('reads string labels from a TSV without a header, in natural order', async () => {
    const draft = await openCsv(
      await csvFile('iris.tsv', '5.1\t3.5\tsetosa\n7.0\t3.2\tversicolor\n6.3\t3.3\tvirginica\n4.9\t3.0\tsetosa\n'),
      'auto',
      'auto',
      'i',
    );
    expect(draft.inspection).toMatchObject({ delimiter: '\t', hasHeader: false, rows: 4 });
    const table = buildTable(draft, 2, 'auto', 'it');
    expect(table.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(Array.from(table.targets)).toEqual([0, 1, 2, 0]);
    expect(table.summary.features).toEqual(['column 1', 'column 2']);
  });

  it('gives regression statistics for a continuous target, with semicolons and decimal commas', async () => {
    const draft = await openCsv(
      await csvFile('precios.csv', 'superficie;habitaciones;precio\n50,5;2;100,25\n80;3;180,5\n120;4;260\n'),
      'auto',
      'auto',
      'p',
    );
    const table = buildTable(draft, 2, 'auto', 'pt');
    expect(table.summary.task).toBe('regression');
    expect(table.summary.targetStats).toMatchObject({ min: 100.25, median: 180.5, max: 260 });
    expect(table.features[0]).toBe(50.5);
  });

  it('names the first non-numeric feature cell by line and column', async () => {
    const draft = await openCsv(await csvFile('mixto.csv', 'a,color,y\n1,2,0\n3,rojo,1\n4,azul,1\n'), 'auto', 'auto', 'm');
    expect(draft.inspection.columns[1]).toMatchObject({ numeric: false, firstNonNumeric: { row: 3, value: 'rojo' } });
    const error = await failure(() => buildTable(draft, 2, 'auto', 'mt'));
    expect(error.code).toBe('csv-not-numeric');
    expect(error.message).toContain('"mixto.csv", line 3, column "color" (2nd) holds "rojo"');
    expect(error.params).toMatchObject({ file: 'mixto.csv', line: 3, column: 'color', value: 'rojo' });
    // Choosing that column as the target makes the table valid.
    expect(buildTable(draft, 1, 'auto', 'mt2').classNames).toEqual(['2', 'azul', 'rojo']);
  });

  it('names a missing cell', async () => {
    const draft = await openCsv(await csvFile('faltan.csv', 'a,b,y\n1,2,0\n3,,1\n'), 'auto', 'auto', 'f');
    const error = await failure(() => buildTable(draft, 2, 'auto', 'ft'));
    expect(error.code).toBe('csv-missing-value');
    expect(error.message).toContain('"faltan.csv", line 3, column "b" (2nd) is empty');
  });

  it('refuses ragged rows, empty files and folders with messages that say what to do', async () => {
    const ragged = await failure(openCsv(await csvFile('ragged.csv', 'a,b,c\n1,2,3\n4,5\n'), 'auto', 'auto', 'r'));
    expect(ragged.code).toBe('csv-ragged');
    expect(ragged.message).toContain('Line 3');
    expect((await failure(openCsv(await csvFile('vacio.csv', '\n\n'), 'auto', 'auto', 'e'))).code).toBe('csv-empty');
    expect((await failure(openCsv(dir, 'auto', 'auto', 'd'))).code).toBe('csv-is-folder');
    expect((await failure(openCsv(join(dir, 'nope.csv'), 'auto', 'auto', 'n'))).code).toBe('csv-missing');
  });
});
