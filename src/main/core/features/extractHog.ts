import { availableParallelism } from 'node:os';
import { LOCAL_FILES, readRegularFileSync, type FileAccessPolicy } from '../files';
import { MAX_IMAGE_FILE_BYTES } from '../datasets/images/loadImageFolder';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SinapsisError } from '../../../shared/contract';
import type { HogPipeline } from '../../../shared/contract/features';
import { sha256Hex } from '../datasets/fingerprint';
import { ProgressMeter } from '../datasets/progressMeter';
import { HogCache } from './hogCache';
import { computeHogItem, type HogFailure, type HogJobItem, type HogJobResult } from './hogJob';
import { acquireHogPool, releaseHogPool } from './hogWorkerPool';
import type { PixelImage } from './pixelImage';

/** What to describe: files to read and decode, or images a dataset already holds (with their file hashes). */
export type HogSourceItems =
  | { kind: 'files'; files: { name: string; path: string }[] }
  | { kind: 'images'; images: { name: string; image: PixelImage; hash: string }[] };

export interface HogProgress {
  done: number;
  total: number;
  imagesPerSecond: number;
  etaSeconds: number | null;
  failures: number;
}

export interface ExtractHogOptions {
  pipeline: HogPipeline;
  signal: AbortSignal;
  /** Worker threads; defaults to one per core. */
  threads?: number;
  /** Folder of the on-disk cache, or null to neither read nor write it. */
  cacheDir: string | null;
  /** Which paths a `files` source may read; the user's own files by default (the core passes the workspace's). */
  files?: FileAccessPolicy;
  onProgress?: (progress: HogProgress) => void;
}

export interface HogExtraction {
  /** Length of every vector (0 when none succeeded). */
  length: number;
  /** Per input item, in input order: its vector, or null when it failed. */
  vectors: (Float64Array | null)[];
  failures: ({ index: number; file: string } & HogFailure)[];
  fromCache: number;
  seconds: number;
  /** Threads that computed vectors: workers started, or 1 when done on the calling thread. */
  threads: number;
}

/** Batches this small are computed on the calling thread: starting workers would take longer than the work. */
const INLINE_LIMIT = 48;
/**
 * A batch (one message to a worker) closes at this many images or this many bytes of pixels/file data: big
 * enough to hide the messaging cost for 24x12 lab images, small enough to balance the load on large photos.
 * Files close batches sooner because decoding them is most of the work.
 */
const BATCH_ITEMS = { files: 32, images: 256 } as const;
const BATCH_BYTES = 256 * 1024;
/** The event loop gets a turn at least this often, so progress events and `task.cancel` get through. */
const YIELD_EVERY_MS = 16;

function cancelledError(): SinapsisError {
  return new SinapsisError(
    'hog-extract-cancelled',
    'HOG extraction was cancelled. Vectors computed so far are kept in the cache, so running it again resumes quickly.',
  );
}

function readFailure(error: unknown): HogFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'path-not-allowed')
    return { code: 'link-outside', reason: 'not a regular file inside the allowed folders', reasonKey: 'data.problems.why.link-outside' };
  if (code === 'ENOENT')
    return { code: 'missing', reason: 'the file does not exist (moved or deleted?)', reasonKey: 'features.extract.reason.missing' };
  if (code === 'EISDIR')
    return { code: 'not-a-file', reason: 'this is a folder, not an image file', reasonKey: 'features.extract.reason.not-a-file' };
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      code: 'unreadable',
      reason: 'permission denied: the file cannot be read',
      reasonKey: 'data.problems.why.unreadable-file',
      params: { code },
    };
  }
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  return {
    code: 'unreadable',
    reason: `the file cannot be read (${detail})`,
    reasonKey: 'data.problems.why.unreadable-file',
    params: { code: detail },
  };
}

/**
 * HOG vectors of many images, on all cores: cached vectors are reused, the rest go in batches to worker
 * threads (or are computed here for a handful of images). Failures are per file; the rest carry on.
 * Cancelling stops the workers and keeps what was computed in the cache.
 */
