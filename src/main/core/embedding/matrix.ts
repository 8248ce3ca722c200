/** A dense row-major matrix of `rows` samples × `columns` values, what every embedding method takes. */
export interface Matrix {
  rows: number;
  columns: number;
  values: Float64Array;
}

export function matrixOf(rows: number, columns: number, values: ArrayLike<number>): Matrix {
  if (values.length !== rows * columns)
    throw new Error(`A ${rows}×${columns} matrix needs ${rows * columns} values, not ${values.length}.`);
  return { rows, columns, values: Float64Array.from(values) };
}

/** Column means. */
export function columnMeans(matrix: Matrix): Float64Array {
  const { rows, columns, values } = matrix;
  const means = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    const offset = r * columns;
    for (let c = 0; c < columns; c++) means[c] += values[offset + c];
  }
  for (let c = 0; c < columns; c++) means[c] /= rows;
  return means;
}

/** Every column minus its mean (a new matrix). */
export function centred(matrix: Matrix): Matrix {
  const means = columnMeans(matrix);
  const out = new Float64Array(matrix.values.length);
  for (let r = 0; r < matrix.rows; r++) {
    const offset = r * matrix.columns;
    for (let c = 0; c < matrix.columns; c++) out[offset + c] = matrix.values[offset + c] - means[c];
  }
  return { rows: matrix.rows, columns: matrix.columns, values: out };
}

/**
 * Z-scores every column (mean 0, population standard deviation 1, as sklearn's StandardScaler); a constant column
 * becomes 0. Used for table columns, whose units differ (a column in metres next to one in grams would otherwise
 * decide the distances alone), not for HOG, pixels or activations, whose values share one unit: there z-scoring
 * would blow up bins and border pixels that are almost always 0 into noise as loud as the informative ones.
 */
export function standardized(matrix: Matrix): Matrix {
  const out = centred(matrix);
  const { rows, columns, values } = out;
  const scale = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    const offset = r * columns;
    for (let c = 0; c < columns; c++) scale[c] += values[offset + c] * values[offset + c];
  }
  for (let c = 0; c < columns; c++) {
    const std = Math.sqrt(scale[c] / rows);
    scale[c] = std > 1e-12 ? 1 / std : 0;
  }
  for (let r = 0; r < rows; r++) {
    const offset = r * columns;
    for (let c = 0; c < columns; c++) values[offset + c] *= scale[c];
  }
  return out;
}
