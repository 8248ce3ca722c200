import type { Worker } from 'node:worker_threads';
import { centred, type Matrix } from './matrix';
import { nearestNeighbours } from './neighbours';
import { flipSigns, principalAxes, project } from './pca';
import { SplitForces, startForcesHelper } from './splitForces';

/**
 * Barnes-Hut t-SNE (van der Maaten 2014) with scikit-learn's defaults and steps (`sklearn.manifold.TSNE`, 1.2):
 * perplexity 30 on the 3·perplexity + 1 nearest neighbours, PCA initialisation scaled to a standard deviation of
 * 1e-4, early exaggeration 12 for 250 iterations with momentum 0.5, then momentum 0.8 up to 750 iterations in all,
 * learning rate max(n / 12 / 4, 50), gains +0.2 / ×0.8 (at least 0.01), angle 0.5, one degree of freedom.
 * One deliberate difference: with more than 50 columns the neighbours are searched in the first 50 principal
 * components (as sklearn's documentation recommends doing by hand), which makes 5,000 samples' neighbours take a
 * second instead of ten; distances within 50 components are the distances up to the little variance left out.
 * A second one: 750 iterations in all (openTSNE's 250 + 500) rather than sklearn's 1,000: the last 250 move the map
 * little (the trustworthiness of the digits' map is the same within 0.001, embeddingQuality.test.ts), and they were
 * what kept 5,000 samples above ten seconds on two cores.
 */

export interface TsneOptions {
  perplexity?: number;
  earlyExaggeration?: number;
  iterations?: number;
  angle?: number;
  seed?: number;
  /**
   * 2 (the default): the gradient's rows are split with a helper thread when there are at least
   * SPLIT_MIN_ROWS points and two cores (splitForces.ts); 1: this thread only. The coordinates are the same.
   */
  threads?: 1 | 2;
  /** Called every few iterations with the stage and its progress. */
  onProgress?: (stage: 'neighbours' | 'optimise', done: number, total: number) => void;
}

export const TSNE_DEFAULTS = { perplexity: 30, earlyExaggeration: 12, iterations: 750, angle: 0.5 } as const;
const EXPLORATION_ITERATIONS = 250;
const CHECK_EVERY = 50;
const MIN_GAIN = 0.01;
const MIN_GRAD_NORM = 1e-7;
const WITHOUT_PROGRESS = 300;
const NEIGHBOUR_DIMENSIONS = 50;
const PERPLEXITY_TOLERANCE = 1e-5;

/** Symmetric joint probabilities P in compressed rows: for row i, columns `columns[start[i]..start[i+1])`. */
export interface JointProbabilities {
  start: Int32Array;
  columns: Int32Array;
  values: Float64Array;
}

/** sklearn's `_binary_search_perplexity`: per row, the Gaussian precision whose conditional distribution has the perplexity. */
function conditionalProbabilities(distances: Float64Array, rows: number, k: number, perplexity: number): Float64Array {
  const p = new Float64Array(rows * k);
  const desiredEntropy = Math.log(perplexity);
  for (let i = 0; i < rows; i++) {
    let betaMin = -Infinity;
    let betaMax = Infinity;
    let beta = 1;
    const offset = i * k;
    for (let step = 0; step < 100; step++) {
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const value = Math.exp(-distances[offset + j] * beta);
        p[offset + j] = value;
        sum += value;
      }
      if (sum === 0) sum = 1e-8;
      let weighted = 0;
      for (let j = 0; j < k; j++) {
        p[offset + j] /= sum;
        weighted += distances[offset + j] * p[offset + j];
      }
      const entropyDiff = Math.log(sum) + beta * weighted - desiredEntropy;
      if (Math.abs(entropyDiff) <= PERPLEXITY_TOLERANCE) break;
      if (entropyDiff > 0) {
        betaMin = beta;
        beta = betaMax === Infinity ? beta * 2 : (beta + betaMax) / 2;
      } else {
        betaMax = beta;
        beta = betaMin === -Infinity ? beta / 2 : (beta + betaMin) / 2;
      }
    }
  }
  return p;
}

