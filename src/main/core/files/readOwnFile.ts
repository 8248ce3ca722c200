import { SinapsisError } from '../../../shared/contract/errors';
import { LOCAL_FILES } from './fileAccessPolicy';
import { readRegularFile } from './readRegularFile';

/**
 * Reading back the files Sinapsis itself wrote: a run folder (config, metrics, predictions, history, model weights,
 * notes), an exported model, a workspace's state, the HOG cache. They are in folders a user can touch, so they are
 * read as a request's files are, and a FIFO or a link to /dev/zero in their place never blocks or fills memory.
 *
 * The largest such file read: far above what a course run writes (a 100,000-epoch history is ~10 MB, the largest model the
 * memory budget trains ~1.5 GB of weights in float32 is refused before training), small enough that a stray huge
 * file is refused instead of filling memory.
 */
export const MAX_OWN_FILE_BYTES = 2 * 1024 ** 3 - 1;

/** A FIFO, a device, a socket, a link into /proc, /sys or /dev, or a folder, where a run or model folder keeps a file. */
export function fileNotRegular(path: string): SinapsisError {
  return new SinapsisError(
    'file-not-regular',
    `${path} is not a regular file (a folder, a device, a pipe or a socket), so it was not read: a run or model folder holds only the files Sinapsis wrote. Remove it and export or train again.`,
    { path },
  );
}

/**
 * Why a file Sinapsis wrote (a run's, an exported model's) cannot be read: `file-not-regular` for a FIFO, a device,
 * a socket, a link into /proc, /sys or /dev (reading one blocks or never ends) or a folder where a file belongs;
 * `run-file-unreadable` with the system's code otherwise (EACCES, EIO…). Other SinapsisErrors (too large) pass.
 */
export function ownFileRefusal(path: string, error: unknown): SinapsisError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'path-not-allowed' || code === 'EISDIR') return fileNotRegular(path);
  if (error instanceof SinapsisError) return error;
  return new SinapsisError('run-file-unreadable', `${path} cannot be read (${code}). Check its permissions, or train the run again.`, {
    path,
    reason: code,
  });
}

/**
 * One file Sinapsis wrote, read as a request's files are (regular files only, the size counted while reading,
 * never blocking on a pipe): null when it does not exist (a run interrupted before writing it), a clear
 * `run-file-unreadable` when it exists but is no file to read.
 */
export async function readOwnFile(path: string): Promise<Buffer | null> {
  try {
    return await readRegularFile(path, LOCAL_FILES, { maxBytes: MAX_OWN_FILE_BYTES, what: 'a file Sinapsis wrote' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw ownFileRefusal(path, error);
  }
}

/** `readOwnFile` as UTF-8 text (every such file but model weights and the HOG cache is text Sinapsis wrote in UTF-8). */
export async function readOwnText(path: string): Promise<string | null> {
  return (await readOwnFile(path))?.toString('utf8') ?? null;
}
