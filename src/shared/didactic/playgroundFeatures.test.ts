import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLAYGROUND_SETTINGS,
  createPlayground,
  parsePlaygroundSettings,
  playgroundAccuracy,
  trainPlaygroundEpoch,
} from './playground';
import {
  PLAYGROUND_EXTENT,
  PLAYGROUND_FEATURES,
  type PlaygroundFeatureId,
  inputEncoder,
  orderedFeatures,
  playgroundFeature,
} from './playgroundFeatures';

const value = (id: PlaygroundFeatureId, x1: number, x2: number) => playgroundFeature(id).value(x1, x2);

describe('playground features', () => {
  it('computes each transform of the plane coordinates, scaled to [−1, 1]', () => {
    expect(value('x1', 3, -6)).toBe(0.5);
    expect(value('x2', 3, -6)).toBe(-1);
    expect(value('x1Squared', -3, 5)).toBe(0.25);
    expect(value('x2Squared', 1, -6)).toBe(1);
    expect(value('x1x2', 6, -6)).toBe(-1);
    expect(value('x1x2', 3, 2)).toBeCloseTo(6 / 36, 12);
    expect(value('sinX1', Math.PI / 2, 0)).toBeCloseTo(1, 12);
    expect(value('sinX2', 0, -Math.PI / 6)).toBeCloseTo(-0.5, 12);
  });

  it('keeps every feature within [−1, 1] over the whole plane, reaching both ends or 0 and 1', () => {
    for (const feature of PLAYGROUND_FEATURES) {
      let low = Infinity;
      let high = -Infinity;
      for (let x1 = -PLAYGROUND_EXTENT; x1 <= PLAYGROUND_EXTENT; x1 += 0.05) {
        for (let x2 = -PLAYGROUND_EXTENT; x2 <= PLAYGROUND_EXTENT; x2 += 0.5) {
          const v = feature.value(x1, x2);
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
      expect(low, feature.id).toBeGreaterThanOrEqual(-1 - 1e-9);
      expect(high, feature.id).toBeLessThanOrEqual(1 + 1e-9);
      expect(high, feature.id).toBeGreaterThan(0.99);
    }
  });

  it('feeds the chosen features in the column order, whatever order they were ticked in', () => {
    expect(orderedFeatures(['sinX2', 'x1', 'x2Squared'])).toEqual(['x1', 'x2Squared', 'sinX2']);
    expect(inputEncoder(['x2Squared', 'x1'])(3, 6)).toEqual([0.5, 1]);
  });

  it('loads a settings file saved before features existed with the two coordinates, and refuses empty or repeated lists', () => {
    const { features: _features, ...old } = DEFAULT_PLAYGROUND_SETTINGS;
    expect(parsePlaygroundSettings(JSON.stringify(old)).features).toEqual(['x1', 'x2']);
    expect(() => parsePlaygroundSettings(JSON.stringify({ ...old, features: [] }))).toThrow(/features/);
    expect(() => parsePlaygroundSettings(JSON.stringify({ ...old, features: ['x1', 'x1'] }))).toThrow(/features/);
    expect(() => parsePlaygroundSettings(JSON.stringify({ ...old, features: ['x3'] }))).toThrow(/features/);
  });

  it('with x₁² and x₂² a network without hidden layers learns the circles, which it cannot from x₁ and x₂', () => {
    const base = { ...DEFAULT_PLAYGROUND_SETTINGS, hiddenLayers: [], learningRate: 0.5 };
    const plain = createPlayground(base);
    const squared = createPlayground({ ...base, features: ['x1', 'x2', 'x1Squared', 'x2Squared'] });
    expect(squared.network.inputSize).toBe(4);
    for (let i = 0; i < 100; i++) {
      trainPlaygroundEpoch(plain);
      trainPlaygroundEpoch(squared);
    }
    expect(playgroundAccuracy(plain, plain.test)).toBeLessThan(0.7);
    expect(playgroundAccuracy(squared, squared.test)).toBeGreaterThan(0.9);
    expect(squared.testLoss[100]).toBeLessThan(squared.testLoss[0] / 2);
  });

  it('on the XOR quadrants one neuron on x₁x₂ alone separates the classes', () => {
    const state = createPlayground({
      ...DEFAULT_PLAYGROUND_SETTINGS,
      dataset: 'xorQuadrants',
      hiddenLayers: [],
      learningRate: 0.5,
      features: ['x1x2'],
    });
    for (let i = 0; i < 50; i++) trainPlaygroundEpoch(state);
    expect(playgroundAccuracy(state, state.test)).toBeGreaterThan(0.95);
  });
});
