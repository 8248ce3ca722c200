import type { HistoryRow } from '../../../shared/contract/runs';
import { lineChartSvg } from './svgCharts';

const TRAIN_COLOR = '#3949ab';
const VAL_COLOR = '#e65100';

/** One learning-curve chart of a run: its file name (without extension) and its self-contained SVG. */
export interface RunChart {
  name: string;
  svg: string;
  width: number;
  height: number;
}

export const CHART_SIZE = { width: 560, height: 300 } as const;

/**
 * The learning curves of a run, as the report shows them and as the chart files hold them: loss (and accuracy
 * when recorded) per epoch, training solid and validation dashed, one pair per fold in a k-fold run.
 */
export function runCharts(history: readonly HistoryRow[], t: Record<string, string>): RunChart[] {
  const folds = [...new Set(history.map((row) => row.fold))];
  const charts: RunChart[] = [];
  for (const fold of folds) {
    const rows = history.filter((row) => row.fold === fold);
    const suffix = fold === null ? '' : ` — ${t.fold} ${fold}`;
    const fileSuffix = fold === null ? '' : `-fold-${fold}`;
    const lossSeries = [
      { name: t.trainSeries, color: TRAIN_COLOR, points: rows.map((r) => [r.epoch, r.trainLoss] as const) },
      ...(rows.some((r) => r.valLoss !== null) ? [{ name: t.valSeries, color: VAL_COLOR, dashed: true, points: rows.map((r) => [r.epoch, r.valLoss] as const) }] : []),
    ];
    charts.push({ name: `loss${fileSuffix}`, svg: lineChartSvg(lossSeries, { title: t.lossCurve + suffix, xLabel: t.epoch, yLabel: t.loss, ...CHART_SIZE }), ...CHART_SIZE });
    if (rows.some((r) => r.trainAccuracy !== null)) {
      const accuracySeries = [
        { name: t.trainSeries, color: TRAIN_COLOR, points: rows.map((r) => [r.epoch, r.trainAccuracy] as const) },
        ...(rows.some((r) => r.valAccuracy !== null) ? [{ name: t.valSeries, color: VAL_COLOR, dashed: true, points: rows.map((r) => [r.epoch, r.valAccuracy] as const) }] : []),
      ];
      charts.push({
        name: `accuracy${fileSuffix}`,
        svg: lineChartSvg(accuracySeries, { title: t.accuracyCurve + suffix, xLabel: t.epoch, yLabel: t.accuracy, yRange: [0, 1], ...CHART_SIZE }),
        ...CHART_SIZE,
      });
    }
  }
  return charts;
}
