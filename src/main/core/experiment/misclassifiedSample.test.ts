import { describe, expect, it } from 'vitest';
import type { SamplePrediction } from './experimentMetrics';
import { spreadMistakes } from './misclassifiedSample';

const p = (index: number, trueClass: number, predictedClass: number, confidence: number): SamplePrediction => {
  const probabilities = [0, 0, 0];
  probabilities[predictedClass] = confidence;
  return { index, file: `f${index}.png`, trueClass, predictedClass, probabilities };
};

describe('misclassified sample', () => {
  const predictions = [
    p(0, 0, 1, 0.5),
    p(1, 0, 2, 0.9),
    p(2, 0, 1, 0.7),
    p(3, 0, 0, 0.99), // right: never chosen
    p(4, 1, 0, 0.6),
    p(5, 2, 1, 0.4),
    p(6, 2, 0, 0.8),
    p(7, 0, 1, 0.9), // same confidence as 1: lower index first
  ];

  it('takes one mistake per true class in turn, the most confident first', () => {
    expect(spreadMistakes(predictions, 4).map((s) => s.index)).toEqual([1, 4, 6, 7]);
    expect(spreadMistakes(predictions, 100).map((s) => s.index)).toEqual([1, 4, 6, 7, 5, 2, 0]);
  });

  it('returns nothing without mistakes or with a count of 0', () => {
    expect(spreadMistakes([p(0, 1, 1, 0.9)], 5)).toEqual([]);
    expect(spreadMistakes(predictions, 0)).toEqual([]);
  });
});
