import { describe, expect, it } from 'vitest';
import { parseModelSpec, type ModelSpec } from './modelSpec';
import { inputMismatch, outputMismatch } from './setupChecks';

function mlp(units: number, activation: string): ModelSpec {
  return parseModelSpec({
    inputShape: [320],
    layers: [
      { type: 'dense', units: 18, activation: 'relu' },
      { type: 'output', units, activation },
    ],
  });
}

describe('setup checks (Modelo and Entrenamiento share them)', () => {
  it('says when the output has not one unit per class, but accepts one sigmoid unit for two classes', () => {
    expect(outputMismatch(mlp(10, 'softmax'), 3)).toEqual({ units: 10, classes: 3 });
    expect(outputMismatch(mlp(3, 'softmax'), 3)).toBeNull();
    expect(outputMismatch(mlp(1, 'sigmoid'), 2)).toBeNull();
    expect(outputMismatch(mlp(1, 'softmax'), 2)).toEqual({ units: 1, classes: 2 });
    expect(outputMismatch(mlp(10, 'softmax'), null)).toBeNull();
  });

  it('compares the input shape with the features, written as the views show shapes', () => {
    expect(inputMismatch(mlp(10, 'softmax'), [28, 28, 1])).toEqual({ model: '[320]', features: '[28 × 28 × 1]' });
    expect(inputMismatch(mlp(10, 'softmax'), [320])).toBeNull();
    expect(inputMismatch(mlp(10, 'softmax'), null)).toBeNull();
  });
});
