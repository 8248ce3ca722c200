import { describe, expect, it } from 'vitest';
import { ELEMENTWISE_ACTIVATION_KINDS as ACTIVATION_NAMES, getActivation } from '../models/activationTable';
import { softmax } from './activations';

describe('activation table', () => {
  it("pairs every f with its f' (central differences away from the kinks)", () => {
    const h = 1e-6;
    for (const name of ACTIVATION_NAMES) {
      const f = getActivation(name, 0.3);
      for (const x of [-3.1, -1.2, -0.4, 0.35, 0.9, 2.7]) {
        const numeric = (f.output(x + h) - f.output(x - h)) / (2 * h);
        expect(f.der(x), `${name} at ${x}`).toBeCloseTo(numeric, 6);
      }
    }
  });

  it("gives the same f' from the output as from the net input where it has derFromOutput (sigmoid, tanh)", () => {
    for (const name of ACTIVATION_NAMES) {
      const f = getActivation(name, 0.3);
      if (!f.derFromOutput) continue;
      for (const x of [-40, -3.1, -0.4, 0, 0.35, 2.7, 40]) expect(f.derFromOutput(f.output(x)), `${name} at ${x}`).toBe(f.der(x));
    }
    expect(getActivation('sigmoid').derFromOutput).toBeDefined();
    expect(getActivation('tanh').derFromOutput).toBeDefined();
  });

  it('matches the formulas of the lecture table', () => {
    expect(getActivation('step').output(0)).toBe(1);
    expect(getActivation('step').output(-0.001)).toBe(0);
    expect(getActivation('sigmoid').output(0)).toBe(0.5);
    expect(getActivation('tanh').der(0)).toBe(1);
    expect(getActivation('arctan').der(1)).toBe(0.5);
    expect(getActivation('relu').der(0)).toBe(1);
    expect(getActivation('leakyRelu', 0.1).output(-2)).toBeCloseTo(-0.2, 12);
    expect(getActivation('prelu', 0.25).der(-1)).toBe(0.25);
    const elu = getActivation('elu', 2);
    // f'(x) = f(x) + α for x < 0
    expect(elu.der(-1.5)).toBeCloseTo(elu.output(-1.5) + 2, 12);
    expect(getActivation('softplus').output(0)).toBeCloseTo(Math.LN2, 12);
    expect(getActivation('softplus').output(800)).toBe(800);
    expect(getActivation('sigmoid').output(-800)).toBe(0);
  });

  it('softmax gives probabilities and survives large net inputs', () => {
    const z = softmax([1000, 1001, 1002]);
    expect(z.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(z[2]).toBeGreaterThan(z[1]);
    expect(Array.from(softmax([0, 0]))).toEqual([0.5, 0.5]);
  });
});
