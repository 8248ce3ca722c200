import { csvCell } from '../runs/historyCsv';
import type { FeatureSet } from './featureSets';

/** 9 significant digits: enough to give back every float32 exactly (the models train on float32). */
const value = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(9))) : '');

/**
 * Extracted features as CSV, as pandas.read_csv or a spreadsheet reads them: `file,label,hog_0,...,hog_{n-1}`,
 * one row per image in extraction order; `label` is the class name (empty for files outside a dataset).
 */
export function featureSetCsv(set: Pick<FeatureSet, 'kind' | 'length' | 'rows' | 'matrix' | 'names' | 'labels' | 'classNames'>): string {
  const header = ['file', 'label', ...Array.from({ length: set.length }, (_, i) => `${set.kind}_${i}`)].join(',');
  const lines = [header];
  for (let row = 0; row < set.rows; row++) {
    const label = set.labels && set.classNames ? (set.classNames[set.labels[row]] ?? String(set.labels[row])) : '';
    const cells = [csvCell(set.names[row]), csvCell(label)];
    const offset = row * set.length;
    for (let i = 0; i < set.length; i++) cells.push(value(set.matrix[offset + i]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
