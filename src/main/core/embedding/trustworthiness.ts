import type { Matrix } from './matrix';

/** Indices of the k smallest values (ties to the lower index), by one scan keeping a sorted list of k. */
function kSmallest(values: Float64Array, k: number): number[] {
  const best: number[] = [];
  for (let j = 0; j < values.length; j++) {
    if (best.length === k && values[j] >= values[best[k - 1]]) continue;
    let at = best.length === k ? k - 1 : best.length;
    if (best.length < k) best.push(j);
    while (at > 0 && values[best[at - 1]] > values[j]) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = j;
  }
  return best;
}

/**
 * Trustworthiness of an embedding, exactly as `sklearn.manifold.trustworthiness` (Euclidean): 1 minus a penalty
 * for every sample's k nearest neighbours in the embedding that are not among its k nearest in the original
 * space, weighted by how far down the original ranking they are. 1 means no false neighbours.
 */
export function trustworthiness(original: Matrix, embedded: Matrix, k = 5): number {
  const n = original.rows;
  if (embedded.rows !== n) throw new Error(`The embedding has ${embedded.rows} rows for ${n} samples.`);
  if (k >= n / 2) throw new Error(`k must be below half the samples (${n / 2}), as sklearn requires.`);
  const norms = (m: Matrix): Float64Array =>
    Float64Array.from({ length: m.rows }, (_, r) => {
      let sum = 0;
      for (let c = 0; c < m.columns; c++) sum += m.values[r * m.columns + c] ** 2;
      return sum;
    });
  // Squared distances by ‖a‖² + ‖b‖² − 2a·b, as sklearn's `euclidean_distances` computes them.
  const distancesFrom = (m: Matrix, normsOf: Float64Array, i: number, out: Float64Array): void => {
    const a = i * m.columns;
    for (let j = 0; j < m.rows; j++) {
      const b = j * m.columns;
      let dot = 0;
      for (let c = 0; c < m.columns; c++) dot += m.values[a + c] * m.values[b + c];
      out[j] = j === i ? Infinity : Math.max(0, normsOf[i] + normsOf[j] - 2 * dot);
    }
  };
  const originalNorms = norms(original);
  const embeddedNorms = norms(embedded);
  const inOriginal = new Float64Array(n);
  const inEmbedded = new Float64Array(n);
  let penalty = 0;
  for (let i = 0; i < n; i++) {
    distancesFrom(original, originalNorms, i, inOriginal);
    distancesFrom(embedded, embeddedNorms, i, inEmbedded);
    for (const j of kSmallest(inEmbedded, k)) {
      // Rank of j among i's original neighbours, 1 for the nearest (ties by index, as a stable argsort).
      let rank = 1;
      const dj = inOriginal[j];
      for (let m = 0; m < n; m++) if (m !== i && (inOriginal[m] < dj || (inOriginal[m] === dj && m < j))) rank++;
      if (rank > k) penalty += rank - k;
    }
  }
  return 1 - penalty * (2 / (n * k * (2 * n - 3 * k - 1)));
}
