import { SinapsisError } from '../../../shared/contract/errors';
import {
  applyScaler,
  fitChannelStandardizer,
  fitMinMax,
  fitStandardizer,
  type Scaler,
  type ScalingName,
} from '../../../shared/datasets/scaling';

/** How the scaler fits, from its name; `channel` needs the channel count of image-shaped pixels. */
function fit(
  scaling: Exclude<ScalingName, 'none'>,
  matrix: { values: Float32Array; rows: number; columns: number },
  trainRows: readonly number[],
  channels: number | null,
): Scaler {
  switch (scaling) {
    case 'zscore':
      return fitStandardizer(matrix, trainRows);
    case 'minmax':
      return fitMinMax(matrix, trainRows);
    case 'channel':
      if (channels === null) {
        throw new SinapsisError(
          'scaling-needs-pixels',
          'Scaling per colour channel applies to raw-pixel features only; choose z-score or min-max for HOG and table columns.',
        );
      }
      return fitChannelStandardizer(matrix, trainRows, channels);
  }
}

/**
 * Scales every sample with statistics of the training rows only, so no mean or range of the validation or test
 * data leaks into training. Returns the scaled copy and the fitted scaler (saved with the run for predictions).
 */
export function scaleFeatures(
  values: Float32Array,
  columns: number,
  trainRows: readonly number[],
  scaling: ScalingName,
  channels: number | null = null,
): { values: Float32Array; scaler: Scaler | null } {
  if (scaling === 'none') return { values, scaler: null };
  const matrix = { values, rows: values.length / columns, columns };
  const scaler = fit(scaling, matrix, trainRows, channels);
  return { values: Float32Array.from(applyScaler(scaler, matrix)), scaler };
}
