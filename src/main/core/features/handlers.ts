import { SinapsisError } from '../../../shared/contract';
import type { HogExtractResult } from '../../../shared/contract/features';
import type { HandlerMap } from '../context';
import type { ImageDataset } from '../datasets/datasetTypes';
import { readOpenedImage } from '../datasets/images/readOpenedImage';
import { datasetItems, toFeatureSet } from './datasetHog';
import { extractHog, type HogSourceItems } from './extractHog';
import { isAbsolute, join } from 'node:path';
import type { DatasetStore } from '../datasets/datasetStore';
import { featureSetCsv } from './featureSetCsv';
import { pathNotAllowed } from '../files';
import type { PixelImage } from './pixelImage';
import { previewHog } from './previewHog';

function datasetImage(dataset: ImageDataset, index: number): PixelImage {
  const stored = dataset.images[index];
  if (!stored) {
    throw new SinapsisError('hog-image-index', `The dataset has ${dataset.images.length} images; there is no image number ${index}.`, {
      index,
      total: dataset.images.length,
    });
  }
  return { width: stored.width, height: stored.height, channels: stored.channels, data: stored.pixels };
}

/** A file name for the student's downloads folder: the data's name and the feature kind, safe on every OS. */
function featuresFileName(names: readonly string[], kind: string, id: string, datasetName: string | null): string {
  const parts = (names[0] ?? '').split(/[\\/]/).filter(Boolean);
  const base = (datasetName ?? (parts.length >= 3 ? parts[parts.length - 3] : id)).replace(/[^\w.-]+/g, '_');
  return `${base}-${kind}-features.csv`;
}

/** The loaded image dataset a feature set came from (its root makes the CSV's paths absolute), if it is still loaded. */
function sourceDataset(store: DatasetStore, datasetId: string | null): ImageDataset | null {
  if (!datasetId) return null;
  try {
    return store.get(datasetId, 'images');
  } catch {
    return null;
  }
}

export const featuresHandlers: HandlerMap<'hog.preview' | 'hog.extract' | 'features.exportCsv'> = {
  'hog.preview': async (request, context) => {
    const { source } = request;
    let image: PixelImage;
    if (source.kind === 'dataset') image = datasetImage(context.workspace.datasets.get(source.datasetId, 'images'), source.index);
    else if (source.kind === 'file') image = await readOpenedImage(source.path, context.workspace.openedPaths);
    else
      image = {
        width: source.image.width,
        height: source.image.height,
        channels: source.image.channels,
        data: Uint8Array.from(source.image.data),
      };
    return previewHog(image, request.pipeline);
  },

  'hog.extract': async (request, context): Promise<HogExtractResult> => {
    const { source, pipeline, taskId } = request;
    let items: HogSourceItems;
    let dataset: ImageDataset | null = null;
    if (source.kind === 'dataset') {
      dataset = context.workspace.datasets.get(source.datasetId, 'images');
      items = datasetItems(dataset);
    } else {
      // Only files inside a folder the student opened may be read through the contract.
      const refused = source.files.find((file) => !context.workspace.openedPaths.isAllowed(file));
      if (refused !== undefined) {
        throw pathNotAllowed(refused);
      }
      items = { kind: 'files', files: source.files.map((path) => ({ name: path, path })) };
    }
    const names = items.kind === 'files' ? items.files.map((f) => f.name) : items.images.map((i) => i.name);
    return context.workspace.tasks.run(taskId, async (signal) => {
      const extraction = await extractHog(items, {
        pipeline,
        signal,
        threads: request.threads,
        cacheDir: request.useCache ? join(context.workspace.folders.cache, 'hog') : null,
        files: context.workspace.files,
        onProgress: (progress) => context.emit('hog.progress', { taskId, ...progress }),
      });
      const featureSet = toFeatureSet(extraction, pipeline, names, dataset);
      context.workspace.featureSets.put(featureSet);
      return {
        featureSetId: featureSet.id,
        length: extraction.length,
        extracted: featureSet.rows,
        fromCache: extraction.fromCache,
        failures: extraction.failures.map(({ file, code, reason, reasonKey, params }) => ({
          file,
          code,
          reason,
          reasonKey,
          ...(params ? { params } : {}),
        })),
        seconds: extraction.seconds,
        imagesPerSecond: extraction.seconds > 0 ? names.length / extraction.seconds : 0,
        threads: extraction.threads,
      };
    });
  },
  'features.exportCsv': async (request, context) => {
    const set = context.workspace.featureSets.get(request.featureSetId);
    const dataset = sourceDataset(context.workspace.datasets, set.datasetId);
    const names = dataset ? set.names.map((name) => (isAbsolute(name) ? name : join(dataset.root, name))) : set.names;
    const csv = featureSetCsv({ ...set, names });
    return {
      fileName: featuresFileName(names, set.kind, set.id, dataset?.summary.name ?? null),
      csv,
      rows: set.rows,
      columns: set.length + 2,
    };
  },
};
