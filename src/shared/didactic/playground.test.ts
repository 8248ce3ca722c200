import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLAYGROUND_SETTINGS,
  createPlayground,
  parsePlaygroundSettings,
  playgroundAccuracy,
  playgroundOutputGrid,
  serializePlaygroundSettings,
  trainPlaygroundEpoch,
} from './playground';

describe('playground', () => {
  it('learns the circles set: the test loss falls and accuracy is high', () => {
    const state = createPlayground(DEFAULT_PLAYGROUND_SETTINGS);
    expect(state.train.length + state.test.length).toBe(300);
    expect(state.test.length).toBe(90);
    for (let i = 0; i < 60; i++) trainPlaygroundEpoch(state);
    expect(state.trainLoss).toHaveLength(61);
    expect(state.testLoss[60]).toBeLessThan(state.testLoss[0] / 2);
    expect(playgroundAccuracy(state, state.test)).toBeGreaterThan(0.9);
  });

  it('reproduces the same run from a saved settings file', () => {
    const settings = { ...DEFAULT_PLAYGROUND_SETTINGS, dataset: 'xorQuadrants' as const, dropout: 0.2, l2: 0.001 };
    const loaded = parsePlaygroundSettings(serializePlaygroundSettings(settings));
    expect(loaded).toEqual(settings);
    const a = createPlayground(settings);
    const b = createPlayground(loaded);
    for (let i = 0; i < 5; i++) {
      trainPlaygroundEpoch(a);
      trainPlaygroundEpoch(b);
    }
    expect(b.trainLoss).toEqual(a.trainLoss);
    expect(Array.from(playgroundOutputGrid(b, 8))).toEqual(Array.from(playgroundOutputGrid(a, 8)));
  });

  it('rejects a settings file with a bad field', () => {
    const bad = JSON.stringify({ ...DEFAULT_PLAYGROUND_SETTINGS, learningRate: -1 });
    expect(() => parsePlaygroundSettings(bad)).toThrow(/learningRate/);
    expect(() => parsePlaygroundSettings('{"kind":"other"}')).toThrow();
  });
});