/** P = (P_cond + P_condᵀ) / sum, as sklearn's `_joint_probabilities_nn`. */
function symmetrize(conditional: Float64Array, indices: Int32Array, rows: number, k: number): JointProbabilities {
  const rowsOf: Map<number, number>[] = Array.from({ length: rows }, () => new Map());
  for (let i = 0; i < rows; i++)
    for (let m = 0; m < k; m++) {
      const j = indices[i * k + m];
      const value = conditional[i * k + m];
      rowsOf[i].set(j, (rowsOf[i].get(j) ?? 0) + value);
      rowsOf[j].set(i, (rowsOf[j].get(i) ?? 0) + value);
    }
  let total = 0;
  let count = 0;
  for (const row of rowsOf) {
    count += row.size;
    for (const value of row.values()) total += value;
  }
  total = Math.max(total, Number.EPSILON);
  const start = new Int32Array(rows + 1);
  const columns = new Int32Array(count);
  const values = new Float64Array(count);
  let at = 0;
  rowsOf.forEach((row, i) => {
    start[i] = at;
    for (const j of [...row.keys()].sort((a, b) => a - b)) {
      columns[at] = j;
      values[at] = (row.get(j) ?? 0) / total;
      at++;
    }
  });
  start[rows] = at;
  return { start, columns, values };
}

/**
 * The data in its first principal components, centred and sign-flipped as sklearn's PCA: all of them up to 50
 * columns, else the first 50 (ten block iterations with 10 spare vectors: close to exact, plenty to keep who is near
 * whom). Its first two columns are also the PCA initialisation, so the covariance is formed once.
 */
function principalSpace(data: Matrix, seed: number): Matrix {
  const x = centred(data);
  const count = Math.min(NEIGHBOUR_DIMENSIONS, data.columns);
  const components = principalAxes(x, count, { oversample: 10, maxIterations: 10, tolerance: 1e-9, seed });
  const scores = project(x, components);
  flipSigns(scores, components.count, components);
  return { rows: data.rows, columns: components.count, values: scores };
}

/** The joint probabilities of the rows of `space`: exact neighbours, binary search on perplexity, symmetrisation. */
export function jointProbabilities(space: Matrix, perplexity: number, onRow?: (row: number) => void): JointProbabilities {
  const k = Math.min(space.rows - 1, Math.floor(3 * perplexity + 1));
  const neighbours = nearestNeighbours(space, k, onRow);
  return symmetrize(conditionalProbabilities(neighbours.distances, space.rows, k, perplexity), neighbours.indices, space.rows, k);
}

/** t-SNE's KL(P‖Q) with the BH normalisation Z (what sklearn reports as `kl_divergence_`). */
function klDivergence(p: JointProbabilities, y: Float64Array, rows: number, sumQ: number): number {
  let kl = 0;
  for (let i = 0; i < rows; i++)
    for (let m = p.start[i]; m < p.start[i + 1]; m++) {
      const j = p.columns[m];
      const dx = y[2 * i] - y[2 * j];
      const dy = y[2 * i + 1] - y[2 * j + 1];
      const q = 1 / (1 + dx * dx + dy * dy) / sumQ;
      const pij = p.values[m];
      kl += pij * Math.log(Math.max(pij, Number.EPSILON) / Math.max(q, Number.EPSILON));
    }
  return kl;
}

/** sklearn's PCA initialisation: the first two principal components, scaled so the first has standard deviation 1e-4. */
function pcaInitialisation(space: Matrix): Float64Array {
  const start = new Float64Array(space.rows * 2);
  for (let i = 0; i < space.rows; i++)
    for (let k = 0; k < Math.min(2, space.columns); k++) start[2 * i + k] = space.values[i * space.columns + k];
  let mean = 0;
  for (let i = 0; i < space.rows; i++) mean += start[2 * i];
  mean /= space.rows;
  let variance = 0;
  for (let i = 0; i < space.rows; i++) variance += (start[2 * i] - mean) ** 2;
  const std = Math.sqrt(variance / space.rows);
  const scale = std > 0 ? 1e-4 / std : 1;
  for (let i = 0; i < start.length; i++) start[i] *= scale;
  return start;
}

