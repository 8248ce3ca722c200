import type { ChartSeries } from '../charts/LineChart.vue';
import type { HistoryRow } from './runLoader';

/** What the comparison overlays: one curve per run, or training and validation of each run together. */
export const COMPARISON_METRICS = ['loss', 'accuracy', 'trainLoss', 'valLoss', 'trainAccuracy', 'valAccuracy'] as const;
export type ComparisonMetric = (typeof COMPARISON_METRICS)[number];

/** The two curves a paired metric draws for each run. */
const PAIRS = { loss: ['trainLoss', 'valLoss'], accuracy: ['trainAccuracy', 'valAccuracy'] } as const;
type HistoryMetric = (typeof PAIRS)[keyof typeof PAIRS][number];

/** One colour per run, and one line pattern per run, so that runs stay apart on a grey printout or for colour-blind eyes. */
export const RUN_COLOURS = ['#3949ab', '#d84315', '#2e7d32', '#8e24aa'] as const;
export const RUN_DASHES: readonly (readonly number[])[] = [[], [10, 5], [2, 4], [12, 4, 2, 4]];
/** Training and validation of the same run share its pattern and differ in thickness. */
export const TRAIN_WIDTH = 2.6;
export const VALIDATION_WIDTH = 1.2;

export interface ComparedRun {
  label: string;
  history: readonly HistoryRow[];
}

/**
 * The comparison chart's series: run i gets colour i and dash pattern i; with a paired metric ("loss": training
 * and validation) each run draws its training curve thick and its validation curve thin, both in its pattern.
 * k-fold runs: the first fold's curve, so that every run is drawn over the same epochs.
 */
export function comparisonSeries(
  runs: readonly ComparedRun[],
  metric: ComparisonMetric,
  partName: (part: HistoryMetric) => string,
): ChartSeries[] {
  return runs.flatMap((run, i) => {
    const firstFold = run.history[0]?.fold ?? null;
    const rows = run.history.filter((row) => row.fold === firstFold);
    const style = { color: RUN_COLOURS[i % RUN_COLOURS.length], dash: [...RUN_DASHES[i % RUN_DASHES.length]] };
    if (metric === 'loss' || metric === 'accuracy') {
      const [train, validation] = PAIRS[metric];
      const series: ChartSeries[] = [
        { ...style, label: `${run.label} · ${partName(train)}`, data: rows.map((row) => row[train]), width: TRAIN_WIDTH },
      ];
      if (rows.some((row) => row[validation] !== null))
        series.push({
          ...style,
          label: `${run.label} · ${partName(validation)}`,
          data: rows.map((row) => row[validation]),
          width: VALIDATION_WIDTH,
        });
      return series;
    }
    return [{ ...style, label: run.label, data: rows.map((row) => row[metric]), width: TRAIN_WIDTH }];
  });
}
