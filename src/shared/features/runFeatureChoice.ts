import type { FeatureChoice } from '../contract/experiment';
import type { RunFeatures } from '../contract/runs';
import { assertNever } from '../assertNever';

/**
 * The feature choice that computes again the vectors a run was trained on, from what its config.json records
 * (the feature map of Evaluación draws the run's own input features next to its hidden layer).
 */
export function featureChoiceOfRun(features: RunFeatures): FeatureChoice {
  switch (features.kind) {
    case 'hog': {
      const { resize, grayscale, interpolation, orientations, pixelsPerCell, cellsPerBlock, blockNorm, transformSqrt } = features.details;
      return {
        kind: 'hog',
        pipeline: {
          grayscale,
          resize: resize ? { width: resize[0], height: resize[1] } : null,
          interpolation,
          params: { orientations, pixelsPerCell, cellsPerBlock, blockNorm, transformSqrt },
        },
      };
    }
    case 'pixels': {
      const { width, height, colorMode, resizeMode } = features.details;
      // Every image was brought to width × height (its own size when the run did not resize), so asking for that size gives the same pixels.
      return { kind: 'pixels', resize: { width, height }, keepShape: false, colorMode, resizeMode };
    }
    case 'columns':
      return { kind: 'columns' };
    default:
      return assertNever(features);
  }
}
