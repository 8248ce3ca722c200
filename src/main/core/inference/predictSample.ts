import * as tf from '@tensorflow/tfjs';
import type { PredictImageResult } from '../../../shared/contract/inference';
import type { RunModel } from './runModelCache';

/** The output layer's values for one feature vector, shaped as the model's input. */
export function modelOutputs(run: RunModel, vector: Float32Array): Float32Array {
  return tf
    .tidy(() => {
      const output = run.model.predict(tf.tensor(vector, [1, ...run.inputShape])) as tf.Tensor;
      return output.dataSync() as Float32Array;
    })
    .slice();
}

/**
 * Class probabilities from the output values, as the run's predictions.json has them: softmax outputs as they are,
 * one sigmoid output p as [1 - p, p] (clamped to 0..1 for a step or tanh neuron).
 */
export function classProbabilities(outputs: Float32Array, classes: number): number[] {
  if (classes === 0) return [];
  if (outputs.length === 1) {
    const p = Math.min(1, Math.max(0, outputs[0]));
    return [1 - p, p];
  }
  return Array.from(outputs, (v) => (Number.isFinite(v) ? v : 0));
}

/** The k most probable labels, best first (ties keep the class order). */
export function topK(labels: readonly string[], probabilities: readonly number[], k: number): PredictImageResult['top'] {
  return probabilities
    .map((probability, index) => ({ label: labels[index] ?? String(index), probability, index }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, Math.min(k, probabilities.length))
    .map(({ label, probability }) => ({ label, probability }));
}

/** Everything runs.predictImage answers for one feature vector. */
export function predictVector(run: RunModel, vector: Float32Array, k: number): PredictImageResult {
  const outputs = modelOutputs(run, vector);
  const labels = run.preprocessing.classes;
  const probabilities = classProbabilities(outputs, labels.length);
  return { labels, probabilities, top: topK(labels, probabilities, k), features: vector.length, outputs: Array.from(outputs) };
}
