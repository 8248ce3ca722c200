import type { Evaluation, LayerDeadUnits, LayerGradientNorm } from '../../../shared/contract/training';
import type { EngineName } from '../../../shared/models/trainingSettings';

/** The contract's types the engines report in (one definition, in shared/contract/training.ts). */
export type { Evaluation, LayerDeadUnits, LayerGradientNorm };

export interface BatchDetails {
  loss: number;
  accuracy: number | null;
  gradientNorms: LayerGradientNorm[];
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
