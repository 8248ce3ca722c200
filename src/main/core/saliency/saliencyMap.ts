import { maxOf, minOf } from '../../../shared/arrays';
import type { SaliencyMap } from '../../../shared/contract/saliency';

/**
 * A map as the contract carries it: the raw range, and the values scaled to 0..1 by the largest positive value
 * (negative values, e.g. a patch whose occlusion *raised* the probability, show as 0: they are not where the
 * network looks for this class). An all-zero map stays zero.
 */
export function normalisedMap(values: Float32Array | Float64Array, width: number, height: number): SaliencyMap {
  const min = minOf(values, 0);
  const max = maxOf(values, 0);
  const scale = max > 0 ? 1 / max : 0;
  const out = new Array<number>(width * height);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, values[i] * scale));
  return { width, height, values: out, min, max };
}
