import { SinapsisError } from '../../shared/contract';
import { LOCAL_FILES, readRegularFile, type ReadLimit } from '../core/files';

/**
 * A file named on the command line, read as every core reader reads one: a regular file only (never a device, a
 * pipe or a socket: `sinapsis hog /dev/zero` would otherwise read until memory runs out) and at most `limit.maxBytes`,
 * counted while reading. Every failure is a SinapsisError (exit 2) saying which file and what is wrong.
 */
export async function readCliFile(path: string, limit: ReadLimit & { what: string }): Promise<Buffer> {
  try {
    return await readRegularFile(path, LOCAL_FILES, limit);
  } catch (error) {
    if (error instanceof SinapsisError && error.code === 'path-not-allowed') {
      throw new SinapsisError('not-a-regular-file', `${path} is not a regular file (a device, a pipe or a socket). Give ${limit.what}.`, { file: path });
    }
    if (error instanceof SinapsisError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? String(error)})`;
    throw new SinapsisError('file-unreadable', `${path}: ${why}. Check the path.`, { file: path, reason: code ?? 'error' });
  }
}
