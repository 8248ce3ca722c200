/** Small dense linear algebra for PCA's subspace iteration: a symmetric eigensolver and Gram-Schmidt. */

/**
 * Eigenvalues and eigenvectors of a small symmetric `size`×`size` matrix (row-major) by cyclic Jacobi rotations,
 * sorted by decreasing eigenvalue; `vectors[j * size + i]` is component i of eigenvector j.
 */
export function symmetricEigen(matrix: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) off += a[p * size + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * size + q] - a[p * size + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p];
          const akq = a[k * size + q];
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k];
          const aqk = a[q * size + k];
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p];
          const vkq = v[k * size + q];
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort((i, j) => a[j * size + j] - a[i * size + i]);
  const values = Float64Array.from(order, (i) => a[i * size + i]);
  const vectors = new Float64Array(size * size);
  order.forEach((column, j) => {
    for (let i = 0; i < size; i++) vectors[j * size + i] = v[i * size + column];
  });
  return { values, vectors };
}

/**
 * Orthonormalises `count` vectors of `length` values stored one after another, in place (modified Gram-Schmidt,
 * twice for stability). A vector that falls into the span of the earlier ones is replaced by zeros.
 */
export function orthonormalize(vectors: Float64Array, count: number, length: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < count; j++) {
      const vj = j * length;
      for (let i = 0; i < j; i++) {
        const vi = i * length;
        let dot = 0;
        for (let k = 0; k < length; k++) dot += vectors[vi + k] * vectors[vj + k];
        for (let k = 0; k < length; k++) vectors[vj + k] -= dot * vectors[vi + k];
      }
      let norm = 0;
      for (let k = 0; k < length; k++) norm += vectors[vj + k] ** 2;
      norm = Math.sqrt(norm);
      const scale = norm > 1e-300 ? 1 / norm : 0;
      for (let k = 0; k < length; k++) vectors[vj + k] *= scale;
    }
  }
}
