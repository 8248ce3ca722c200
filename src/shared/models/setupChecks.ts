import { outputFits } from './adaptPreset';
import type { ModelSpec } from './modelSpec';

/**
 * The checks of a model against the data it will train on, said in Modelo while it is built and again in
 * Entrenamiento before Entrenar (a mismatch makes the run fail or train meaninglessly). One module so the two steps
 * cannot disagree: they once had two copies of the output rule. The loss against the output is
 * `lossPairing.ts`'s `modelLossPairingProblems`.
 */

/** The output layer, when the model ends with one. */
function outputLayer(model: ModelSpec) {
  const last = model.layers[model.layers.length - 1];
  return last?.type === 'output' ? last : null;
}

const shapeText = (shape: readonly number[]) => `[${shape.join(' × ')}]`;

/**
 * The output layer's units against the classes of the data (`wanted`: one unit per class, or null for none known).
 * One sigmoid, step or tanh neuron is a valid binary classifier (softmax with one unit is warned about separately).
 */
export function outputMismatch(model: ModelSpec, wanted: number | null): { units: number; classes: number } | null {
  const output = outputLayer(model);
  if (!wanted || !output || outputFits(output, wanted)) return null;
  return { units: output.units, classes: wanted };
}

/** The model's input shape against the features' (null when they agree or no features are chosen yet). */
export function inputMismatch(model: ModelSpec, featureShape: readonly number[] | null): { model: string; features: string } | null {
  if (!featureShape || featureShape.join('x') === model.inputShape.join('x')) return null;
  return { model: shapeText(model.inputShape), features: shapeText(featureShape) };
}
