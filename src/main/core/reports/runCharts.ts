import type { HistoryRow } from '../../../shared/contract/runs';
import { foldRows, learningCurveSeries, type CurveSeries } from '../../../shared/evaluation/learningCurves';
import { lineChartSvg } from './svgCharts';

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
 * when recorded) per epoch, one pair per fold in a k-fold run; the series (solid training, dashed validation, their
 * colours) are `shared/evaluation/learningCurves.ts`'s, as Entrenamiento and Evaluación draw them.
 */
export function runCharts(history: readonly HistoryRow[], t: Record<string, string>): RunChart[] {
  const folds = [...new Set(history.map((row) => row.fold))];
  const charts: RunChart[] = [];
  // The report names the series by their part only ("entrenamiento", "validación"): the chart's title says the metric.
  const svgSeries = (series: CurveSeries[]) =>
    series.map((curve) => ({
      name: curve.part === 'train' ? t.trainSeries : t.valSeries,
      color: curve.color,
      ...(curve.dashed ? { dashed: true } : {}),
      points: curve.values.map((value, i) => [curve.epochs[i], value] as const),
    }));
  for (const fold of folds) {
    const rows = foldRows(history, fold);
    const suffix = fold === null ? '' : ` — ${t.fold} ${fold}`;
    const fileSuffix = fold === null ? '' : `-fold-${fold}`;
    const loss = svgSeries(learningCurveSeries(rows, 'loss'));
    charts.push({
      name: `loss${fileSuffix}`,
      svg: lineChartSvg(loss, { title: t.lossCurve + suffix, xLabel: t.epoch, yLabel: t.loss, ...CHART_SIZE }),
      ...CHART_SIZE,
    });
    const accuracy = svgSeries(learningCurveSeries(rows, 'accuracy'));
    if (accuracy.length) {
      charts.push({
        name: `accuracy${fileSuffix}`,
        svg: lineChartSvg(accuracy, {
          title: t.accuracyCurve + suffix,
          xLabel: t.epoch,
          yLabel: t.accuracy,
          yRange: [0, 1],
          ...CHART_SIZE,
        }),
        ...CHART_SIZE,
      });
    }
  }
  return charts;
}
