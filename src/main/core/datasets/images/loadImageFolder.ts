import { availableParallelism, totalmem } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SinapsisError } from '../../../../shared/contract';
import type { DatasetProgressEvent } from '../../../../shared/contract/datasets';
import type { ImageDataset, StoredImage } from '../datasetTypes';
import { LOCAL_FILES, readRegularFile, readRegularFileSync, type FileAccessPolicy } from '../../files';
import { ProblemList } from '../problems';
import { ProgressMeter } from '../progressMeter';
import { packJob, runDecodeJob, type DecodedFile, type DecodeReply } from './decodeJob';
import { DecodeWorkerPool } from './decodeWorkerPool';
import { scanFolder, type ScannedFile } from './scanFolder';
import { summarizeImages, type ImageFacts } from './summarizeImages';

export interface LoadFolderOptions {
  signal: AbortSignal;
  onProgress?: (progress: Omit<DatasetProgressEvent, 'taskId'>) => void;
  /** Decoding worker threads (at most one per core, at most 4); 0, the default, decodes on the calling thread. */
  threads?: number;
  /** Refuse to hold more decoded pixel bytes than this; defaults to a quarter of RAM, at most 2 GiB. */
  maxPixelBytes?: number;
  datasetId: string;
  /** Which paths may be read (a lab server's roots); the user's own files by default. */
  files?: FileAccessPolicy;
}

/** The event loop gets a turn at least this often, so progress events and `task.cancel` get through. */
const YIELD_EVERY_MS = 16;

/**
 * Files up to this size are read synchronously. For small files on a local disk that takes microseconds,
 * while the promise-based readFile costs four thread-pool round trips per file and made loading 60,000
 * images several times slower. The loop still yields every few milliseconds, and large files go async.
 */
const SYNC_READ_LIMIT = 1024 * 1024;

/** An image file over this is refused while reading (the largest photos a course uses are tens of megabytes). */
export const MAX_IMAGE_FILE_BYTES = 256 * 1024 ** 2;

