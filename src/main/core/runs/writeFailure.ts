import { SinapsisError } from '../../../shared/contract/errors';

/**
 * Why a file of a run could not be written, in the words a user can act on. Each cause has its own error code
 * (and translation): a full disk wants space freed, a read-only file system another folder, a permission problem
 * the folder's owner. Anything else keeps the system's code (EIO, ENOTDIR, …) in the message.
 */
export const WRITE_FAILURE_CODES = {
  ENOSPC: 'run-disk-full',
  EDQUOT: 'run-disk-full',
  EROFS: 'run-read-only',
  EACCES: 'run-permission-denied',
  EPERM: 'run-permission-denied',
} as const satisfies Record<string, string>;

export type WriteFailureCode = (typeof WRITE_FAILURE_CODES)[keyof typeof WRITE_FAILURE_CODES] | 'run-file-unwritable';

const ADVICE: Record<WriteFailureCode, string> = {
  'run-disk-full': 'the disk is full. Free some space, or choose a runs folder on another disk (SINAPSIS_RUNS_DIR)',
  'run-read-only': 'the file system is read-only. Choose a runs folder you can write to (SINAPSIS_RUNS_DIR)',
  'run-permission-denied': 'permission denied. Choose a runs folder you own (SINAPSIS_RUNS_DIR), or ask for write access',
  'run-file-unwritable': 'the system refused the write. Check the disk and the folder, or choose another runs folder (SINAPSIS_RUNS_DIR)',
};

export function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));
}

/** True for the errors of a file system that cannot take a write (as opposed to a bug or a missing input). */
export function isWriteFailure(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** The SinapsisError for a run file (or folder) that could not be written: which one, why, what to do. */
export function runWriteError(path: string, error: unknown, what = 'write'): SinapsisError {
  if (error instanceof SinapsisError) return error;
  const reason = errnoOf(error);
  const code: WriteFailureCode = (WRITE_FAILURE_CODES as Record<string, WriteFailureCode>)[reason] ?? 'run-file-unwritable';
  return new SinapsisError(code, `Cannot ${what} ${path} (${reason}): ${ADVICE[code]}.`, { path, reason });
}

/** The temporary file of an atomic write (`.<name>.<pid>.<hex>.tmp`) names the file it was going to become. */
const TEMPORARY = /^(.*[\\/])?\.(.+)\.\d+\.[0-9a-f]{8}\.tmp$/;

function realPathOf(path: string | undefined): string | null {
  if (!path) return null;
  const match = TEMPORARY.exec(path);
  return match ? `${match[1] ?? ''}${match[2]}` : path;
}

/** Runs one write of a run, turning a file-system failure into the error that names the file and the cause. */
export async function writingRunFile<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // The file the system names (a model file, a chart) is more exact than the one the caller expected.
    throw isWriteFailure(error) ? runWriteError(realPathOf((error as NodeJS.ErrnoException).path) ?? path, error) : error;
  }
}
