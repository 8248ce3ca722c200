import type { SamplePrediction } from './experimentMetrics';

/**
 * The misclassified sample shown in the report: spread over the true classes (round-robin in class order), each
 * class's most confident mistakes first, so one hard class does not fill the whole gallery.
 */
export function spreadMistakes(predictions: readonly SamplePrediction[], count: number): SamplePrediction[] {
  const byClass = new Map<number, SamplePrediction[]>();
  for (const p of predictions) {
    if (p.predictedClass === p.trueClass) continue;
    const list = byClass.get(p.trueClass) ?? [];
    list.push(p);
    byClass.set(p.trueClass, list);
  }
  const confidence = (p: SamplePrediction): number => p.probabilities[p.predictedClass] ?? 0;
  const queues = [...byClass.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, list]) => list.sort((a, b) => confidence(b) - confidence(a) || a.index - b.index));
  const chosen: SamplePrediction[] = [];
  for (let round = 0; chosen.length < count && queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) {
      if (chosen.length >= count) break;
      if (round < queue.length) chosen.push(queue[round]);
    }
  }
  return chosen;
}
