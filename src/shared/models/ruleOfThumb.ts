import type { ModelSpecInput } from './modelSpec';

/**
 * The course's starting architecture (seed 004, "Treinamento de um MLP para o dataset Wine"):
 * start with 2 hidden layers; use powers of 2 for each layer's neurons; the first about half the number of
 * features, each next one half of the previous. Wine: 13 features -> 8 -> 4 -> 3 classes, and
 * 8×(13+1) + 4×(8+1) = 148 parameters in the hidden layers (+ 3×(4+1) = 15 in the output layer).
 */
export interface ArchitectureSuggestion {
  hiddenUnits: [number, number];
  /** Parameters of the two hidden layers, the figure the lecture computes. */
  hiddenParams: number;
  outputParams: number;
  totalParams: number;
  /** "8×(13+1) + 4×(8+1) = 148" */
  arithmetic: string;
  spec: ModelSpecInput;
}

/** The power of 2 nearest to x (in the logarithmic sense), at least 2: the lecture's list starts at 2. */
export function nearestPowerOfTwo(x: number): number {
  return Math.max(2, 2 ** Math.round(Math.log2(Math.max(x, 1))));
}

export function suggestArchitecture(features: number, outputs: number): ArchitectureSuggestion {
  if (!Number.isInteger(features) || features < 1 || !Number.isInteger(outputs) || outputs < 1) {
    throw new RangeError(`The rule of thumb needs at least one feature and one output (got ${features} and ${outputs}).`);
  }
  const first = nearestPowerOfTwo(features / 2);
  const second = Math.max(2, first / 2);
  const hiddenParams = first * (features + 1) + second * (first + 1);
  const outputParams = outputs * (second + 1);
  const classification = outputs > 1;
  return {
    hiddenUnits: [first, second],
    hiddenParams,
    outputParams,
    totalParams: hiddenParams + outputParams,
    arithmetic: `${first}×(${features}+1) + ${second}×(${first}+1) = ${hiddenParams}`,
    spec: {
      name: `${features}-${first}-${second}-${outputs}`,
      inputShape: [features],
      layers: [
        { type: 'dense', units: first, activation: 'relu' },
        { type: 'dense', units: second, activation: 'relu' },
        { type: 'output', units: outputs, activation: classification ? 'softmax' : 'sigmoid' },
      ],
    },
  };
}
