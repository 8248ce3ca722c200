import { SinapsisError } from '../../../../shared/contract';
import type { TableSummary, TaskKind } from '../../../../shared/contract/datasets';
import { minMedianMax } from '../../../../shared/datasets/describeNumbers';
import { measureImbalance } from '../../../../shared/datasets/imbalance';
import type { TabularData } from '../../../../shared/datasets/tabularData';
import type { CsvDraft, TableDataset } from '../datasetTypes';
import { sha256Hex } from '../fingerprint';
import { MIN_CLASSES } from '../minimumData';
import { naturalCompare } from '../naturalCompare';
import { badNumber, isMissingCell, MAX_FEATURE_MAGNITUDE, parseNumber } from './parseNumber';

/** An integer target with at most this many distinct values is taken as class labels; otherwise as a regression target. */
export const MAX_CLASSES_FOR_INTEGER_TARGET = 20;

const ordinal = (n: number): string =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** Chooses classification or regression for a target column. */
export function decideTask(values: readonly string[], delimiter: string, requested: 'auto' | TaskKind): TaskKind {
  if (requested !== 'auto') return requested;
  const numbers = values.map((v) => parseNumber(v, delimiter));
  if (numbers.some((n) => n === null)) return 'classification';
  const integers = numbers.every((n) => Number.isInteger(n));
  return integers && new Set(numbers).size <= MAX_CLASSES_FOR_INTEGER_TARGET ? 'classification' : 'regression';
}

/**
 * Builds the numeric table for training from a parsed CSV and the chosen target column. Every other column is
 * a feature and must be numeric: the first bad cell (in file order) is named with its line and column.
 */
export function buildTable(draft: CsvDraft, target: number, requested: 'auto' | TaskKind, datasetId: string): TableDataset {
  const { header, cells, lineNumbers } = draft;
  const { delimiter } = draft.inspection;
  if (target >= header.length) {
    throw new SinapsisError('csv-bad-target', `Column ${target + 1} does not exist: "${draft.name}" has ${header.length} columns.`, {
      column: target + 1,
      columns: header.length,
    });
  }
  if (header.length < 2)
    throw new SinapsisError(
      'csv-one-column',
      `"${draft.name}" has a single column: it needs at least one feature column besides the target.`,
      { path: draft.path },
    );
  const featureColumns = header.map((_, i) => i).filter((i) => i !== target);
  const features = new Float64Array(cells.length * featureColumns.length);
  for (let r = 0; r < cells.length; r++) {
    const targetCell = cells[r][target];
    if (isMissingCell(targetCell)) {
      throw new SinapsisError(
        'csv-missing-target',
        `"${draft.name}", line ${lineNumbers[r]}: the target column "${header[target]}" is empty (missing value). Fill it in or delete that row.`,
        { file: draft.name, line: lineNumbers[r], column: header[target] },
      );
    }
    featureColumns.forEach((column, f) => {
      const cell = cells[r][column];
      const value = parseNumber(cell, delimiter);
      const problem = badNumber(cell, delimiter);
      if (value === null || problem !== null) {
        const where = `"${draft.name}", line ${lineNumbers[r]}, column "${header[column]}" (${ordinal(column + 1)})`;
        if (problem === 'nan' || problem === 'infinite' || problem === 'too-large')
          throw oddNumber(problem, where, {
            file: draft.name,
            line: lineNumbers[r],
            column: header[column],
            value: cell.trim().slice(0, 40),
          });
        if (isMissingCell(cell)) {
          throw new SinapsisError(
            'csv-missing-value',
            `${where} is empty (missing value). Fill it in or delete that row; features must all be numbers.`,
            {
              file: draft.name,
              line: lineNumbers[r],
              column: header[column],
            },
          );
        }
        throw new SinapsisError(
          'csv-not-numeric',
          `${where} holds "${cell.trim().slice(0, 40)}", which is not a number. Features must be numeric: remove or encode that column, or choose it as the target.`,
          { file: draft.name, line: lineNumbers[r], column: header[column], value: cell.trim().slice(0, 40) },
        );
      }
      features[r * featureColumns.length + f] = value;
    });
  }
  const targetTexts = cells.map((row) => row[target].trim());
  const task = decideTask(targetTexts, delimiter, requested);
  let targets: Float64Array;
  let classNames: string[] = [];
  if (task === 'classification') {
    const numeric = targetTexts.every((t) => parseNumber(t, delimiter) !== null);
    // Integer labels sort by value ("2" < "10"); text labels naturally. The index is the class label.
    const distinct = [...new Set(targetTexts.map((t) => (numeric ? String(parseNumber(t, delimiter)) : t)))];
    classNames = numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort(naturalCompare);
    const index = new Map(classNames.map((name, i) => [name, i]));
    targets = Float64Array.from(targetTexts, (t) => index.get(numeric ? String(parseNumber(t, delimiter)) : t) ?? 0);
    if (classNames.length < MIN_CLASSES) {
      throw new SinapsisError(
        'csv-one-class',
        `Only one class ("${classNames[0]}", ${cells.length} rows) was found in the target column "${header[target]}" of "${draft.name}". A classifier needs at least ${MIN_CLASSES}: choose another target column, or treat it as regression.`,
        { path: draft.name, className: classNames[0], count: cells.length },
      );
    }
  } else {
    targets = Float64Array.from(targetTexts, (t, r) => {
      const value = parseNumber(t, delimiter);
      const problem = badNumber(t, delimiter);
      if (problem === 'nan' || problem === 'infinite' || problem === 'too-large') {
        throw oddNumber(problem, `"${draft.name}", line ${lineNumbers[r]}, target column "${header[target]}"`, {
          file: draft.name,
          line: lineNumbers[r],
          column: header[target],
          value: t.slice(0, 40),
        });
      }
      if (value === null) {
        throw new SinapsisError(
          'csv-not-numeric',
          `"${draft.name}", line ${lineNumbers[r]}: the target column "${header[target]}" holds "${t.slice(0, 40)}", but a regression target must be a number. Fix that cell, or treat the target as classes.`,
          {
            file: draft.name,
            line: lineNumbers[r],
            column: header[target],
            value: t.slice(0, 40),
          },
        );
      }
      return value;
    });
  }
  return tableDataset(
    datasetId,
    {
      name: draft.name,
      source: draft.path,
      featureNames: featureColumns.map((c) => header[c]),
      targetName: header[target],
      task,
      classNames,
    },
    features,
    targets,
    sha256Hex(JSON.stringify([header, cells])),
  );
}

