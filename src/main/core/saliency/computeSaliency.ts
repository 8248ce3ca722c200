import * as tf from '@tensorflow/tfjs';
import { assertNever } from '../../../shared/assertNever';
import { SinapsisError } from '../../../shared/contract/errors';
import type { SaliencyMethodRequest, SaliencyResult } from '../../../shared/contract/saliency';
import { SALIENCY_RULES, type SaliencyRefusal } from '../../../shared/inference/saliencyMethods';
import { pngDataUrl } from '../datasets/images/thumbnail';
import { hog } from '../features/hog';
import { hogPicture, pictureToGray } from '../features/hogPicture';
import type { PixelImage } from '../features/pixelImage';
import { prepareImage } from '../features/prepareImage';
import { classProbabilities, modelOutputs } from '../inference/predictSample';
import type { RunModel } from '../inference/runModelCache';
import { hogPipelineOf, rawFeatures, scaleVector, type SampleInput } from '../inference/sampleFeatures';
import { gradCam } from './gradCam';
import { cellPixelMap, gradientTimesInput, sharesPerCell } from './hogCells';
import { inputGradient, smoothGrad } from './inputGradient';
import { convPositions, modelChain } from './modelChain';
import { occlusion, type OcclusionImage } from './occlusion';
import { pixelInput, pixelPicture, type PixelInput } from './pixelInput';
import { normalisedMap } from './saliencyMap';

/**
 * `runs.saliency`: one image, one class, one method -> a map over the picture the model sees. Methods that do not
 * apply to the run are refused with the reason and what to use instead (the rules are shared with the UI).
 */

type Features = RunModel['preprocessing']['features'];
type HogFeatures = Extract<Features, { kind: 'hog' }>;
type PixelFeatures = Extract<Features, { kind: 'pixels' }>;

const REFUSALS = {
  'saliency-needs-conv':
    'Grad-CAM reads the maps of a convolutional layer, and this model has none (it is an MLP). Use the input gradient, SmoothGrad or occlusion.',
  'saliency-needs-pixels':
    "This run's model receives HOG features, not pixels, so a gradient over pixels does not exist. Use the HOG-cell weights or occlusion.",
  'saliency-needs-hog':
    'HOG-cell weights exist only for runs trained on HOG features; this one receives pixels. Use the input gradient, Grad-CAM or occlusion.',
  'saliency-needs-image':
    'This run was trained on table columns: saliency maps are drawn over images. Nothing to show for a row of numbers.',
} satisfies Record<SaliencyRefusal, string>;

function refuse(code: SaliencyRefusal, method: string): never {
  throw new SinapsisError(code, REFUSALS[code], { method });
}

function imageOf(sample: SampleInput, features: Features): PixelImage {
  if (sample.kind === 'image') return sample.image;
  // rawFeatures refuses a row for an image run with the usual message ("give it an image").
  rawFeatures(sample, features);
  throw new Error('unreachable: rawFeatures refuses a row for an image run');
}

/** The target class's probability for each of `count` model inputs of `length` values, predicted as one batch. */
function batchProbabilities(run: RunModel, inputs: tf.Tensor, count: number, target: number, classes: number): Float32Array {
  const outputs = tf.tidy(() => (run.model.predict(inputs, { batchSize: count }) as tf.Tensor).dataSync() as Float32Array);
  const width = outputs.length / count;
  return Float32Array.from({ length: count }, (_, n) => classProbabilities(outputs.subarray(n * width, (n + 1) * width), classes)[target]);
}

function pixelOcclusion(run: RunModel, input: PixelInput, target: number, options: { patch?: number; stride?: number }) {
  const image: OcclusionImage = { width: input.width, height: input.height, channels: input.channels, values: input.raw };
  return occlusion(
    image,
    (batch, count) => {
      const raw = tf.tensor2d(batch, [count, input.raw.length]);
      const inputs = tf.tidy(() => input.toModelInput(raw));
      try {
        return batchProbabilities(run, inputs, count, target, run.preprocessing.classes.length);
      } finally {
        tf.dispose([raw, inputs]);
      }
    },
    options,
  );
}

/** Occlusion of a HOG run: every covered copy of the prepared image goes through HOG and the scaler again. */
function hogOcclusion(
  run: RunModel,
  prepared: PixelImage,
  features: HogFeatures,
  target: number,
  options: { patch?: number; stride?: number },
) {
  const params = hogPipelineOf(features.details).params;
  const image: OcclusionImage = {
    width: prepared.width,
    height: prepared.height,
    channels: prepared.channels,
    values: Float32Array.from(prepared.data),
  };
  return occlusion(
    image,
    (batch, count) => {
      const length = features.length;
      const vectors = new Float32Array(count * length);
      const pixels = image.values.length;
      for (let n = 0; n < count; n++) {
        const data = Uint8Array.from(batch.subarray(n * pixels, (n + 1) * pixels), (v) => Math.round(v));
        const vector = Float32Array.from(hog({ ...prepared, data }, params).vector);
        vectors.set(scaleVector(vector, run.preprocessing.scaler), n * length);
      }
      const inputs = tf.tensor(vectors, [count, ...run.inputShape]);
      try {
        return batchProbabilities(run, inputs, count, target, run.preprocessing.classes.length);
      } finally {
        inputs.dispose();
      }
    },
    options,
  );
}

function imagePicture(image: PixelImage): SaliencyResult['picture'] {
  return { width: image.width, height: image.height, png: pngDataUrl(image.width, image.height, image.channels === 3 ? 3 : 1, image.data) };
}

