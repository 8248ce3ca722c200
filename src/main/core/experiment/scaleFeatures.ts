import { applyScaler, fitMinMax, fitStandardizer, type Scaler } from '../../../shared/datasets/scaling';

export type ScalingName = 'none' | 'zscore' | 'minmax';

/**
 * Scales every sample with statistics of the training rows only, so no mean or range of the validation or test
 * data leaks into training. Returns the scaled copy and the fitted scaler (saved with the run for predictions).
 */
export function scaleFeatures(values: Float32Array, columns: number, trainRows: readonly number[], scaling: ScalingName): { values: Float32Array; scaler: Scaler | null } {
  if (scaling === 'none') return { values, scaler: null };
  const matrix = { values, rows: values.length / columns, columns };
  const scaler = scaling === 'zscore' ? fitStandardizer(matrix, trainRows) : fitMinMax(matrix, trainRows);
  return { values: Float32Array.from(applyScaler(scaler, matrix)), scaler };
}