/** A cell that looks like a number but cannot be trained on, named for what it is (not as "missing"). */
function oddNumber(
  problem: 'nan' | 'infinite' | 'too-large',
  where: string,
  params: { file: string; line: number; column: string; value: string },
): SinapsisError {
  const what = {
    nan: 'NaN ("not a number", how pandas and NumPy write a missing or failed value)',
    infinite: 'an infinite value',
    'too-large': `a number beyond what training holds (±${MAX_FEATURE_MAGNITUDE.toExponential(2)} in 32-bit floats)`,
  }[problem];
  const code = { nan: 'csv-nan-value', infinite: 'csv-infinite-value', 'too-large': 'csv-value-too-large' }[problem];
  const fix =
    problem === 'too-large'
      ? 'Rescale that column (e.g. another unit or a logarithm) or fix the cell.'
      : 'Put a number there, or delete that row.';
  return new SinapsisError(code, `${where} holds "${params.value}": ${what}. ${fix}`, params);
}

/** Wraps numeric arrays and their description into a stored table with its summary. */
export function tableDataset(
  datasetId: string,
  meta: { name: string; source: string; featureNames: string[]; targetName: string; task: TaskKind; classNames: string[] },
  features: Float64Array,
  targets: Float64Array,
  fingerprint: string,
): TableDataset {
  const counts = new Array<number>(meta.classNames.length).fill(0);
  if (meta.task === 'classification') for (const t of targets) counts[t]++;
  const classes = meta.classNames.map((name, i) => ({ name, count: counts[i] }));
  const stats =
    meta.task === 'regression'
      ? { ...minMedianMax(targets), mean: targets.reduce((a, b) => a + b, 0) / Math.max(1, targets.length) }
      : null;
  const summary: TableSummary = {
    kind: 'table',
    datasetId,
    name: meta.name,
    source: meta.source,
    features: meta.featureNames,
    target: meta.targetName,
    task: meta.task,
    rows: targets.length,
    classes,
    imbalance: meta.task === 'classification' ? measureImbalance(classes) : null,
    targetStats: stats,
    fingerprint,
  };
  return {
    kind: 'table',
    id: datasetId,
    featureNames: meta.featureNames,
    features,
    rows: targets.length,
    targets,
    classNames: meta.classNames,
    summary,
  };
}

/** Stores a generated set (logic gates, toy 2D sets) as a table dataset. */
export function tableFromGenerated(data: TabularData, datasetId: string, source: string): TableDataset {
  const columns = data.featureNames.length;
  const features = new Float64Array(data.features.length * columns);
  data.features.forEach((row, r) => features.set(row, r * columns));
  return tableDataset(
    datasetId,
    { name: data.name, source, featureNames: data.featureNames, targetName: 'class', task: data.task, classNames: data.classNames },
    features,
    Float64Array.from(data.targets),
    sha256Hex(JSON.stringify([source, data.features, data.targets])),
  );
}
