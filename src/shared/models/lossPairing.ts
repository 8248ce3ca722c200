import type { ModelSpecInput } from './modelSpec';
import type { LossName } from './trainingSettings';

/**
 * A loss that does not suit the output it is paired with, known before training starts (the Entrenamiento view warns
 * before Entrenar; the run's diagnosis repeats it). Each one makes training silently poor or meaningless:
 * - MAPE divides by the target, and a one-hot target is 0 for every wrong class: the loss is ~10^8 and says nothing;
 * - MSE on one-hot classes works but its gradients through softmax are weak: cross-entropy is the loss for classes;
 * - hinge expects a linear or tanh output in [-1, 1]: softmax outputs are in (0, 1), so the margin can never be met;
 * - binary cross-entropy is for one sigmoid output (two classes); with more classes it scores each output alone;
 * - categorical cross-entropy reads the outputs as probabilities that add up to 1 (softmax): after a sigmoid it only
 *   pushes the true class's output up (every output can reach 1), after a linear output it takes the log of negatives.
 * The same check runs in Entrenamiento before Entrenar, in `sinapsis train` before it trains, and in the diagnosis.
 */
export type LossPairingCode =
  'loss-mape-classes' | 'loss-mse-classes' | 'loss-hinge-softmax' | 'loss-bce-multiclass' | 'loss-cce-not-softmax';

export interface LossPairingProblem {
  code: LossPairingCode;
  severity: 'error' | 'warning';
  params: Record<string, number>;
}

export interface LossPairingInput {
  loss: LossName;
  /** Name of the output layer's activation ('softmax', 'sigmoid', 'identity', …). */
  outputActivation: string;
  /** Number of classes; null for a regression target. */
  classes: number | null;
}

export function lossPairingProblems({ loss, outputActivation, classes }: LossPairingInput): LossPairingProblem[] {
  const problems: LossPairingProblem[] = [];
  const classification = classes !== null && classes >= 2;
  if (classification && loss === 'mape') problems.push({ code: 'loss-mape-classes', severity: 'error', params: { classes } });
  if (classification && loss === 'mse') problems.push({ code: 'loss-mse-classes', severity: 'warning', params: { classes } });
  if (loss === 'hinge' && outputActivation === 'softmax') problems.push({ code: 'loss-hinge-softmax', severity: 'error', params: {} });
  if (loss === 'binaryCrossEntropy' && classification && classes > 2)
    problems.push({ code: 'loss-bce-multiclass', severity: 'error', params: { classes } });
  if (loss === 'categoricalCrossEntropy' && outputActivation !== 'softmax')
    problems.push({ code: 'loss-cce-not-softmax', severity: 'error', params: {} });
  return problems;
}

/** The output layer's activation of a model ('softmax', 'sigmoid', 'identity', …; 'identity' without an output layer). */
export function outputActivationOf(model: { layers: readonly ModelSpecInput['layers'][number][] }): string {
  const last = model.layers[model.layers.length - 1];
  return last?.type === 'output' ? (last.activation ?? 'softmax') : 'identity';
}

/** The pairing problems of a model and loss for data with `classes` classes (null: a regression target). */
export function modelLossPairingProblems(
  model: { layers: readonly ModelSpecInput['layers'][number][] },
  loss: LossName,
  classes: number | null,
): LossPairingProblem[] {
  return lossPairingProblems({ loss, outputActivation: outputActivationOf(model), classes });
}
