import { describe, expect, it } from 'vitest';
import { SEED_001_OR_EXERCISE, gatePatterns, runPerceptron, startPerceptron, stepPerceptron } from './perceptronRule';

describe('perceptron rule', () => {
  it('reproduces the OR table of seed 001 row by row', () => {
    const { gate, weights, bias, options } = SEED_001_OR_EXERCISE;
    const run = runPerceptron(gatePatterns(gate), weights, bias, options);
    // It | (x1, x2) | Σ | S_neu | S_real | new w | new b   (copied from the lecture; "-" = unchanged)
    const table: [number[], number, number, number, number[] | null, number | null][] = [
      [[0, 0], 1, 1, 0, null, -1],
      [[0, 0], -1, 0, 0, null, null],
      [[0, 1], -0.5, 0, 1, [0.5, 1], null],
      [[0, 1], 0, 1, 1, null, null],
      [[1, 0], -0.5, 0, 1, [1, 1], null],
      [[1, 0], 0, 1, 1, null, null],
      [[1, 1], 1, 1, 1, null, null],
    ];
    expect(run.status).toBe('converged');
    expect(run.iterations).toHaveLength(table.length);
    table.forEach(([input, sum, output, target, newWeights, newBias], i) => {
      const row = run.iterations[i];
      expect(row.iteration).toBe(i + 1);
      expect(row.input).toEqual(input);
      expect(row.weightedSum).toBeCloseTo(sum, 12);
      expect(row.output).toBe(output);
      expect(row.target).toBe(target);
      expect(row.weightsChanged).toBe(newWeights !== null);
      if (newWeights) expect(row.newWeights).toEqual(newWeights);
      expect(row.biasChanged).toBe(newBias !== null);
      if (newBias !== null) expect(row.newBias).toBe(newBias);
    });
    expect(run.weights).toEqual([1, 1]);
    expect(run.bias).toBe(-1);
  });

  it('applies w <- w + (t - a) p, b <- b + (t - a) with eta = 1 (worked by hand)', () => {
    const run = runPerceptron(gatePatterns('or'), [0, 0], 0, { learningRate: 1, order: 'cycle', maxIterations: 100 });
    // Hand-worked: [Σ, a, w after, b after] for each presentation of (0,0), (0,1), (1,0), (1,1) in order.
    const expected: [number, number, number[], number][] = [
      [0, 1, [0, 0], -1],
      [-1, 0, [0, 1], 0],
      [0, 1, [0, 1], 0],
      [1, 1, [0, 1], 0],
      [0, 1, [0, 1], -1],
      [0, 1, [0, 1], -1],
      [-1, 0, [1, 1], 0],
      [2, 1, [1, 1], 0],
      [0, 1, [1, 1], -1],
      [0, 1, [1, 1], -1],
      [0, 1, [1, 1], -1],
      [1, 1, [1, 1], -1],
      [-1, 0, [1, 1], -1],
      [0, 1, [1, 1], -1],
      [0, 1, [1, 1], -1],
      [1, 1, [1, 1], -1],
    ];
    expect(run.iterations.map((r) => [r.weightedSum, r.output, r.newWeights, r.newBias])).toEqual(expected);
    expect(run.status).toBe('converged');
    expect(run.iterations.at(-1)?.epoch).toBe(4);
  });

  it('learns AND and NAND', () => {
    for (const gate of ['and', 'nand'] as const) {
      const run = runPerceptron(gatePatterns(gate), [0, 0], 0, { learningRate: 1, order: 'cycle', maxIterations: 1000 });
      expect(run.status).toBe('converged');
      for (const p of gatePatterns(gate)) {
        const sum = run.weights[0] * p.input[0] + run.weights[1] * p.input[1] + run.bias;
        expect(sum >= 0 ? 1 : 0).toBe(p.target);
      }
    }
  });

  it('never converges on XOR: there is always a misclassified pattern', () => {
    for (const order of ['cycle', 'repeatUntilCorrect'] as const) {
      const run = startPerceptron(gatePatterns('xor'), [0.5, 0.5], 1, { learningRate: 1, order, maxIterations: 2000 });
      let errors = 0;
      while (stepPerceptron(run)) if (run.iterations.at(-1)?.error !== 0) errors++;
      expect(run.status).toBe('maxIterations');
      expect(run.iterations).toHaveLength(2000);
      // The weights keep changing until the very end.
      expect(run.iterations.slice(-40).some((r) => r.error !== 0)).toBe(true);
      expect(errors).toBeGreaterThan(100);
    }
  });

  it('stops stepping after convergence', () => {
    const { gate, weights, bias, options } = SEED_001_OR_EXERCISE;
    const run = runPerceptron(gatePatterns(gate), weights, bias, options);
    expect(stepPerceptron(run)).toBeNull();
  });
});
