import { SinapsisError } from '../../../shared/contract/errors';
import type { PredictionSource } from '../../../shared/contract/inference';
import type { DatasetStore } from '../datasets/datasetStore';
import { readOpenedImage } from '../datasets/images/readOpenedImage';
import type { OpenedPaths } from '../datasets/pathGuard';
import type { SampleInput } from './sampleFeatures';

/** Where sources are looked up: the loaded datasets, and the folders the student opened. */
export interface SourceAccess {
  store: DatasetStore;
  openedPaths: OpenedPaths;
}

function datasetSample(access: SourceAccess, datasetId: string, file: string): SampleInput {
  const dataset = access.store.get(datasetId, 'images');
  const image = dataset.images.find((candidate) => candidate.file === file);
  if (!image)
    throw new SinapsisError('inference-image-not-in-dataset', `The dataset "${dataset.summary.name}" has no image "${file}".`, {
      file,
      dataset: dataset.summary.name,
    });
  return { kind: 'image', image: { width: image.width, height: image.height, channels: image.channels, data: image.pixels } };
}

/** An image file, read only from inside a folder the student opened. */
async function fileSample(access: SourceAccess, path: string): Promise<SampleInput> {
  return { kind: 'image', image: await readOpenedImage(path, access.openedPaths) };
}

/** The sample a prediction request names: decoded pixels of an image, or a table row. */
export async function resolveSample(source: PredictionSource, access: SourceAccess): Promise<SampleInput> {
  switch (source.kind) {
    case 'dataset':
      return datasetSample(access, source.datasetId, source.file);
    case 'file':
      return fileSample(access, source.path);
    case 'pixels':
      return {
        kind: 'image',
        image: {
          width: source.image.width,
          height: source.image.height,
          channels: source.image.channels,
          data: Uint8Array.from(source.image.data),
        },
      };
    case 'row':
      return { kind: 'row', values: source.values };
  }
}
