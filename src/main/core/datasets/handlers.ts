import { stat } from 'node:fs/promises';
import { SinapsisError } from '../../../shared/contract';
import { augmentationWarnings, augmentImage } from '../../../shared/datasets/augment';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { CallContext, HandlerMap } from '../context';
import { userPath } from '../files';
import { rememberDataset } from '../files/recentDatasets';
import { builtinPaths, builtins, generateBuiltin } from './builtins';
import { buildTable, tableFromGenerated } from './csv/buildTable';
import { openCsv } from './csv/openCsv';
import { DatasetStore } from './datasetStore';
import { inspectImageFile } from './images/inspectImageFile';
import { loadImageFolder, MAX_IMAGE_FILE_BYTES } from './images/loadImageFolder';
import { pngDataUrl, shrinkToFit } from './images/thumbnail';
import { splitDataset } from './splitDataset';

type DatasetMethod =
  | 'dataset.openFolder'
  | 'dataset.openCsv'
  | 'dataset.chooseTarget'
  | 'dataset.builtinList'
  | 'dataset.builtin'
  | 'dataset.thumbnails'
  | 'dataset.image'
  | 'dataset.rows'
  | 'dataset.split'
  | 'dataset.augmentPreview'
  | 'dataset.summary';

/** Loads an image folder as a task, streaming progress; the store changes only when the load succeeds. */
/** Text compared by the file search: lower case without accents, so "nino" finds "Niño.png". */
function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export async function loadFolderTask(path: string, taskId: string, context: CallContext) {
  return context.workspace.tasks.run(taskId, async (signal) => {
    const dataset = await loadImageFolder(path, {
      signal,
      files: context.workspace.files,
      // A lab server's per-student budget stops the load early instead of after every image is decoded.
      ...(Number.isFinite(context.workspace.datasets.budgetBytes) ? { maxPixelBytes: context.workspace.datasets.budgetBytes } : {}),
      datasetId: DatasetStore.newId(),
      onProgress: (progress) => context.emit('dataset.progress', { taskId, ...progress }),
    });
    context.workspace.openedPaths.grant(dataset.root);
    context.workspace.datasets.put(dataset);
    const { summary } = dataset;
    await rememberDataset(context, { path: summary.root, name: summary.name, images: summary.total, classes: summary.classes.length });
    return dataset;
  });
}

async function loadCsvAsTable(path: string, target: string, context: CallContext): Promise<DatasetSummary> {
  const draft = await openCsv(path, 'auto', 'auto', DatasetStore.newId(), context.workspace.files);
  const column = draft.header.indexOf(target);
  const table = buildTable(draft, column >= 0 ? column : draft.header.length - 1, 'auto', DatasetStore.newId());
  context.workspace.openedPaths.grant(draft.path);
  context.workspace.datasets.put(table);
  return table.summary;
}

