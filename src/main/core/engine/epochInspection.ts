import type { TrainingEngine } from './engineTypes';

/**
 * What the student can look inside the network at while it trains: the distribution of each layer's weights
 * (do they grow, die out, saturate?) and, for two-feature data, the model's outputs over the plane (the
 * decision regions of TF Playground). Computed in the trainer worker after an epoch, a few times a second.
 */

export const HISTOGRAM_BINS = 30;
/** At most this many inspections per second; the first and last epoch of a fold are always inspected. */
export const INSPECTIONS_PER_SECOND = 4;

export interface WeightHistogram {
  /** Index of the spec layer. */
  layer: number;
  min: number;
  max: number;
  mean: number;
  std: number;
  /** HISTOGRAM_BINS counts over [min, max]. */
  counts: number[];
}

export interface EpochInspection {
  fold: number;
  epoch: number;
  /** The weights the fold ends with (after early stopping restored the best ones, if it did). */
  final: boolean;
  histograms: WeightHistogram[];
  /** Model outputs at each grid point (resolution² rows × outputs), or null without a grid. */
  boundary: number[] | null;
}

/** Rows of a grid over the plane, already scaled like the training data, to predict after each inspected epoch. */
export interface InspectionGrid {
  rows: Float32Array;
  count: number;
}

export function histogram(layer: number, values: ArrayLike<number>, bins = HISTOGRAM_BINS): WeightHistogram {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const n = Math.max(1, values.length);
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  const counts = new Array<number>(bins).fill(0);
  const width = max > min ? (max - min) / bins : 1;
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor((values[i] - min) / width))] += 1;
  return { layer, min: values.length ? min : 0, max: values.length ? max : 0, mean, std: Math.sqrt(squares / n), counts };
}

/** A function for the training loop: inspects the engine after an epoch when it is time to, and reports it. */
export function epochInspector(
  grid: InspectionGrid | null,
  report: (inspection: EpochInspection) => void,
  now: () => number = () => performance.now(),
) {
  let last = -Infinity;
  const interval = 1000 / INSPECTIONS_PER_SECOND;
  return (engine: TrainingEngine, fold: number, epoch: number, finalEpoch: boolean): void => {
    if (!finalEpoch && epoch !== 1 && now() - last < interval) return;
    last = now();
    const histograms = engine.layerKernels().map(({ layer, values }) => histogram(layer, values));
    const boundary = grid ? Array.from(engine.predictRows(grid.rows, grid.count), (v) => Math.round(v * 1e4) / 1e4) : null;
    report({ fold, epoch, final: finalEpoch, histograms, boundary });
  };
}