export async function extractHog(source: HogSourceItems, options: ExtractHogOptions): Promise<HogExtraction> {
  const { pipeline, signal } = options;
  const started = performance.now();
  const total = source.kind === 'files' ? source.files.length : source.images.length;
  const vectors: (Float64Array | null)[] = new Array<Float64Array | null>(total).fill(null);
  const hashes: string[] = new Array<string>(total);
  const names: string[] = source.kind === 'files' ? source.files.map((f) => f.name) : source.images.map((i) => i.name);
  const failures: HogExtraction['failures'] = [];
  let done = 0;
  let fromCache = 0;

  const meter = new ProgressMeter(({ done: d, total: t, filesPerSecond, etaSeconds }) =>
    options.onProgress?.({ done: d, total: t, imagesPerSecond: filesPerSecond, etaSeconds, failures: failures.length }),
  );
  let cache: HogCache | null = null;
  if (options.cacheDir) cache = await HogCache.open(options.cacheDir, pipeline);

  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.ceil(total / INLINE_LIMIT)));
  const pool = total > INLINE_LIMIT ? acquireHogPool(threads) : null;
  let batchesToWorkers = 0;
  // Waits below race against this, so a cancel is answered at once even while batches are still running.
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);

  const record = (result: HogJobResult) => {
    if (result.ok) {
      vectors[result.index] = result.vector;
      cache?.add(hashes[result.index], result.vector);
    } else {
      const { index, ok: _ok, ...failure } = result;
      failures.push({ index, file: names[index], ...failure });
    }
    done += 1;
    meter.update(done, total);
  };

  const inFlight = new Set<Promise<void>>();
  const dispatch = async (items: HogJobItem[]) => {
    if (!pool) {
      for (const item of items) record(computeHogItem(item, pipeline));
      return;
    }
    batchesToWorkers += 1;
    const job = pool.run(items, pipeline).then((results) => {
      if (!signal.aborted) results.forEach(record);
    });
    inFlight.add(job);
    void job.then(
      () => inFlight.delete(job),
      () => inFlight.delete(job),
    );
    // Keep every worker fed with one batch queued behind the running one, and no more: memory stays bounded.
    while (inFlight.size >= threads * 2) await Promise.race([...inFlight, aborted]);
  };

  let lastYield = performance.now();
  let failed: Error | null = null;
  try {
    let batch: HogJobItem[] = [];
    let batchBytes = 0;
    for (let index = 0; index < total; index++) {
      if (signal.aborted) throw cancelledError();
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
      let item: HogJobItem;
      if (source.kind === 'files') {
        let bytes: Uint8Array;
        try {
          const buffer = readRegularFileSync(source.files[index].path, options.files ?? LOCAL_FILES, {
            maxBytes: MAX_IMAGE_FILE_BYTES,
            what: 'an image',
          });
          bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        } catch (error) {
          record({ index, ok: false, ...readFailure(error) });
          continue;
        }
        hashes[index] = sha256Hex(bytes);
        item = { index, name: names[index], bytes };
      } else {
        hashes[index] = source.images[index].hash;
        item = { index, name: names[index], image: source.images[index].image };
      }
      const cached = cache?.get(hashes[index]);
      if (cached) {
        vectors[index] = cached;
        fromCache += 1;
        done += 1;
        meter.update(done, total);
        continue;
      }
      batch.push(item);
      batchBytes += 'bytes' in item ? item.bytes.byteLength : item.image.data.byteLength;
      if (batch.length >= BATCH_ITEMS[source.kind] || batchBytes >= BATCH_BYTES) {
        await dispatch(batch);
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length > 0) await dispatch(batch);
    await Promise.race([Promise.all(inFlight), aborted]);
    if (signal.aborted) throw cancelledError();
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (pool) releaseHogPool(pool, failed);
    // Saved even when cancelled or failed: a later run resumes from here.
    await cache?.flush().catch(() => undefined);
  }
  meter.update(done, total, true);

  const length = rejectMismatchedLengths(vectors, names, failures);
  failures.sort((a, b) => a.index - b.index);
  return {
    length,
    vectors,
    failures,
    fromCache,
    seconds: (performance.now() - started) / 1000,
    threads: pool ? Math.max(1, Math.min(threads, pool.started, batchesToWorkers)) : 1,
  };
}

/**
 * Vectors must all have one length to form a training matrix. Without a resize, images of different sizes give
 * different lengths; those that differ from the first image's are turned into per-file failures.
 */
function rejectMismatchedLengths(vectors: (Float64Array | null)[], names: string[], failures: HogExtraction['failures']): number {
  const first = vectors.findIndex((v) => v !== null);
  if (first < 0) return 0;
  const length = (vectors[first] as Float64Array).length;
  for (let i = first + 1; i < vectors.length; i++) {
    const vector = vectors[i];
    if (vector && vector.length !== length) {
      failures.push({
        index: i,
        file: names[i],
        code: 'size-mismatch',
        reason: `its HOG has ${vector.length} values but "${names[first]}" has ${length}: images of different sizes need a resize size (e.g. 12x24)`,
        reasonKey: 'features.extract.reason.size-mismatch',
        params: { length: vector.length, reference: names[first], referenceLength: length },
      });
      vectors[i] = null;
    }
  }
  return length;
}
