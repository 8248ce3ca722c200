/**
 * The learning curves of a run, one builder for Entrenamiento (live), Evaluación and the report's charts: per metric
 * (loss, accuracy), the training series (solid) and the validation series (dashed), each drawn in its one colour
 * everywhere (they used to be built three times, with two validation colours). A series with no recorded value is
 * left out (no accuracy for a regression, no validation without a validation part), except the training loss, which
 * every epoch has. The caller names the series in its language and draws them.
 */

/** The per-epoch values a curve reads (a history.csv row, a live epoch record). */
export interface CurveRow {
  epoch: number;
  trainLoss: number | null;
  valLoss: number | null;
  trainAccuracy: number | null;
  valAccuracy: number | null;
}

export type CurveMetric = 'loss' | 'accuracy';
export type CurvePart = 'train' | 'validation';

/** Training indigo, validation deep orange: distinct in print and for red-green colour blindness. */
export const CURVE_COLOURS = { train: '#3949ab', validation: '#d84315' } as const satisfies Record<CurvePart, string>;

export interface CurveSeries {
  part: CurvePart;
  metric: CurveMetric;
  /** Epoch of each value (the rows' own, so a resumed or thinned history keeps its x). */
  epochs: number[];
  /** One value per row; null where it was not recorded (a gap). */
  values: (number | null)[];
  color: string;
  dashed: boolean;
}

const FIELD = {
  loss: { train: 'trainLoss', validation: 'valLoss' },
  accuracy: { train: 'trainAccuracy', validation: 'valAccuracy' },
} as const satisfies Record<CurveMetric, Record<CurvePart, keyof CurveRow>>;

/** The series of `metric` over `rows` (one fold's rows: split a k-fold history first). */
export function learningCurveSeries(rows: readonly CurveRow[], metric: CurveMetric): CurveSeries[] {
  const parts: CurvePart[] = ['train', 'validation'];
  return parts.flatMap((part) => {
    const values = rows.map((row) => row[FIELD[metric][part]]);
    const always = metric === 'loss' && part === 'train';
    if (!always && values.every((value) => value === null)) return [];
    return [{ part, metric, epochs: rows.map((row) => row.epoch), values, color: CURVE_COLOURS[part], dashed: part === 'validation' }];
  });
}

/** The rows of one fold (`null` for a run without folds), in their order. */
export function foldRows<Row extends { fold: number | null }>(rows: readonly Row[], fold: number | null): Row[] {
  return rows.filter((row) => row.fold === fold);
}
