import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { basename, resolve } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SinapsisError } from '../../../../shared/contract';
import type { DatasetProgressEvent } from '../../../../shared/contract/datasets';
import type { ImageDataset, StoredImage } from '../datasetTypes';
import { sha256Hex } from '../fingerprint';
import { ProblemList } from '../problems';
import { ProgressMeter } from '../progressMeter';
import { inspectImageFile } from './inspectImageFile';
import { scanFolder } from './scanFolder';
import { summarizeImages, type ImageFacts } from './summarizeImages';

export interface LoadFolderOptions {
  signal: AbortSignal;
  onProgress?: (progress: Omit<DatasetProgressEvent, 'taskId'>) => void;
  /** Refuse to hold more decoded pixel bytes than this; defaults to a quarter of RAM, at most 2 GiB. */
  maxPixelBytes?: number;
  datasetId: string;
}

/** The event loop gets a turn at least this often, so progress events and `task.cancel` get through. */
const YIELD_EVERY_MS = 16;

/**
 * Files up to this size are read synchronously. For small files on a local disk that takes microseconds,
 * while the promise-based readFile costs four thread-pool round trips per file and made loading 60,000
 * images several times slower. The loop still yields every few milliseconds, and large files go async.
 */
const SYNC_READ_LIMIT = 1024 * 1024;

async function readBytes(path: string, size: number): Promise<Uint8Array | Error> {
  try {
    const buffer = size <= SYNC_READ_LIMIT ? readFileSync(path) : await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

export function defaultPixelBudget(): number {
  return Math.min(2 * 1024 ** 3, Math.floor(totalmem() / 4));
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) {
    throw new SinapsisError('dataset-load-cancelled', 'Loading was cancelled. The dataset loaded before (if any) is unchanged.');
  }
}

/**
 * Loads a folder-per-class image dataset: scans it, then streams the files from disk (a few read ahead),
 * decoding each by content into 8-bit pixels. Bad files become problem-report lines; only unusable input as a
 * whole (no images, a single class, over the memory budget, cancelled) throws a `SinapsisError`.
 */
export async function loadImageFolder(path: string, options: LoadFolderOptions): Promise<ImageDataset> {
  const root = resolve(path);
  const { signal } = options;
  const problems = new ProblemList();
  const emit = (phase: DatasetProgressEvent['phase']) => (state: { done: number; total: number; filesPerSecond: number; etaSeconds: number | null }) =>
    options.onProgress?.({ phase, ...state, problems: problems.items.length });

  const scanMeter = new ProgressMeter(emit('scanning'));
  const scan = await scanFolder(root, problems, signal, (found) => scanMeter.update(found, found));
  throwIfCancelled(signal);

  const meter = new ProgressMeter(emit('loading'));
  const classIndex = new Map(scan.classNames.map((name, i) => [name, i]));
  const images: StoredImage[] = [];
  const facts: ImageFacts = { formats: [], sixteenBit: 0, withAlpha: 0 };
  const budget = options.maxPixelBytes ?? defaultPixelBudget();
  const files = scan.files;
  let pixelBytes = 0;

  let lastYield = performance.now();
  for (let i = 0; i < files.length; i++) {
    throwIfCancelled(signal);
    const file = files[i];
    const bytes = await readBytes(file.absolutePath, file.size);

    if (bytes instanceof Error) {
      const code = (bytes as NodeJS.ErrnoException).code ?? 'error';
      problems.add(file.relativePath, 'unreadable', `cannot read the file (${code}); check its permissions`);
    } else {
      const inspection = inspectImageFile(file.relativePath, bytes);
      if (!inspection.ok) {
        problems.add(file.relativePath, inspection.code, inspection.reason);
      } else {
        const { image } = inspection;
        pixelBytes += image.data.byteLength;
        if (pixelBytes > budget) {
          throw new SinapsisError(
            'dataset-too-large',
            `The images need more than ${Math.round(budget / 1024 ** 2)} MB of memory (stopped at ${file.relativePath}, ${images.length} images loaded). Use smaller images or fewer of them.`,
            { limitMb: Math.round(budget / 1024 ** 2), loaded: images.length },
          );
        }
        if (inspection.note) problems.add(file.relativePath, inspection.note.code, inspection.note.reason);
        images.push({
          file: file.relativePath,
          label: classIndex.get(file.className) ?? 0,
          width: image.width,
          height: image.height,
          channels: image.channels,
          pixels: image.data,
          hash: sha256Hex(bytes),
        });
        facts.formats.push(inspection.format);
        if (image.sourceBitDepth === 16) facts.sixteenBit++;
        if (image.sourceHadAlpha) facts.withAlpha++;
      }
    }
    meter.update(i + 1, files.length);
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  }
  throwIfCancelled(signal);
  meter.update(files.length, files.length, true);

  return finishDataset(root, scan.classNames, images, facts, problems, meter.elapsedSeconds, files.length, options.datasetId);
}

/** Drops classes left without images, adds duplicate notes, checks the dataset is usable, and builds its summary. */
function finishDataset(
  root: string,
  folderClasses: string[],
  loaded: StoredImage[],
  facts: ImageFacts,
  problems: ProblemList,
  seconds: number,
  filesTried: number,
  datasetId: string,
): ImageDataset {
  const counts = new Array<number>(folderClasses.length).fill(0);
  for (const image of loaded) counts[image.label]++;
  const keep = folderClasses.map((_, i) => counts[i] > 0);
  folderClasses.forEach((name, i) => {
    if (!keep[i]) problems.add(name, 'empty-class-folder', 'class folder has no loadable images; the class is left out');
  });
  const classNames = folderClasses.filter((_, i) => keep[i]);
  const remap = new Map<number, number>();
  folderClasses.forEach((name, i) => keep[i] && remap.set(i, classNames.indexOf(name)));
  const images = loaded.map((image) => ({ ...image, label: remap.get(image.label) ?? 0 }));

  const firstByHash = new Map<string, StoredImage>();
  for (const image of images) {
    const first = firstByHash.get(image.hash);
    if (!first) firstByHash.set(image.hash, image);
    else {
      const crossClass = first.label !== image.label ? ' in another class: one of the two labels is wrong' : '';
      problems.add(image.file, 'duplicate', `same content as ${first.file}${crossClass}`);
    }
  }

  if (images.length === 0) {
    throw new SinapsisError(
      'dataset-no-images',
      `No images could be loaded from "${root}" (${filesTried} files tried, ${problems.skippedCount} problems). Put the images in one subfolder per class, e.g. ${root}/cats/001.png.`,
      { path: root, files: filesTried, problems: problems.skippedCount },
    );
  }
  if (classNames.length < 2) {
    throw new SinapsisError(
      'dataset-one-class',
      `Only one class ("${classNames[0]}", ${images.length} images) was found in "${root}". A classifier needs at least two: put each class's images in its own subfolder.`,
      { path: root, className: classNames[0], count: images.length },
    );
  }
  const summary = summarizeImages({ datasetId, name: basename(root), root }, classNames, images, facts, problems.items, seconds, filesTried);
  return { kind: 'images', id: datasetId, root, classNames, images, summary, lastSplit: null };
}
