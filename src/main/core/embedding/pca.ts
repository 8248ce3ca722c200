import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { orthonormalize, symmetricEigen } from './linearAlgebra';
import { centred, type Matrix } from './matrix';

export interface Components {
  /** `count` unit vectors of `columns` values, one after another, by decreasing variance. */
  axes: Float64Array;
  count: number;
  /** Variance along each axis (eigenvalues of the covariance, divided by n − 1 as sklearn's `explained_variance_`). */
  variances: Float64Array;
  /** Sum of every column's variance: `variances[i] / totalVariance` is sklearn's `explained_variance_ratio_`. */
  totalVariance: number;
}

export interface ComponentOptions {
  /** Extra vectors iterated beside the wanted ones: convergence goes as (λ_{k+extra+1} / λ_k)^iterations. */
  oversample?: number;
  /** Stop once every wanted axis's residual ‖Cv − λv‖ is below this fraction of λ₁ (exact PCA) … */
  tolerance?: number;
  /** … or after this many iterations (a fixed small number gives a randomized PCA, as for t-SNE's neighbours). */
  maxIterations?: number;
  seed?: number;
}

/** Columns up to which the covariance matrix is formed once (rows·columns²/2 operations) instead of multiplying by the data every iteration. */
const COVARIANCE_COLUMNS = 1500;

/** w_j = C q_j for `block` vectors, C the covariance of the centred data (never formed for wide data). */
type CovarianceProduct = (q: Float64Array, block: number, w: Float64Array) => void;

function covarianceProduct(data: Matrix, denominator: number): CovarianceProduct {
  const { rows, columns, values } = data;
  if (columns <= COVARIANCE_COLUMNS) {
    const c = new Float64Array(columns * columns);
    let r = 0;
    // Four rows at a time: each upper-triangle entry is read and written once per four rows instead of once per row.
    for (; r + 3 < rows; r += 4) {
      const r0 = r * columns;
      const r1 = r0 + columns;
      const r2 = r1 + columns;
      const r3 = r2 + columns;
      for (let a = 0; a < columns; a++) {
        const x0 = values[r0 + a];
        const x1 = values[r1 + a];
        const x2 = values[r2 + a];
        const x3 = values[r3 + a];
        if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const ca = a * columns;
        for (let b = a; b < columns; b++)
          c[ca + b] += x0 * values[r0 + b] + x1 * values[r1 + b] + x2 * values[r2 + b] + x3 * values[r3 + b];
      }
    }
    for (; r < rows; r++) {
      const row = r * columns;
      for (let a = 0; a < columns; a++) {
        const xa = values[row + a];
        if (xa === 0) continue;
        const ca = a * columns;
        for (let b = a; b < columns; b++) c[ca + b] += xa * values[row + b];
      }
    }
    for (let a = 0; a < columns; a++)
      for (let b = a; b < columns; b++) {
        const v = c[a * columns + b] / denominator;
        c[a * columns + b] = v;
        c[b * columns + a] = v;
      }
    return (q, block, w) => {
      for (let j = 0; j < block; j++) {
        const qj = j * columns;
        for (let a = 0; a < columns; a++) {
          const ca = a * columns;
          let dot = 0;
          for (let b = 0; b < columns; b++) dot += c[ca + b] * q[qj + b];
          w[qj + a] = dot;
        }
      }
    };
  }
  const z = new Float64Array(rows);
  return (q, block, w) => {
    w.fill(0);
    for (let j = 0; j < block; j++) {
      const qj = j * columns;
      for (let r = 0; r < rows; r++) {
        const row = r * columns;
        let dot = 0;
        for (let c = 0; c < columns; c++) dot += values[row + c] * q[qj + c];
        z[r] = dot / denominator;
      }
      for (let r = 0; r < rows; r++) {
        const scale = z[r];
        if (scale === 0) continue;
        const row = r * columns;
        for (let c = 0; c < columns; c++) w[qj + c] += scale * values[row + c];
      }
    }
  };
}

/**
 * The top `count` principal axes of an already centred matrix by block subspace iteration with Rayleigh-Ritz, on
 * the covariance matrix (formed once when there are at most COVARIANCE_COLUMNS columns; a conv layer with thousands
 * is multiplied through the data instead).
 */
