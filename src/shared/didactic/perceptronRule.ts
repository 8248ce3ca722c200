/**
 * The perceptron learning rule for a single neuron with a step activation (seed 001, "puertas lógicas"):
 *
 *   weighted sum   Σ = Σ_i w_i p_i + b
 *   output         a = 1 if Σ ≥ 0, else 0
 *   error          e = t - a               (t is the target)
 *   new weights    w ← w + η e p
 *   new bias       b ← b + η_b e
 *
 * With η = η_b = 1 this is the textbook rule w ← w + (t - a) p, b ← b + (t - a).
 * Each presentation of one input pattern is one *iteration*; a pass over all patterns is one *epoch*.
 */

export interface PerceptronPattern {
  input: number[];
  target: number;
}

export type LogicGate = 'or' | 'and' | 'nand' | 'xor';
export const LOGIC_GATES: readonly LogicGate[] = ['or', 'and', 'nand', 'xor'];

/** Truth table of a two-input gate with inputs and outputs in {0, 1}, in the order (0,0), (0,1), (1,0), (1,1). */
export function gatePatterns(gate: LogicGate): PerceptronPattern[] {
  const truth: Record<LogicGate, (a: number, b: number) => number> = {
    or: (a, b) => (a || b ? 1 : 0),
    and: (a, b) => (a && b ? 1 : 0),
    nand: (a, b) => (a && b ? 0 : 1),
    xor: (a, b) => (a !== b ? 1 : 0),
  };
  return [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ].map(([a, b]) => ({ input: [a, b], target: truth[gate](a, b) }));
}

/**
 * - 'cycle': present the patterns in order, epoch after epoch; converged after an epoch without errors.
 * - 'repeatUntilCorrect': present the same pattern again until the neuron answers it correctly, then move
 *   on (the order of the OR table in seed 001); converged when, after an epoch, every pattern is correct.
 */
export type PresentationOrder = 'cycle' | 'repeatUntilCorrect';

export interface PerceptronOptions {
  /** η, the step of the weight update. */
  learningRate: number;
  /** η_b, the step of the bias update; defaults to η. */
  biasLearningRate?: number;
  order: PresentationOrder;
  /** Stop (without convergence) after this many iterations: a non-separable problem such as XOR never converges. */
  maxIterations: number;
}

/** One row of the iteration table (columns of seed 001's OR exercise). */
export interface PerceptronIteration {
  /** 1-based, as in the lecture's table. */
  iteration: number;
  epoch: number;
  patternIndex: number;
  input: number[];
  weightedSum: number;
  output: number;
  target: number;
  /** t - a */
  error: number;
  /** Weights and bias after this iteration's update (equal to the previous ones when the output was right). */
  newWeights: number[];
  newBias: number;
  weightsChanged: boolean;
  biasChanged: boolean;
}

export type PerceptronStatus = 'running' | 'converged' | 'maxIterations';

/** A training run that can be advanced one iteration at a time. */
export interface PerceptronRun {
  patterns: PerceptronPattern[];
  options: PerceptronOptions;
  weights: number[];
  bias: number;
  iterations: PerceptronIteration[];
  /** Index of the next pattern to present. */
  cursor: number;
  epoch: number;
  updatesInEpoch: number;
  status: PerceptronStatus;
}

/** The step activation of the lecture: 1 when Σ ≥ 0. */
export function stepOutput(weightedSum: number): number {
  return weightedSum >= 0 ? 1 : 0;
}

export function weightedSum(weights: readonly number[], bias: number, input: readonly number[]): number {
  let sum = bias;
  for (let i = 0; i < weights.length; i++) sum += weights[i] * input[i];
  return sum;
}

export function classifiesAll(patterns: readonly PerceptronPattern[], weights: readonly number[], bias: number): boolean {
  return patterns.every((p) => stepOutput(weightedSum(weights, bias, p.input)) === p.target);
}

export function startPerceptron(
  patterns: PerceptronPattern[],
  initialWeights: number[],
  initialBias: number,
  options: PerceptronOptions,
): PerceptronRun {
  if (patterns.length === 0) throw new Error('The perceptron needs at least one pattern.');
  if (patterns.some((p) => p.input.length !== initialWeights.length)) throw new Error('Every pattern needs one input per weight.');
  return {
    patterns,
    options,
    weights: [...initialWeights],
    bias: initialBias,
    iterations: [],
    cursor: 0,
    epoch: 1,
    updatesInEpoch: 0,
    status: 'running',
  };
}

/** Presents one pattern, applies the rule, records the row. Returns null once the run has stopped. */
export function stepPerceptron(run: PerceptronRun): PerceptronIteration | null {
  if (run.status !== 'running') return null;
  const { learningRate, order, maxIterations } = run.options;
  const biasLearningRate = run.options.biasLearningRate ?? learningRate;
  const patternIndex = run.cursor;
  const pattern = run.patterns[patternIndex];
  const sum = weightedSum(run.weights, run.bias, pattern.input);
  const output = stepOutput(sum);
  const error = pattern.target - output;
  const newWeights = run.weights.map((w, i) => w + learningRate * error * pattern.input[i]);
  const newBias = run.bias + biasLearningRate * error;
  const row: PerceptronIteration = {
    iteration: run.iterations.length + 1,
    epoch: run.epoch,
    patternIndex,
    input: [...pattern.input],
    weightedSum: sum,
    output,
    target: pattern.target,
    error,
    newWeights,
    newBias,
    weightsChanged: newWeights.some((w, i) => w !== run.weights[i]),
    biasChanged: newBias !== run.bias,
  };
  run.iterations.push(row);
  run.weights = newWeights;
  run.bias = newBias;
  if (error !== 0) run.updatesInEpoch++;

  // Move on to the next pattern unless this order repeats a pattern until it is answered correctly.
  if (order === 'cycle' || error === 0) run.cursor++;
  if (run.cursor === run.patterns.length) {
    const converged = order === 'cycle' ? run.updatesInEpoch === 0 : classifiesAll(run.patterns, run.weights, run.bias);
    if (converged) {
      run.status = 'converged';
      return row;
    }
    run.cursor = 0;
    run.epoch++;
    run.updatesInEpoch = 0;
  }
  if (run.iterations.length >= maxIterations) run.status = 'maxIterations';
  return row;
}

/** Runs until convergence or `maxIterations`. */
export function runPerceptron(
  patterns: PerceptronPattern[],
  initialWeights: number[],
  initialBias: number,
  options: PerceptronOptions,
): PerceptronRun {
  const run = startPerceptron(patterns, initialWeights, initialBias, options);
  while (stepPerceptron(run)) {
    /* each call records one iteration */
  }
  return run;
}

/**
 * The starting point of the OR exercise in seed 001: w = (0.5, 0.5), b = 1, step activation, each pattern
 * repeated until it is answered correctly. The lecture's table then corrects by hand (b: 1 → -1, w_2: 0.5 → 1,
 * w_1: 0.5 → 1) rather than with one fixed η, so with the rule above (η = 1) the table has 18 rows instead
 * of 7 and ends at w = (1.5, 1.5), b = -1, another line that separates OR.
 */
export const SEED_001_OR_EXERCISE = {
  gate: 'or' as LogicGate,
  weights: [0.5, 0.5],
  bias: 1,
  options: { learningRate: 1, order: 'repeatUntilCorrect', maxIterations: 100 } satisfies PerceptronOptions,
};
