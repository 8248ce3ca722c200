import type { DatasetSummary, TaskKind } from '../contract/datasets';
import type { FeatureChoice } from '../contract/experiment';
import { outputUnitsFor, type InputShape } from '../features/featureShape';
import type { OutputActivationKind } from './activationTable';
import { outputFits } from './adaptPreset';
import { LOSSES, defaultLoss, type LossName } from './lossTable';
import { lossPairingProblems } from './lossPairing';
import { parseModelSpec, type ModelSpec } from './modelSpec';
import { suggestArchitecture } from './ruleOfThumb';

/** What kind of data a dataset is, as far as the later steps care: what they must be valid for. */
export interface DatasetTraits {
  name: string;
  kind: 'images' | 'table';
  task: TaskKind;
  /** Classes of a classifier (0 for regression). */
  classes: number;
  /** Columns of a table (0 for images). */
  columns: number;
}

export function datasetTraits(dataset: DatasetSummary): DatasetTraits {
  const task = dataset.kind === 'table' ? dataset.task : 'classification';
  return {
    name: dataset.name,
    kind: dataset.kind,
    task,
    classes: task === 'regression' ? 0 : dataset.classes.length,
    columns: dataset.kind === 'table' ? dataset.features.length : 0,
  };
}

/** The session's choices that depend on the dataset (Características, Modelo, Entrenamiento). */
export interface DatasetDependentChoices {
  /** Null: the dataset's default (the Características step's HOG for images, every column for tables). */
  features: FeatureChoice | null;
  model: ModelSpec;
  followFeatures: boolean;
  loss: LossName;
}

/** One choice changed to fit new data, with what it was and what it became (the notice words it). */
export type DatasetFitChange =
  | { kind: 'features'; from: FeatureChoice['kind']; to: 'columns' | 'hog' }
  | { kind: 'model'; reason: 'needs-images'; to: string }
  | { kind: 'input'; from: number[]; to: number[] }
  | { kind: 'output'; from: number; to: number; task: TaskKind }
  | { kind: 'outputActivation'; from: OutputActivationKind; to: OutputActivationKind; task: TaskKind }
  | { kind: 'loss'; from: LossName; to: LossName; reason: 'task' | 'pairing' };

/** Output activations bounded to (0, 1) or (-1, 1): they cannot produce a regression target such as 35,2. */
const BOUNDED_OUTPUTS: readonly OutputActivationKind[] = ['sigmoid', 'softmax', 'step', 'tanh'];

/**
 * The choices made for the previous data, made valid for `dataset`: what a student set for an image set (raw
 * pixels, a CNN, ten softmax outputs, cross-entropy) is not left behind to fail when a table for regression is
 * loaded next, and nothing is changed that still fits. Each change is listed, so the views can say what changed
 * and why. `featureShape` gives the input shape the session derives from a feature choice (with the HOG pipeline
 * of Características). `previous` is the data the choices were made for (null before any).
 */
export function fitToDataset(
  choices: DatasetDependentChoices,
  dataset: DatasetSummary,
  previous: DatasetTraits | null,
  featureShape: (features: FeatureChoice | null) => InputShape | null,
): { choices: DatasetDependentChoices; changes: DatasetFitChange[] } {
  const traits = datasetTraits(dataset);
  const changes: DatasetFitChange[] = [];
  let { features, model, followFeatures, loss } = choices;

  // Características: pixels and HOG exist only for images, columns only for tables.
  if (features && traits.kind === 'table' && features.kind !== 'columns') {
    changes.push({ kind: 'features', from: features.kind, to: 'columns' });
    features = null;
  } else if (features && traits.kind === 'images' && features.kind === 'columns') {
    changes.push({ kind: 'features', from: 'columns', to: 'hog' });
    features = null;
  }

  const shape = featureShape(features);
  const outputs = outputUnitsFor(dataset);
  // A convolutional network needs an image input; a table's row is a vector: the rule of thumb's MLP takes its place.
  if (
    shape &&
    shape.length === 1 &&
    model.layers.some((layer) => layer.type === 'conv2d' || layer.type === 'maxPool' || layer.type === 'avgPool') &&
    outputs
  ) {
    const suggested = parseModelSpec(suggestArchitecture(shape[0], outputs).spec);
    model = { ...suggested, seed: model.seed };
    changes.push({ kind: 'model', reason: 'needs-images', to: suggested.name });
  } else if (shape && shape.join('x') !== model.inputShape.join('x')) {
    changes.push({ kind: 'input', from: [...model.inputShape], to: [...shape] });
    model = { ...model, inputShape: shape };
  }
  if (shape) followFeatures = true;

  const last = model.layers[model.layers.length - 1];
  if (last?.type === 'output' && outputs) {
    let output = last;
    if (!outputFits(output, outputs)) {
      changes.push({ kind: 'output', from: output.units, to: outputs, task: traits.task });
      output = { ...output, units: outputs };
    }
    const activation = fittingOutputActivation(output.activation, traits.task, output.units);
    if (activation !== output.activation) {
      changes.push({ kind: 'outputActivation', from: output.activation, to: activation, task: traits.task });
      output = { ...output, activation };
    }
    if (output !== last) model = { ...model, layers: [...model.layers.slice(0, -1), output] };
  }

  // Entrenamiento: a loss made for the other task (when the task changed), or one that cannot work with this output.
  const finalOutput = model.layers[model.layers.length - 1];
  const units = finalOutput?.type === 'output' ? finalOutput.units : (outputs ?? 1);
  const regression = traits.task === 'regression';
  const wanted = defaultLoss(regression, units);
  // A class loss on a continuous target is meaningless; a regression loss on classes (MSE) is a choice the course
  // makes on purpose, so it is changed only when the data was a regression a moment ago.
  const wrongTask = regression
    ? LOSSES[loss].task === 'classification'
    : LOSSES[loss].task === 'regression' && previous?.task === 'regression';
  if (wrongTask) {
    changes.push({ kind: 'loss', from: loss, to: wanted, reason: 'task' });
    loss = wanted;
  } else {
    const broken = lossPairingProblems({
      loss,
      outputActivation: finalOutput?.type === 'output' ? finalOutput.activation : 'identity',
      classes: regression ? null : traits.classes,
    }).some((problem) => problem.severity === 'error');
    if (broken && wanted !== loss) {
      changes.push({ kind: 'loss', from: loss, to: wanted, reason: 'pairing' });
      loss = wanted;
    }
  }

  return { choices: { features, model, followFeatures, loss }, changes };
}

/** Regression needs an unbounded output (identity); classes need one that gives class scores (softmax, or sigmoid for one unit). */
function fittingOutputActivation(current: OutputActivationKind, task: TaskKind, units: number): OutputActivationKind {
  if (task === 'regression') return BOUNDED_OUTPUTS.includes(current) ? 'identity' : current;
  if (current !== 'identity') return current;
  return units === 1 ? 'sigmoid' : 'softmax';
}