export function principalAxes(data: Matrix, count: number, options: ComponentOptions = {}): Components {
  const { rows, columns, values } = data;
  const want = Math.min(count, columns, Math.max(1, rows - 1));
  const block = Math.min(columns, want + (options.oversample ?? 8));
  const tolerance = options.tolerance ?? 1e-11;
  const maxIterations = options.maxIterations ?? 1000;
  const random = createSeededRandom(options.seed ?? 0);
  let q: Float64Array = Float64Array.from({ length: block * columns }, () => random.normal());
  orthonormalize(q, block, columns);
  const denominator = Math.max(1, rows - 1);
  let totalVariance = 0;
  for (let i = 0; i < values.length; i++) totalVariance += values[i] * values[i];
  totalVariance /= denominator;
  const multiply = covarianceProduct(data, denominator);

  const w = new Float64Array(block * columns);
  let ritzValues: Float64Array = new Float64Array(block);
  let ritzVectors: Float64Array = new Float64Array(block * columns);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    multiply(q, block, w);
    // Rayleigh-Ritz: T = qᵀ C q, its eigenvectors y give the best axes in span(q): v = q y, C v = w y.
    const t = new Float64Array(block * block);
    for (let i = 0; i < block; i++)
      for (let j = i; j < block; j++) {
        let dot = 0;
        for (let c = 0; c < columns; c++) dot += q[i * columns + c] * w[j * columns + c];
        t[i * block + j] = dot;
        t[j * block + i] = dot;
      }
    const eigen = symmetricEigen(t, block);
    ritzValues = eigen.values;
    ritzVectors = new Float64Array(block * columns);
    const cv = new Float64Array(block * columns);
    for (let k = 0; k < block; k++)
      for (let i = 0; i < block; i++) {
        const y = eigen.vectors[k * block + i];
        for (let c = 0; c < columns; c++) {
          ritzVectors[k * columns + c] += y * q[i * columns + c];
          cv[k * columns + c] += y * w[i * columns + c];
        }
      }
    let worst = 0;
    for (let k = 0; k < want; k++) {
      let residual = 0;
      for (let c = 0; c < columns; c++) residual += (cv[k * columns + c] - ritzValues[k] * ritzVectors[k * columns + c]) ** 2;
      worst = Math.max(worst, Math.sqrt(residual));
    }
    if (worst <= tolerance * Math.max(ritzValues[0], 1e-300)) break;
    q = cv;
    orthonormalize(q, block, columns);
  }
  return { axes: ritzVectors.slice(0, want * columns), count: want, variances: ritzValues.slice(0, want), totalVariance };
}

/** Rows projected on the axes: rows × count scores, row-major. */
export function project(data: Matrix, components: Components): Float64Array {
  const { rows, columns, values } = data;
  const out = new Float64Array(rows * components.count);
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < components.count; k++) {
      let dot = 0;
      for (let c = 0; c < columns; c++) dot += values[r * columns + c] * components.axes[k * columns + c];
      out[r * components.count + k] = dot;
    }
  return out;
}

/**
 * sklearn's `svd_flip` (u-based, as `PCA` in scikit-learn 1.2): each axis is turned so that the sample with the
 * largest absolute score on it scores positive, so the same data always gives the same picture, never its mirror.
 */
export function flipSigns(scores: Float64Array, count: number, components: Components): void {
  const rows = scores.length / count;
  for (let k = 0; k < count; k++) {
    let best = 0;
    for (let r = 0; r < rows; r++) if (Math.abs(scores[r * count + k]) > Math.abs(best)) best = scores[r * count + k];
    if (best >= 0) continue;
    for (let r = 0; r < rows; r++) scores[r * count + k] = -scores[r * count + k];
    for (let c = 0; c < components.axes.length / components.count; c++)
      components.axes[k * (components.axes.length / components.count) + c] *= -1;
  }
}

export interface PcaResult {
  /** rows × count coordinates, row-major. */
  scores: Float64Array;
  count: number;
  /** Fraction of the total variance along each axis. */
  explained: number[];
}

/** PCA as `sklearn.decomposition.PCA(n_components=count, svd_solver='full').fit_transform`: centred, exact, sign-flipped. */
export function pca(data: Matrix, count = 2): PcaResult {
  const x = centred(data);
  const components = principalAxes(x, count);
  const scores = project(x, components);
  flipSigns(scores, components.count, components);
  const explained = Array.from(components.variances, (v) => (components.totalVariance > 0 ? Math.max(0, v) / components.totalVariance : 0));
  return { scores, count: components.count, explained };
}
