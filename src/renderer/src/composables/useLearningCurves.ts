import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ChartSeries } from '../components/charts/LineChart.vue';
import {
  learningCurveSeries,
  type CurveMetric,
  type CurvePart,
  type CurveRow,
  type CurveSeries,
} from '../../../shared/evaluation/learningCurves';

const LABEL_KEYS = {
  loss: { train: 'training.chart.trainLoss', validation: 'training.chart.valLoss' },
  accuracy: { train: 'training.chart.trainAccuracy', validation: 'training.chart.valAccuracy' },
} as const satisfies Record<CurveMetric, Record<CurvePart, string>>;

/**
 * The loss and accuracy curves of one fold's rows as LineChart series, built by the shared builder the report also
 * uses (`shared/evaluation/learningCurves.ts`) and named in the interface language (re-named when it changes).
 */
export function useLearningCurves(rows: Ref<readonly CurveRow[]>) {
  const { t } = useI18n();
  const chartSeries = (series: CurveSeries[]): ChartSeries[] =>
    series.map((curve) => ({
      label: t(LABEL_KEYS[curve.metric][curve.part]),
      data: curve.values,
      color: curve.color,
      ...(curve.dashed ? { dashed: true } : {}),
    }));
  return {
    lossSeries: computed(() => chartSeries(learningCurveSeries(rows.value, 'loss'))),
    accuracySeries: computed(() => chartSeries(learningCurveSeries(rows.value, 'accuracy'))),
  };
}
