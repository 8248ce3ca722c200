import type { EngineName } from '../../../shared/models/trainingSettings';

/** ‖∂J/∂w‖₂ over every trainable weight of one spec layer (kernel, bias, PReLU α, batch-norm γ β). */
export interface LayerGradientNorm {
  /** Index into the spec's layers. */
  layer: number;
  norm: number;
}

/** Hidden units of one layer whose activation can die (ReLU) and how many of them never fired on the probe batch. */
export interface LayerDeadUnits {
  /** Index into the spec's layers. */
  layer: number;
  units: number;
  dead: number;
}

export interface BatchDetails {
  loss: number;
  accuracy: number | null;
  gradientNorms: LayerGradientNorm[];
}

export interface Evaluation {
  loss: number;
  /** Fraction of samples whose predicted class is their label; null for regression. */
  accuracy: number | null;
}

/** A copy of every weight, to restore the best epoch's weights at the end. */
export type WeightsSnapshot = (Float32Array | Float64Array)[];

/**
 * What the training loop needs from an engine (tfjs or the didactic engine). The loop owns the order of
 * samples, epochs, early stopping and events; an engine owns the math.
 */
export interface TrainingEngine {
  readonly name: EngineName;
  /**
   * One optimizer step on these samples. Details are computed only when asked: reading values back from tfjs
   * forces a sync, which would slow every batch down. `indices` may be a view of the loop's epoch order: read
   * it during the call, do not keep or change it.
   */
  trainBatch(indices: Int32Array, wantDetails: boolean): BatchDetails | null;
  /** Mean loss and accuracy over the batches since the previous call (dropout active, without the L2 term). */
  takeEpochTotals(): Evaluation;
  evaluate(indices: readonly number[]): Evaluation;
  /**
   * Per hidden ReLU layer, its units that output 0 for every one of these samples (deadUnits.ts): one forward pass
   * without dropout, so it costs about an evaluation of the batch. Empty when no layer can die.
   */
  deadUnits(indices: readonly number[]): LayerDeadUnits[];
  /** Each weighted spec layer's kernel (biases left out), for the weight histograms. */
  layerKernels(): { layer: number; values: ArrayLike<number> }[];
  /** Outputs for rows that are not part of the training data (a grid over the plane), row after row. */
  predictRows(rows: Float32Array, count: number): Float32Array;
  snapshot(): WeightsSnapshot;
  restore(snapshot: WeightsSnapshot): void;
  dispose(): void;
}
