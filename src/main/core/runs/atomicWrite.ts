import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SinapsisError } from '../../../shared/contract/errors';

/**
 * The rename would replace whatever is at `path`: a device, a pipe or a socket must never be (as root,
 * `sinapsis hog x.png --picture /dev/null` would have turned /dev/null into a PNG). A link is replaced itself,
 * never what it points to, so it may stay; a folder fails the rename anyway, said here with the rest.
 */
async function refuseSpecialTarget(path: string): Promise<void> {
  const existing = await lstat(path).catch(() => null);
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    throw new SinapsisError(
      'output-not-regular',
      `${path} is not a regular file (${existing.isDirectory() ? 'a folder' : 'a device, a pipe or a socket'}), so Sinapsis does not write over it. Give the path of a new file or of an ordinary one to replace.`,
      { path },
    );
  }
}

/** The files whose flush to disk `withDeferredSync` does at its end, for the writes made inside it. */
const deferredSyncs = new AsyncLocalStorage<Set<string>>();

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Runs `work` with the flush to disk (fsync) of each atomic write inside it deferred to its end, where every file is
 * flushed at once: the filesystem commits concurrent flushes together, where one after another each waited for its
 * own commit (about 30 ms each on the loaded lab machine, and a run folder has some twenty files: 0.6 s of a 1 s
 * job). Every file is still renamed into place whole, and is on disk when this resolves, so a caller that writes
 * its commit file after it (a run's metrics.json) keeps its meaning after a power cut.
 */
export async function withDeferredSync<T>(work: () => Promise<T>): Promise<T> {
  const paths = new Set<string>();
  const result = await deferredSyncs.run(paths, work);
  await Promise.all([...paths].map(syncFile));
  return result;
}

/**
 * Writes a file so that readers only ever see the old or the new content, never a torn one:
 * write a temporary file beside it, flush it to disk (or have `withDeferredSync` do it), then rename over the
 * target (atomic on one filesystem).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await refuseSpecialTarget(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const deferred = deferredSyncs.getStore();
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    if (!deferred) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  deferred?.add(path);
}

/**
 * Last resort for a small file that already exists, when the disk is too full for the temporary file of an atomic
 * write: its own blocks are rewritten in place (same or smaller size fits in what it holds). Only status.json uses
 * it, so a run on a full disk can still say `failed` and why; a torn status.json (a kill in that instant) is read
 * as missing, and the run is then listed from its other files.
 */
export async function rewriteInPlace(path: string, data: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    const bytes = Buffer.from(data);
    await handle.write(bytes, 0, bytes.length, 0);
    await handle.truncate(bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}

export interface LatestFileWriter {
  /** Asks for the file to be rewritten with what `render` returns then; never waits and never throws. */
  request(): void;
  /** Waits for the pending writes; rejects with the first write error, if any. */
  flush(): Promise<void>;
}

/**
 * Keeps a file rewritten (atomically) with the latest content while requests come faster than the disk: one
 * write at a time, and requests made during a write are merged into the next one, rendered only then. Epochs of a
 * small network can take well under a millisecond, so one queued write per epoch would pile up copies of the
 * whole file in memory and leave the file far behind the training. `onFailure` hears of the first failed write at
 * once (a full disk should stop the training then, not after the last epoch); later requests write no more.
 */
export function latestFileWriter(path: string, render: () => string | Uint8Array, onFailure?: (error: unknown) => void): LatestFileWriter {
  let dirty = false;
  let running: Promise<void> | null = null;
  let failure: unknown = null;
  const drain = async (): Promise<void> => {
    try {
      while (dirty) {
        dirty = false;
        await writeFileAtomic(path, render());
      }
    } catch (error) {
      if (failure === null) onFailure?.(error);
      failure ??= error;
    } finally {
      running = null;
    }
  };
  return {
    request() {
      if (failure !== null) return;
      dirty = true;
      running ??= drain();
    },
    async flush() {
      while (running) await running;
      if (failure !== null) throw failure;
    },
  };
}