interface Target {
  target: number;
  predicted: number;
  probability: number;
}

function chooseTarget(run: RunModel, vector: Float32Array, asked: number | undefined): Target {
  const labels = run.preprocessing.classes;
  const probabilities = classProbabilities(modelOutputs(run, vector), labels.length);
  const predicted = probabilities.reduce((best, p, i) => (p > probabilities[best] ? i : best), 0);
  const target = asked ?? predicted;
  if (target >= labels.length) {
    throw new SinapsisError(
      'saliency-bad-class',
      `There is no class number ${target + 1}: the run has ${labels.length} classes. Choose one of them.`,
      { class: target + 1, total: labels.length },
    );
  }
  return { target, predicted, probability: probabilities[target] };
}

function pixelSaliency(run: RunModel, image: PixelImage, features: PixelFeatures, request: SaliencyMethodRequest, chosen: Target) {
  const { width, height, channels } = features.details;
  const input = pixelInput(run, rawFeatures({ kind: 'image', image }, features), { width, height, channels });
  const picture = pixelPicture(input);
  const { target } = chosen;
  switch (request.method) {
    case 'gradcam': {
      const chain = modelChain(run.model);
      const modelInput = tf.tidy(() => input.toModelInput(tf.tensor2d(input.raw, [1, input.raw.length])));
      try {
        const cam = gradCam(chain, modelInput, target, { width, height }, request.layer);
        const layers = convPositions(chain).map((position) => chain[position].name);
        return {
          picture,
          map: normalisedMap(cam.values, width, height),
          gradcam: { layers, layer: cam.layer, mapWidth: cam.mapWidth, mapHeight: cam.mapHeight },
        };
      } finally {
        modelInput.dispose();
      }
    }
    case 'gradient':
      return { picture, map: normalisedMap(inputGradient(modelChain(run.model), input, target), width, height) };
    case 'smoothgrad': {
      const { samples, noise, seed } = request;
      const values = smoothGrad(modelChain(run.model), input, target, { samples, noise, seed });
      return { picture, map: normalisedMap(values, width, height), smoothgrad: { samples, noise, seed } };
    }
    case 'occlusion': {
      const { values, ...used } = pixelOcclusion(run, input, target, request);
      return { picture, map: normalisedMap(values, width, height), occlusion: used };
    }
    case 'hogCells':
      return refuse('saliency-needs-hog', request.method);
    default:
      return assertNever(request);
  }
}

function hogSaliency(
  run: RunModel,
  image: PixelImage,
  features: HogFeatures,
  vector: Float32Array,
  request: SaliencyMethodRequest,
  chosen: Target,
) {
  const pipeline = hogPipelineOf(features.details);
  const prepared = prepareImage(image, pipeline);
  const { width, height } = prepared;
  switch (request.method) {
    case 'hogCells': {
      const result = hog(prepared, pipeline.params);
      const shares = gradientTimesInput(modelChain(run.model), vector, run.inputShape, chosen.target);
      const cells = sharesPerCell(shares, pipeline.params, result.geometry);
      const drawn = pictureToGray(hogPicture(result.cellHistograms, height, width, pipeline.params, result.geometry));
      const map = cellPixelMap(cells.cells, width, height, pipeline.params.pixelsPerCell, result.geometry);
      return {
        picture: { width, height, png: pngDataUrl(width, height, 1, drawn) },
        map: normalisedMap(map, width, height),
        hog: {
          cellRows: result.geometry.cellRows,
          cellColumns: result.geometry.cellColumns,
          orientations: pipeline.params.orientations,
          pixelsPerCell: pipeline.params.pixelsPerCell,
          weights: Array.from(cells.weights),
          binTotals: Array.from(cells.binTotals),
          image: imagePicture(prepared),
        },
      };
    }
    case 'occlusion': {
      const { values, ...used } = hogOcclusion(run, prepared, features, chosen.target, request);
      return { picture: imagePicture(prepared), map: normalisedMap(values, width, height), occlusion: used };
    }
    case 'gradcam':
    case 'gradient':
    case 'smoothgrad':
      return refuse('saliency-needs-pixels', request.method);
    default:
      return assertNever(request);
  }
}

export function computeSaliency(
  run: RunModel,
  sample: SampleInput,
  request: { method: SaliencyMethodRequest; targetClass?: number },
): SaliencyResult {
  const { features, classes } = run.preprocessing;
  const method = request.method;
  if (classes.length === 0) {
    throw new SinapsisError(
      'saliency-regression',
      'This run predicts a number (regression), not a class: saliency maps explain the score of a class.',
    );
  }
  const refusal = SALIENCY_RULES[method.method].refusal({ features: features.kind, cnn: convPositions(run.model.layers).length > 0 });
  if (refusal) refuse(refusal, method.method);
  const image = imageOf(sample, features);
  const vector = scaleVector(rawFeatures({ kind: 'image', image }, features), run.preprocessing.scaler);
  const chosen = chooseTarget(run, vector, request.targetClass);
  const shown = {
    method: method.method,
    targetClass: chosen.target,
    label: classes[chosen.target],
    probability: chosen.probability,
    predictedClass: chosen.predicted,
  };
  switch (features.kind) {
    case 'pixels':
      return { ...shown, ...pixelSaliency(run, image, features, method, chosen) };
    case 'hog':
      return { ...shown, ...hogSaliency(run, image, features, vector, method, chosen) };
    case 'columns':
      return refuse('saliency-needs-image', method.method);
    default:
      return assertNever(features);
  }
}