async function readBytes(path: string, size: number, files: FileAccessPolicy): Promise<Uint8Array | Error> {
  try {
    // Through the file policy: only regular files, the limit counted while reading (the scan's size is a hint).
    const limit = { maxBytes: MAX_IMAGE_FILE_BYTES, what: 'an image' };
    const buffer = size <= SYNC_READ_LIMIT ? readRegularFileSync(path, files, limit) : await readRegularFile(path, files, limit);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Decoding runs on the calling thread unless `threads` is given. Worker threads were measured on the 2-core lab
 * machine (busy with other work) and lost: 60,000 28x28 PNGs took 17 s on one thread against 32 s with two
 * workers, and 12 photos of 2400x1800 21 s against 39 s; the cause was not found in the time available. What
 * the workers did win is responsiveness: the largest event-loop stall fell from 2–3 s (one photo's decode) to 0.3 s.
 * Machines with more cores can ask for threads (`sinapsis dataset --threads N`); see bench/loadImageFolder.ts.
 */
const MAX_THREADS = 4;
/** Files per worker message: large enough to amortise messaging, small enough for smooth progress. */
const BATCH_FILES = 64;
/** A batch also ends at this many bytes, so the few batches in flight never hold more than ~100 MB of files. */
const BATCH_BYTES = 24 * 1024 ** 2;

interface Batch {
  entries: ({ file: ScannedFile; error: Error } | { file: ScannedFile; slot: number })[];
  readable: { relativePath: string; bytes: Uint8Array }[];
  reply: Promise<DecodeReply>;
}

/** Starts the decoding threads, or returns null (decode on this thread) when they cannot start, e.g. a build without the worker file. */
function startPool(threads: number): DecodeWorkerPool | null {
  try {
    return new DecodeWorkerPool(threads);
  } catch {
    return null;
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
 * Loads a folder-per-class image dataset: scans it, then streams the files from disk, decoding each by content
 * into 8-bit pixels (on this thread, or in batches on worker threads when asked), with at most a few files or
 * batches in flight so memory stays bounded. Bad files become problem-report lines; only unusable input as a
 * whole (no images, a single class, over the memory budget, cancelled) throws a `SinapsisError`.
 */
export async function loadImageFolder(path: string, options: LoadFolderOptions): Promise<ImageDataset> {
  const root = resolve(path);
  const { signal } = options;
  const problems = new ProblemList();
  const emit =
    (phase: DatasetProgressEvent['phase']) => (state: { done: number; total: number; filesPerSecond: number; etaSeconds: number | null }) =>
      options.onProgress?.({ phase, ...state, problems: problems.items.length });

  const scanMeter = new ProgressMeter(emit('scanning'));
  const filePolicy = options.files ?? LOCAL_FILES;
  const scan = await scanFolder(root, problems, signal, (found) => scanMeter.update(found, found), filePolicy);
  throwIfCancelled(signal);

  const meter = new ProgressMeter(emit('loading'));
  const classIndex = new Map(scan.classNames.map((name, i) => [name, i]));
  const images: StoredImage[] = [];
  const facts: ImageFacts = { formats: [], sixteenBit: 0, withAlpha: 0 };
  const budget = options.maxPixelBytes ?? defaultPixelBudget();
  const files = scan.files;
  let pixelBytes = 0;

  const accept = (file: ScannedFile, result: DecodedFile) => {
    const { inspection } = result;
    if (!inspection.ok) {
      problems.add(file.relativePath, inspection.code, inspection.reason, inspection.text);
      return;
    }
    const { image } = inspection;
    pixelBytes += image.data.byteLength;
    if (pixelBytes > budget) {
      throw new SinapsisError(
        'dataset-too-large',
        `The images need more than ${Math.round(budget / 1024 ** 2)} MB of memory (stopped at ${file.relativePath}, ${images.length} images loaded). Use smaller images or fewer of them.`,
        { limitMb: Math.round(budget / 1024 ** 2), loaded: images.length },
      );
    }
    if (inspection.note) problems.add(file.relativePath, inspection.note.code, inspection.note.reason, inspection.note.text);
    images.push({
      file: file.relativePath,
      label: classIndex.get(file.className) ?? 0,
      width: image.width,
      height: image.height,
      channels: image.channels,
      pixels: image.data,
      hash: result.hash,
    });
    facts.formats.push(inspection.format);
    if (image.sourceBitDepth === 16) facts.sixteenBit++;
    if (image.sourceHadAlpha) facts.withAlpha++;
    if (image.downscaledFrom) facts.downscaled = (facts.downscaled ?? 0) + 1;
  };

  const threads = Math.min(MAX_THREADS, availableParallelism(), options.threads ?? 0);
  let pool = threads > 0 ? startPool(threads) : null;
  const maxInFlight = Math.max(2, threads * 2);
  const inFlight: Batch[] = [];
  let done = 0;
  let jobId = 0;
  let lastYield = performance.now();

  const consume = async (batch: Batch) => {
    let reply: DecodeReply;
    try {
      reply = await batch.reply;
    } catch (error) {
      throwIfCancelled(signal);
      // A decoding thread died: finish this and every later batch on this thread rather than fail the load.
      pool?.close();
      pool = null;
      if (!(error instanceof SinapsisError)) throw error;
      reply = runDecodeJob(packJob(-1, batch.readable));
    }
    for (const entry of batch.entries) {
      if ('error' in entry && entry.error instanceof SinapsisError && entry.error.code === 'path-not-allowed') {
        // The scan saw a file inside the folder; at read time it led elsewhere (a link changed in between).
        problems.add(
          entry.file.relativePath,
          'link-outside',
          'symbolic link leading out of the opened folder; skipped, since only files inside it are read',
          { key: 'link-outside' },
        );
      } else if ('error' in entry) {
        const code =
          entry.error instanceof SinapsisError && entry.error.code === 'file-too-large'
            ? 'EFBIG'
            : ((entry.error as NodeJS.ErrnoException).code ?? 'error');
        problems.add(entry.file.relativePath, 'unreadable', `cannot read the file (${code}); check its permissions`, {
          key: 'unreadable-file',
          params: { code },
        });
      } else {
        accept(entry.file, reply.results[entry.slot]);
      }
      meter.update(++done, files.length);
    }
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  };

  try {
    for (let next = 0; next < files.length;) {
      throwIfCancelled(signal);
      const batch: Batch = { entries: [], readable: [], reply: Promise.resolve({ jobId: -1, results: [] }) };
      let batchBytes = 0;
      // On this thread, one file per batch: the loop then yields between files, never in the middle of a batch.
      const batchFiles = pool ? BATCH_FILES : 1;
      while (
        next < files.length &&
        batch.entries.length < batchFiles &&
        (batchBytes === 0 || batchBytes + files[next].size <= BATCH_BYTES)
      ) {
        const file = files[next++];
        batchBytes += Math.max(1, file.size);
        const bytes = await readBytes(file.absolutePath, file.size, filePolicy);
        if (bytes instanceof Error) batch.entries.push({ file, error: bytes });
        else {
          batch.entries.push({ file, slot: batch.readable.length });
          batch.readable.push({ relativePath: file.relativePath, bytes });
        }
      }
      const job = packJob(jobId++, batch.readable);
      batch.reply = pool ? pool.run(job) : Promise.resolve(runDecodeJob(job));
      // Rejections are handled in `consume`; this keeps batches abandoned by a cancel from being reported as unhandled.
      batch.reply.catch(() => undefined);
      inFlight.push(batch);
      if (inFlight.length >= maxInFlight) await consume(inFlight.shift() as Batch);
    }
    while (inFlight.length > 0) await consume(inFlight.shift() as Batch);
  } finally {
    pool?.close();
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
  const alreadyReported = new Set(problems.items.map((problem) => problem.file));
  folderClasses.forEach((name, i) => {
    // An unreadable class folder was reported as such; "empty" would hide the real cause.
    if (!keep[i] && !alreadyReported.has(name))
      problems.add(name, 'empty-class-folder', 'class folder has no loadable images; the class is left out', { key: 'empty-class-folder' });
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
      const crossClass = first.label !== image.label;
      problems.add(
        image.file,
        'duplicate',
        `same content as ${first.file}${crossClass ? ' in another class: one of the two labels is wrong' : ''}`,
        {
          key: crossClass ? 'duplicate-other-class' : 'duplicate',
          params: { first: first.file },
        },
      );
    }
  }

  const loose = problems.items.filter((problem) => problem.code === 'outside-class-folder').length;
  if (folderClasses.length === 0 && loose > 0) {
    // The student opened one class's folder (or a folder of photos not yet sorted into classes).
    throw new SinapsisError(
      'dataset-is-class-folder',
      `"${root}" holds ${loose} files directly and no subfolders: it looks like one class's folder. Open its parent (${dirname(root)}), which should have one subfolder per class, or sort these images into one subfolder per class.`,
      { path: root, files: loose, parent: dirname(root) },
    );
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
  const summary = summarizeImages(
    { datasetId, name: basename(root), root },
    classNames,
    images,
    facts,
    problems.items,
    seconds,
    filesTried,
  );
  return { kind: 'images', id: datasetId, root, classNames, images, summary };
}
