import { assertNever } from '../../../shared/assertNever';
import { SinapsisError } from '../../../shared/contract/errors';
import type { HogPipeline } from '../../../shared/contract/features';
import type { HogFeatureDetails } from '../../../shared/contract/runs';
import { applyScaler, type Scaler } from '../../../shared/datasets/scaling';
import { hog } from '../features/hog';
import type { PixelImage } from '../features/pixelImage';
import { pixelLayoutFromDetails } from '../features/pixelDetails';
import { writePixelFeatures } from '../features/pixelFeatures';
import { prepareImage } from '../features/prepareImage';
import type { PreprocessingFile } from './preprocessingFile';

/**
 * One new sample -> the vector the run's model was trained on, step for step as the experiment computed its
 * training matrix (core/experiment/experimentFeatures.ts and scaleFeatures.ts): HOG of the prepared image or its
 * grey or RGB pixels / 255, stored as float32; then the scaler fitted on the training part, in float64, stored as float32.
 * Doing the same roundings is what makes a prediction here equal the run's own (predictions.json) to 1e-6.
 */

export type SampleInput = { kind: 'image'; image: PixelImage } | { kind: 'row'; values: readonly number[] };
type Features = PreprocessingFile['features'];

/** The HOG pipeline a run recorded in its feature details ({...params, resize: [w, h] | null, grayscale, interpolation}). */
export function hogPipelineOf(details: HogFeatureDetails): HogPipeline {
  const { resize, grayscale, interpolation, orientations, pixelsPerCell, cellsPerBlock, blockNorm, transformSqrt } = details;
  return {
    grayscale,
    resize: resize ? { width: resize[0], height: resize[1] } : null,
    interpolation,
    params: { orientations, pixelsPerCell, cellsPerBlock, blockNorm, transformSqrt },
  };
}

function wrongInput(features: Features, got: SampleInput['kind']): SinapsisError {
  const expected = features.kind === 'columns' ? 'a row of numbers' : 'an image';
  return new SinapsisError(
    'inference-wrong-input',
    `This run was trained on ${features.kind === 'columns' ? 'table columns' : 'images'}: give it ${expected}, not ${got === 'row' ? 'a row of numbers' : 'an image'}.`,
    {
      features: features.kind,
      input: got,
    },
  );
}

function hogVector(image: PixelImage, features: Extract<Features, { kind: 'hog' }>): Float32Array {
  const pipeline = hogPipelineOf(features.details);
  const vector = hog(prepareImage(image, pipeline), pipeline.params).vector;
  if (vector.length !== features.length) {
    // Only possible when the run kept each image's own size (no resize): another size gives another length.
    throw new SinapsisError(
      'inference-feature-length',
      `This ${image.width}×${image.height} image gives ${vector.length} HOG features, but the model was trained on ${features.length}. Use an image of the training images' size.`,
      { got: vector.length, expected: features.length, width: image.width, height: image.height },
    );
  }
  return Float32Array.from(vector);
}

function pixelVector(image: PixelImage, features: Extract<Features, { kind: 'pixels' }>): Float32Array {
  const layout = pixelLayoutFromDetails(features.details);
  // Training resized with INTER_AREA when asked; without a resize every image already had this size, and
  // resizing to the same size is a copy, so both cases are this one call.
  const out = new Float32Array(layout.size.width * layout.size.height * layout.channels);
  writePixelFeatures(image, layout, out);
  return out;
}

/** The sample's features before scaling, as float32 like the training matrix. */
export function rawFeatures(input: SampleInput, features: Features): Float32Array {
  if ((input.kind === 'row') !== (features.kind === 'columns')) throw wrongInput(features, input.kind);
  if (input.kind === 'row') {
    if (input.values.length !== features.length) {
      throw new SinapsisError(
        'inference-feature-length',
        `The row has ${input.values.length} numbers, but the model was trained on ${features.length} columns.`,
        {
          got: input.values.length,
          expected: features.length,
        },
      );
    }
    if (!input.values.every(Number.isFinite))
      throw new SinapsisError('inference-row-not-finite', 'Every value of the row must be a finite number.');
    return Float32Array.from(input.values);
  }
  switch (features.kind) {
    case 'hog':
      return hogVector(input.image, features);
    case 'pixels':
      return pixelVector(input.image, features);
    case 'columns':
      throw wrongInput(features, input.kind);
    default:
      return assertNever(features);
  }
}

/** The fitted scaler applied to one vector (float64 arithmetic, stored as float32, as scaleFeatures does). */
export function scaleVector(raw: Float32Array, scaler: Scaler | null): Float32Array {
  if (!scaler) return raw;
  return Float32Array.from(applyScaler(scaler, { values: raw, rows: 1, columns: raw.length }));
}

/** The vector the model receives for this sample. */
export function sampleFeatures(input: SampleInput, preprocessing: Pick<PreprocessingFile, 'features' | 'scaler'>): Float32Array {
  return scaleVector(rawFeatures(input, preprocessing.features), preprocessing.scaler);
}
