import { SinapsisError } from '../../../shared/contract';
import type { FeatureChoice } from '../../../shared/contract/experiment';
import type { ImageDataset, TableDataset } from '../datasets/datasetTypes';
import { datasetHog } from '../features/datasetHog';
import type { HogProgress } from '../features/extractHog';
import { defaultCacheDir } from '../features/hogCache';
import { pixelDetails } from '../features/pixelDetails';
import { writePixelFeatures, type PixelLayout } from '../features/pixelFeatures';
import { pixelChannels } from '../../../shared/features/pixelOptions';
import type { ExperimentSamples } from './experimentSamples';

export interface FeatureOptions {
  signal: AbortSignal;
  onHogProgress?: (progress: HogProgress) => void;
  /** HOG cache folder; null disables it (tests). */
  cacheDir?: string | null;
}

/** HOG and pixels describe images, columns describe tables; any other pairing is refused with what to choose. */
export function checkFeatureKind(choice: FeatureChoice['kind'], datasetKind: 'images' | 'table'): void {
  if ((datasetKind === 'table') === (choice === 'columns')) return;
  const what = datasetKind === 'images' ? 'an image folder' : 'a table';
  const use = datasetKind === 'images' ? 'HOG or raw pixels' : 'its numeric columns';
  throw new SinapsisError('features-wrong-kind', `"${choice}" features do not apply to ${what}; choose ${use}.`, {
    features: choice,
    dataset: datasetKind,
  });
}

function fromTable(dataset: TableDataset): ExperimentSamples {
  const classification = dataset.summary.task === 'classification';
  return {
    sampleShape: [dataset.featureNames.length],
    values: Float32Array.from(dataset.features),
    labels: classification ? Int32Array.from(dataset.targets) : null,
    targets: classification ? null : Float64Array.from(dataset.targets),
    classNames: dataset.classNames,
    files: new Array<null>(dataset.rows).fill(null),
    features: {
      kind: 'columns',
      length: dataset.featureNames.length,
      details: { columns: dataset.featureNames, target: dataset.summary.target, task: dataset.summary.task },
    },
    skipped: [],
  };
}

async function hogOf(
  dataset: ImageDataset,
  choice: Extract<FeatureChoice, { kind: 'hog' }>,
  options: FeatureOptions,
): Promise<ExperimentSamples> {
  const { featureSet, extraction } = await datasetHog(dataset, {
    pipeline: choice.pipeline,
    signal: options.signal,
    cacheDir: options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir,
    onProgress: options.onHogProgress,
  });
  if (featureSet.rows === 0) {
    const first = extraction.failures[0];
    throw new SinapsisError(
      'features-none',
      `HOG could not be computed for any image${first ? ` (e.g. ${first.file}: ${first.reason})` : ''}. Check the resize and cell settings in Características.`,
      {
        failures: extraction.failures.length,
      },
    );
  }
  const { params, resize, grayscale, interpolation } = choice.pipeline;
  return {
    sampleShape: [featureSet.length],
    values: Float32Array.from(featureSet.matrix),
    labels: featureSet.labels ?? new Int32Array(0),
    targets: null,
    classNames: dataset.classNames,
    files: featureSet.names,
    features: {
      kind: 'hog',
      length: featureSet.length,
      details: { ...params, resize: resize ? [resize.width, resize.height] : null, grayscale, interpolation, length: featureSet.length },
    },
    skipped: extraction.failures.map(({ file, reason }) => ({ file, reason: `HOG: ${reason}` })),
  };
}

/** The pixel layout of a choice on this dataset: `auto` colour resolved against the images that have colour. */
export function pixelLayoutOf(dataset: ImageDataset, choice: Extract<FeatureChoice, { kind: 'pixels' }>): PixelLayout {
  return { size: choice.resize, channels: pixelChannels(choice.colorMode, dataset.summary.channels.colour), resizeMode: choice.resizeMode };
}

/** Raw pixels of every image (writePixelFeatures). Without a resize every image must already have the same size. */
function pixelsOf(dataset: ImageDataset, choice: Extract<FeatureChoice, { kind: 'pixels' }>): ExperimentSamples {
  const first = dataset.images[0];
  const layout = pixelLayoutOf(dataset, choice);
  const width = choice.resize?.width ?? first.width;
  const height = choice.resize?.height ?? first.height;
  const { channels } = layout;
  const size = width * height * channels;
  const values = new Float32Array(dataset.images.length * size);
  dataset.images.forEach((image, index) => {
    if (!choice.resize && (image.width !== width || image.height !== height)) {
      throw new SinapsisError(
        'pixels-size-mismatch',
        `${image.file} is ${image.width}×${image.height} but ${first.file} is ${width}×${height}: raw-pixel features need one size. Choose a resize (e.g. ${width}×${height}) in the feature settings.`,
        { file: image.file, width: image.width, height: image.height, expectedWidth: width, expectedHeight: height },
      );
    }
    writePixelFeatures(
      { width: image.width, height: image.height, channels: image.channels, data: image.pixels },
      layout,
      values,
      index * size,
    );
  });
  return {
    sampleShape: choice.keepShape ? [height, width, channels] : [size],
    channels,
    values,
    labels: Int32Array.from(dataset.images, (image) => image.label),
    targets: null,
    classNames: dataset.classNames,
    files: dataset.images.map((image) => image.file),
    features: {
      kind: 'pixels',
      length: size,
      details: pixelDetails({
        width,
        height,
        channels,
        colorMode: choice.colorMode,
        resizeMode: choice.resizeMode,
        keepShape: choice.keepShape,
      }),
    },
    skipped: [],
  };
}

/** The feature matrix of a loaded dataset, as the experiment asks for it. */
export async function experimentFeatures(
  dataset: ImageDataset | TableDataset,
  choice: FeatureChoice,
  options: FeatureOptions,
): Promise<ExperimentSamples> {
  checkFeatureKind(choice.kind, dataset.kind);
  if (dataset.kind === 'table') return fromTable(dataset);
  if (dataset.images.length === 0)
    throw new SinapsisError('data-empty', `The dataset "${dataset.summary.name}" has no images to train on.`);
  return choice.kind === 'hog' ? hogOf(dataset, choice, options) : pixelsOf(dataset, choice as Extract<FeatureChoice, { kind: 'pixels' }>);
}