export interface TsneResult {
  /** rows × 2 coordinates, row-major. */
  coordinates: Float64Array;
  iterations: number;
  klDivergence: number;
  /** Iterations whose gradient a helper thread shared (0 with `threads: 1`, few points or one core). */
  helpedIterations: number;
}

/** t-SNE of the rows of `data` into two dimensions. Deterministic: the same data and seed give the same coordinates. */
export function tsne(data: Matrix, options: TsneOptions = {}): TsneResult {
  // Started first so the helper thread loads while this one does the PCA and the neighbours.
  const helper = startForcesHelper(data.rows, options.threads ?? 2);
  try {
    return optimise(data, options, helper);
  } finally {
    void helper?.terminate();
  }
}

function optimise(data: Matrix, options: TsneOptions, helper: Worker | null): TsneResult {
  const perplexity = options.perplexity ?? TSNE_DEFAULTS.perplexity;
  const exaggerationStart = options.earlyExaggeration ?? TSNE_DEFAULTS.earlyExaggeration;
  const iterations = options.iterations ?? TSNE_DEFAULTS.iterations;
  const angle = options.angle ?? TSNE_DEFAULTS.angle;
  const rows = data.rows;
  const progress = options.onProgress ?? (() => {});
  const every = Math.max(1, Math.floor(rows / 50));
  const space = principalSpace(data, options.seed ?? 0);
  const p = jointProbabilities(space, perplexity, (row) => {
    if (row % every === 0) progress('neighbours', row, rows);
  });
  progress('neighbours', rows, rows);
  const forces = new SplitForces(p, rows, angle * angle, helper);
  const y = forces.y;
  y.set(pcaInitialisation(space));
  const learningRate = Math.max(rows / exaggerationStart / 4, 50);
  const update = new Float64Array(rows * 2);
  const gains = new Float64Array(rows * 2).fill(1);
  const gradient = new Float64Array(rows * 2);
  let kl = Infinity;
  let done = 0;
  // Two phases, as sklearn's two `_gradient_descent` calls: each keeps its own best error and patience.
  const phases = [
    {
      from: 0,
      to: Math.min(EXPLORATION_ITERATIONS, iterations),
      momentum: 0.5,
      exaggeration: exaggerationStart,
      patience: EXPLORATION_ITERATIONS,
    },
    { from: EXPLORATION_ITERATIONS, to: iterations, momentum: 0.8, exaggeration: 1, patience: WITHOUT_PROGRESS },
  ];
  for (const phase of phases) {
    let best = Infinity;
    let bestIteration = phase.from;
    for (let it = phase.from; it < phase.to; it++) {
      const sumQ = forces.gradient(phase.exaggeration, gradient);
      let norm = 0;
      for (let m = 0; m < y.length; m++) {
        const g = gradient[m];
        gains[m] = update[m] * g < 0 ? gains[m] + 0.2 : Math.max(MIN_GAIN, gains[m] * 0.8);
        const scaled = g * gains[m];
        norm += scaled * scaled;
        update[m] = phase.momentum * update[m] - learningRate * scaled;
        y[m] += update[m];
      }
      done = it + 1;
      if ((it + 1) % CHECK_EVERY === 0 || it === phase.to - 1) {
        // KL of the plain P (sklearn measures the exaggerated one in the first phase; only the trend matters there).
        kl = klDivergence(p, y, rows, sumQ);
        progress('optimise', done, iterations);
        if ((it + 1) % CHECK_EVERY === 0) {
          if (kl < best) {
            best = kl;
            bestIteration = it;
          } else if (it - bestIteration > phase.patience) break;
          if (Math.sqrt(norm) <= MIN_GRAD_NORM) break;
        }
      }
    }
  }
  forces.close();
  // A plain copy: the caller may transfer it, which a SharedArrayBuffer cannot be.
  return { coordinates: Float64Array.from(y), iterations: done, klDivergence: kl, helpedIterations: forces.helpedIterations };
}
