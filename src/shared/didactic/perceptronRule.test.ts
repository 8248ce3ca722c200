import { describe, expect, it } from 'vitest';
import {
  SEED_001_OR_EXERCISE,
  classifiesAll,
  gatePatterns,
  runPerceptron,
  startPerceptron,
  stepOutput,
  stepPerceptron,
  weightedSum,
} from './perceptronRule';

describe('perceptron rule', () => {
  // It | (x1, x2) | Σ | S_neu | S_real | new w | new b  (seed 001; null = "-", unchanged)
  const seedTable: [number[], number, number, number, number[] | null, number | null][] = [
    [[0, 0], 1, 1, 0, null, -1],
    [[0, 0], -1, 0, 0, null, null],
    [[0, 1], -0.5, 0, 1, [0.5, 1], null],
    [[0, 1], 0, 1, 1, null, null],
    [[1, 0], -0.5, 0, 1, [1, 1], null],
    [[1, 0], 0, 1, 1, null, null],
    [[1, 1], 1, 1, 1, null, null],
  ];

  it('computes the Σ and output columns of the OR table of seed 001 from the weights the table carries', () => {
    let weights = SEED_001_OR_EXERCISE.weights;
    let bias = SEED_001_OR_EXERCISE.bias;
    for (const [input, sum, output, target, newWeights, newBias] of seedTable) {
      expect(weightedSum(weights, bias, input)).toBeCloseTo(sum, 12);
      expect(stepOutput(weightedSum(weights, bias, input))).toBe(output);
      // The lecture only changes a parameter when the output was wrong.
      expect(newWeights !== null || newBias !== null).toBe(output !== target);
      weights = newWeights ?? weights;
      bias = newBias ?? bias;
    }
    expect(classifiesAll(gatePatterns('or'), weights, bias)).toBe(true);
  });

  it('applies w <- w + (t - a) p, b <- b + (t - a) from the seed 001 start in its presentation order (worked by hand)', () => {
    const { gate, weights, bias, options } = SEED_001_OR_EXERCISE;
    const run = runPerceptron(gatePatterns(gate), weights, bias, options);
    // Hand-worked: [input, Σ, a, w after, b after].
    const expected: [number[], number, number, number[], number][] = [
      [[0, 0], 1, 1, [0.5, 0.5], 0],
      [[0, 0], 0, 1, [0.5, 0.5], -1],
      [[0, 0], -1, 0, [0.5, 0.5], -1],
      [[0, 1], -0.5, 0, [0.5, 1.5], 0],
      [[0, 1], 1.5, 1, [0.5, 1.5], 0],
      [[1, 0], 0.5, 1, [0.5, 1.5], 0],
      [[1, 1], 2, 1, [0.5, 1.5], 0],
      [[0, 0], 0, 1, [0.5, 1.5], -1],
      [[0, 0], -1, 0, [0.5, 1.5], -1],
      [[0, 1], 0.5, 1, [0.5, 1.5], -1],
      [[1, 0], -0.5, 0, [1.5, 1.5], 0],
      [[1, 0], 1.5, 1, [1.5, 1.5], 0],
      [[1, 1], 3, 1, [1.5, 1.5], 0],
      [[0, 0], 0, 1, [1.5, 1.5], -1],
      [[0, 0], -1, 0, [1.5, 1.5], -1],
      [[0, 1], 0.5, 1, [1.5, 1.5], -1],
      [[1, 0], 0.5, 1, [1.5, 1.5], -1],
      [[1, 1], 2, 1, [1.5, 1.5], -1],
    ];
    expect(run.iterations.map((r) => [r.input, r.weightedSum, r.output, r.newWeights, r.newBias])).toEqual(expected);
    expect(run.iterations.map((r) => r.iteration)).toEqual(expected.map((_, i) => i + 1));
    expect(run.iterations[0].biasChanged).toBe(true);
    expect(run.iterations[0].weightsChanged).toBe(false);
    expect(run.status).toBe('converged');
  });

  it('applies the rule with eta = 1 from w = 0, b = 0, cycling through the patterns (worked by hand)', () => {
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