export const datasetHandlers: HandlerMap<DatasetMethod> = {
  'dataset.openFolder': async (request, context) => (await loadFolderTask(userPath(request.path), request.taskId, context)).summary,

  'dataset.openCsv': async (request, context) => {
    const draft = await openCsv(userPath(request.path), request.delimiter, request.header, DatasetStore.newId(), context.workspace.files);
    context.workspace.openedPaths.grant(draft.path);
    context.workspace.datasets.put(draft);
    return draft.inspection;
  },

  'dataset.chooseTarget': async (request, context) => {
    const draft = context.workspace.datasets.get(request.datasetId, 'csv');
    const table = buildTable(draft, request.target, request.task, DatasetStore.newId());
    context.workspace.datasets.put(table);
    return table.summary;
  },

  'dataset.builtinList': async () => builtins,

  'dataset.builtin': async (request, context) => {
    const { id, options } = request;
    if (id === 'digits') return (await loadFolderTask(builtinPaths.digits(), request.taskId, context)).summary;
    if (id === 'wine') return loadCsvAsTable(builtinPaths.wine(), 'class', context);
    const table = tableFromGenerated(generateBuiltin(id, options), DatasetStore.newId(), `builtin:${id}:${JSON.stringify(options)}`);
    context.workspace.datasets.put(table);
    return table.summary;
  },

  'dataset.thumbnails': async (request, context) => {
    const dataset = context.workspace.datasets.get(request.datasetId, 'images');
    let indices = dataset.images.map((_, i) => i);
    if (request.className !== undefined) {
      const label = dataset.classNames.indexOf(request.className);
      if (label < 0)
        throw new SinapsisError('dataset-unknown-class', `The dataset has no class "${request.className}".`, {
          className: request.className,
        });
      indices = indices.filter((i) => dataset.images[i].label === label);
    }
    const search = request.search?.trim() ? foldForSearch(request.search.trim()) : null;
    if (search) indices = indices.filter((i) => foldForSearch(dataset.images[i].file).includes(search));
    const items = indices.slice(request.offset, request.offset + request.limit).map((index) => {
      const image = dataset.images[index];
      const small = shrinkToFit(image, request.size);
      return {
        index,
        file: image.file,
        label: dataset.classNames[image.label],
        width: image.width,
        height: image.height,
        src: pngDataUrl(small.width, small.height, image.channels, small.pixels),
      };
    });
    return { total: indices.length, items };
  },

  'dataset.image': async (request, context) => {
    const dataset = context.workspace.datasets.get(request.datasetId, 'images');
    const path = context.workspace.openedPaths.resolveInside(dataset.root, request.file);
    let bytes: Buffer;
    try {
      bytes = await context.workspace.openedPaths.read(path, { maxBytes: MAX_IMAGE_FILE_BYTES, what: 'an image' });
    } catch (error) {
      if (error instanceof SinapsisError) throw error;
      throw new SinapsisError(
        'dataset-file-missing',
        `"${request.file}" can no longer be read from "${dataset.root}". Reopen the folder.`,
        { file: request.file },
      );
    }
    const inspection = inspectImageFile(request.file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!inspection.ok)
      throw new SinapsisError('dataset-image-unreadable', `"${request.file}": ${inspection.reason}.`, {
        file: request.file,
        reason: inspection.reason,
      });
    const view = shrinkToFit({ ...inspection.image, pixels: inspection.image.data }, 1024);
    return {
      file: request.file,
      width: inspection.image.width,
      height: inspection.image.height,
      src: pngDataUrl(view.width, view.height, inspection.image.channels, view.pixels),
    };
  },

  'dataset.rows': async (request, context) => {
    const table = context.workspace.datasets.get(request.datasetId, 'table');
    const columns = table.featureNames.length;
    const end = Math.min(table.rows, request.offset + request.limit);
    const features: number[][] = [];
    const targets: number[] = [];
    for (let r = request.offset; r < end; r++) {
      features.push(Array.from(table.features.subarray(r * columns, (r + 1) * columns)));
      targets.push(table.targets[r]);
    }
    return { total: table.rows, features, targets };
  },

  'dataset.split': async (request, context) => splitDataset(context.workspace.datasets.get(request.datasetId, 'images', 'table'), request),

  'dataset.augmentPreview': async (request, context) => {
    const dataset = context.workspace.datasets.get(request.datasetId, 'images');
    const image = dataset.images[request.index];
    if (!image) {
      throw new SinapsisError(
        'dataset-index-out-of-range',
        `Image ${request.index} does not exist: the dataset has ${dataset.images.length} images.`,
        {
          index: request.index,
          total: dataset.images.length,
        },
      );
    }
    const random = createSeededRandom(request.seed);
    const encode = (pixels: Uint8Array) => {
      const small = shrinkToFit({ ...image, pixels }, request.size);
      return pngDataUrl(small.width, small.height, image.channels, small.pixels);
    };
    const items = Array.from({ length: request.count }, () => encode(augmentImage(image, request.options, random)));
    return { file: image.file, original: encode(image.pixels), items, warnings: augmentationWarnings(request.options, dataset.classNames) };
  },

  'dataset.summary': async (request, context) => {
    const dataset = context.workspace.datasets.get(request.datasetId, 'images', 'table');
    // Still loaded is not enough when the folder moved: its images are read from there (gallery, viewer, reports).
    if (
      dataset.kind === 'images' &&
      !(await stat(dataset.root).then(
        (info) => info.isDirectory(),
        () => false,
      ))
    ) {
      throw new SinapsisError(
        'dataset-not-loaded',
        `The dataset of ${dataset.root} is no longer in that folder. Open it again where it is now.`,
        { datasetId: request.datasetId },
      );
    }
    return dataset.summary;
  },
};
