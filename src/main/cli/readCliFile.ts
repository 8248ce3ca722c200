import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { SinapsisError } from '../../shared/contract';
import { LOCAL_FILES, readRegularFile, realPathLoose, type ReadLimit } from '../core/files';
import { defaultRunsRoot } from '../core/runs/runsRoot';

/**
 * On the command line every path is the user's own (the policy is LOCAL_FILES), so a refused path is never "outside
 * the folders this server allows": it is a device, a pipe, a socket or a kernel file, and the message says so.
 */
export function notARegularFile(path: string, what: string): SinapsisError {
  // /proc and /sys hold "regular" files that describe this machine (size 0, some never end): refused like devices.
  const kind = /^\/(proc|sys)(\/|$)/.test(realPathLoose(path))
    ? 'a file of the kernel (/proc, /sys), not one saved on disk'
    : 'not a regular file (a device, a pipe or a socket)';
  return new SinapsisError('not-a-regular-file', `${path} is ${kind}. Give ${what}.`, { file: path });
}

/**
 * Refuses a device, a pipe or a socket where a file or a folder is expected (a data source: a CSV or an image
 * folder), before anything opens it: "is a file, not a folder" or a scan would be the wrong message.
 */
export async function refuseSpecialFile(path: string, what: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info && !info.isFile() && !info.isDirectory()) throw notARegularFile(path, what);
}

/**
 * A file named on the command line, read as every core reader reads one: a regular file only (never a device, a
 * pipe or a socket: `sinapsis hog /dev/zero` would otherwise read until memory runs out) and at most `limit.maxBytes`,
 * counted while reading. Every failure is a SinapsisError (exit 2) saying which file and what is wrong.
 */
export async function readCliFile(path: string, limit: ReadLimit & { what: string }): Promise<Buffer> {
  try {
    return await readRegularFile(path, LOCAL_FILES, limit);
  } catch (error) {
    if (error instanceof SinapsisError && error.code === 'path-not-allowed') throw notARegularFile(path, limit.what);
    if (error instanceof SinapsisError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? `is a folder; give ${limit.what}`
          : `cannot be read (${code ?? String(error)})`;
    throw new SinapsisError('file-unreadable', `${path}: ${why}. Check the path.`, { file: path, reason: code ?? 'error' });
  }
}

/**
 * A folder named on the command line (a run folder, a folder of runs), resolved: a file, a device or a pipe in its
 * place is refused at once with what was expected, instead of a later "config.json is missing" inside it.
 * A path that does not exist passes, for the command to say what it lacks.
 */
export async function cliFolder(path: string, what: string): Promise<string> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => null);
  if (info && !info.isDirectory()) {
    const kind = info.isFile() ? 'a file' : 'not a regular file (a device, a pipe or a socket)';
    throw new SinapsisError('bad-arguments', `${path} is ${kind}, not a folder. Give ${what}.`, { file: path });
  }
  return absolute;
}

const RUN_FOLDER = 'a run folder, e.g. ~/Sinapsis/runs/20261122T101500Z-abc123, or the id of a run in the runs folder';

/**
 * The run a command names: a run folder, or the bare id of a run in the runs folder (SINAPSIS_RUNS_DIR or
 * ~/Sinapsis/runs), as the app's runs list and `sinapsis train` print it. A name that is neither is refused with both
 * places looked at, instead of a "config.json is missing" inside a folder that does not exist.
 */
export async function cliRunFolder(path: string): Promise<string> {
  const absolute = await cliFolder(path, RUN_FOLDER);
  if (await stat(absolute).catch(() => null)) return absolute;
  const inRuns = join(defaultRunsRoot(), path);
  if (!isAbsolute(path) && (await stat(inRuns).catch(() => null))?.isDirectory()) return inRuns;
  throw new SinapsisError(
    'bad-arguments',
    `There is no run "${path}": no folder ${absolute}, and no run of that id in ${defaultRunsRoot()}. Give ${RUN_FOLDER}.`,
    { file: path },
  );
}
