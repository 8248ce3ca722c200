import { describe, expect, it } from 'vitest';
import { SinapsisError } from '../contract/errors';
import { checkMemoryBudget, estimateMemory, modelWarnings } from './modelChecks';
import { parseModelSpec } from './modelSpec';
import { modelPresets } from './presets';
import { suggestArchitecture } from './ruleOfThumb';
import { summarizeModel, windowOutputSize } from './shapes';

function errorOf(fn: () => unknown): SinapsisError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SinapsisError) return error;
    throw error;
  }
  throw new Error('expected a SinapsisError');
}

describe('conv arithmetic (N + 2P - F) / S + 1', () => {
  it('computes valid and same sizes', () => {
    expect(windowOutputSize(28, 5, 1, 'valid', 1, 'x').size).toBe(24);
    expect(windowOutputSize(7, 3, 2, 'valid', 1, 'x').size).toBe(3);
    expect(windowOutputSize(28, 3, 2, 'same', 1, 'x').size).toBe(14);
    expect(windowOutputSize(10, 3, 1, 'valid', 2, 'x').size).toBe(6);
  });

  it('rejects a non-integer size with the numbers in the message', () => {
    const error = errorOf(() => windowOutputSize(28, 5, 2, 'valid', 1, 'Layer 1 (conv2d), height'));
    expect(error.code).toBe('model-window-not-integer');
    expect(error.message).toContain('(28 + 2·0 - 5) / 2 + 1 = 12.50');
  });

  it('rejects a non-positive size and names the layer', () => {
    const spec = parseModelSpec({
      inputShape: [4, 4, 1],
      layers: [{ type: 'conv2d', filters: 2, kernelSize: 5 }, { type: 'flatten' }, { type: 'output', units: 2 }],
    });
    const error = errorOf(() => summarizeModel(spec));
    expect(error.code).toBe('model-window-too-large');
    expect(error.message).toContain('Layer 1 (conv2d)');
    expect(error.message).toContain('(4 + 2·0 - 5) / 1 + 1 = 0');
  });

  it('asks for a flatten layer between images and dense layers', () => {
    const spec = parseModelSpec({ inputShape: [8, 8, 1], layers: [{ type: 'output', units: 2 }] });
    expect(errorOf(() => summarizeModel(spec)).code).toBe('model-needs-flatten');
  });
});

describe('parameter counts', () => {
  it('MLP 320-18-10 has 320·18 + 18 + 18·10 + 10 = 5968 parameters', () => {
    expect(summarizeModel(parseModelSpec(modelPresets.mlp320_18_10)).totalParams).toBe(5968);
  });

  it('counts a layer without bias as weights only', () => {
    const spec = parseModelSpec({ inputShape: [3], layers: [{ type: 'output', units: 2, useBias: false, activation: 'sigmoid' }] });
    expect(summarizeModel(spec).totalParams).toBe(6);
  });
});

describe('rule of thumb', () => {
  it('Wine: 13 features -> 8 -> 4 -> 3, 148 parameters in the hidden layers as in the lecture', () => {
    const suggestion = suggestArchitecture(13, 3);
    expect(suggestion.hiddenUnits).toEqual([8, 4]);
    expect(suggestion.hiddenParams).toBe(148);
    expect(suggestion.arithmetic).toBe('8×(13+1) + 4×(8+1) = 148');
    expect(summarizeModel(parseModelSpec(suggestion.spec)).totalParams).toBe(148 + 15);
  });

  it('HOG features: 320 -> 128 -> 64', () => {
    expect(suggestArchitecture(320, 10).hiddenUnits).toEqual([128, 64]);
  });
});

describe('warnings and memory', () => {
  it('warns when parameters greatly exceed the training samples', () => {
    const spec = parseModelSpec(modelPresets.mlp320_18_10);
    const summary = summarizeModel(spec);
    expect(modelWarnings(spec, summary, 100).map((w) => w.code)).toContain('params-exceed-samples');
    expect(modelWarnings(spec, summary, 5000)).toEqual([]);
  });

  it('rejects a model above the memory budget, showing the estimated size', () => {
    const spec = parseModelSpec({
      inputShape: [512, 512, 3],
      layers: [{ type: 'conv2d', filters: 256, kernelSize: 3, padding: 'same' }, { type: 'flatten' }, { type: 'output', units: 10 }],
    });
    const estimate = estimateMemory(summarizeModel(spec), { batchSize: 64, samples: 1000, optimizer: 'adam' });
    const error = errorOf(() => checkMemoryBudget(estimate));
    expect(error.code).toBe('model-too-large');
    expect(error.message).toMatch(/about [\d.]+ GiB/);
    expect(() =>
      checkMemoryBudget(
        estimateMemory(summarizeModel(parseModelSpec(modelPresets.mlp320_18_10)), { batchSize: 32, samples: 5000, optimizer: 'sgd' }),
      ),
    ).not.toThrow();
  });
});
