/**
 * The losses (seed 001, "Funciones de pérdida"), once; their tensor form is `core/engine/losses.ts` and their
 * per-sample form the didactic engine's `batchedDense.ts`, both exhaustive switches over `LossName`.
 * - mse, mae, mape: regression (mape = 100 · mean |t - z| / |t|)
 * - binaryCrossEntropy: sigmoid outputs with targets in {0, 1}
 * - categoricalCrossEntropy: softmax outputs with one-hot targets (-Σ t ln z)
 * - hinge: max(0, 1 - t·z) with targets mapped from {0, 1} to {-1, +1}; pair it with a linear or tanh output
 */
export const LOSSES = {
  mse: { task: 'regression' },
  mae: { task: 'regression' },
  mape: { task: 'regression' },
  binaryCrossEntropy: { task: 'classification' },
  categoricalCrossEntropy: { task: 'classification' },
  hinge: { task: 'classification' },
} as const satisfies Record<
  string,
  { /** What it is meant for (the CLI's default, the report's wording). */ task: 'regression' | 'classification' }
>;
export type LossName = keyof typeof LOSSES;
export const LOSS_NAMES = Object.keys(LOSSES) as [LossName, ...LossName[]];

/** Tables' continuous targets get MSE; one output binary cross-entropy; several outputs categorical cross-entropy. */
export function defaultLoss(regression: boolean, outputs: number): LossName {
  if (regression) return 'mse';
  return outputs === 1 ? 'binaryCrossEntropy' : 'categoricalCrossEntropy';
}
