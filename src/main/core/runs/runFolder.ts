import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { runStatusFileSchema, type RunStatusFile } from '../../../shared/contract/runs';
import { SinapsisError } from '../../../shared/contract/errors';
import { rewriteInPlace, writeJsonAtomic } from './atomicWrite';
import { processIdentity, processIsAlive } from './liveness';
import { readOwnText } from '../files/readOwnFile';
import { errnoOf, runWriteError, WRITE_FAILURE_CODES } from './writeFailure';

/**
 * A run's life (status.json, `runStatusFileSchema` in the contract): `running` while training; `completed`, `stopped`
 * (by the user, keeping what it had) or `failed` at the end; `incomplete` when the process died mid-run and a later start found it.
 */
export type RunStatus = RunStatusFile;

export const RUN_FILES = {
  status: 'status.json',
  config: 'config.json',
  history: 'history.csv',
  metrics: 'metrics.json',
  model: 'model',
  reportHtml: 'report.html',
  reportPdf: 'report.pdf',
  /** The evaluated samples' predicted classes and probabilities (the confusion-matrix gallery). */
  predictions: 'predictions.json',
  /** The scaler fitted on the training part and the feature settings: what a new sample needs before the model. */
  preprocessing: 'preprocessing.json',
  /** Weight histograms per fold over the inspected epochs, and the last decision regions of two-feature data. */
  inspection: 'inspection.json',
  /** Small PNGs of the misclassified images, so the report shows them even after the dataset folder moved. */
  thumbnails: 'thumbnails.json',
  /** The real sample the report's model diagram draws as its input (shared/models/diagramSample.ts). */
  diagramSample: 'diagram-sample.json',
} as const;

/** A sortable, unique, filesystem-safe run id: UTC time plus a short random suffix. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/**
 * The real reason a recursive mkdir failed: Node reports ENOENT for a folder it could not create on a read-only
 * file system, so the first missing folder is created alone, which fails with the real cause (EROFS, EACCES, …).
 */
async function mkdirFailure(dir: string, error: unknown): Promise<unknown> {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  let missing = dir;
  while (
    dirname(missing) !== missing &&
    !(await stat(dirname(missing)).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    missing = dirname(missing);
  return mkdir(missing).then(
    () => error,
    (real: unknown) => real,
  );
}

/** Creates the run's folder, marked `running`; a runs folder that cannot be written is a clear error, not a crash. */
export async function createRunFolder(root: string, runId = newRunId()): Promise<{ runId: string; dir: string }> {
  const dir = join(root, runId);
  try {
    await mkdir(dir, { recursive: true }).catch(async (error: unknown) => {
      throw await mkdirFailure(dir, error);
    });
    await writeRunStatus(dir, {
      status: 'running',
      startedAt: new Date().toISOString(),
      pid: process.pid,
      host: hostname(),
      ...processIdentity(),
    });
  } catch (error) {
    const reason = errnoOf(error);
    if (reason in WRITE_FAILURE_CODES) throw runWriteError(dir, error, 'create the run folder');
    throw new SinapsisError(
      'run-folder-unwritable',
      `Cannot create the run folder ${dir} (${reason}). Choose a runs folder you can write to (SINAPSIS_RUNS_DIR) or free some disk space.`,
      { root, reason },
    );
  }
  return { runId, dir };
}

export async function writeRunStatus(dir: string, status: RunStatus): Promise<void> {
  await writeJsonAtomic(join(dir, RUN_FILES.status), status);
}

export async function finishRun(dir: string, status: 'completed' | 'stopped' | 'failed', message?: string): Promise<RunStatus> {
  const current = await readRunStatus(dir);
  const next: RunStatus = {
    ...(current ?? { startedAt: new Date().toISOString(), pid: process.pid, host: hostname() }),
    status,
    endedAt: new Date().toISOString(),
    ...(message ? { message } : {}),
  };
  try {
    await writeRunStatus(dir, next);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOSPC' && code !== 'EDQUOT') throw error;
    await rewriteInPlace(join(dir, RUN_FILES.status), JSON.stringify(next, null, 2) + '\n');
  }
  return next;
}

/** status.json, or null when it is missing, torn or no file to read (the run's metrics then tell its status). */
export async function readRunStatus(dir: string): Promise<RunStatus | null> {
  try {
    const text = await readOwnText(join(dir, RUN_FILES.status));
    const parsed = runStatusFileSchema.safeParse(text === null ? null : JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The temporary files of writeFileAtomic (`.<name>.<pid>.<random>.tmp`) that a killed writer left behind. */
const TEMPORARY_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

async function removeTemporaryFiles(dir: string): Promise<void> {
  for (const folder of [dir, join(dir, RUN_FILES.model)]) {
    const names = await readdir(folder).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => TEMPORARY_FILE.test(name)).map((name) => rm(join(folder, name), { force: true })));
  }
}

/** A `running` run whose process is gone (on this host) is `incomplete`, also where that could not be written down. */
export function effectiveStatus(status: RunStatus): RunStatus['status'] {
  return status.status === 'running' && status.host === hostname() && !processIsAlive(status) ? 'incomplete' : status.status;
}

export interface InterruptedRuns {
  /** Runs marked `incomplete`. */
  marked: string[];
  /** Why some could not be marked (a read-only or full runs folder); they are still listed as incomplete. */
  unwritable: SinapsisError | null;
}

/**
 * Marks runs left `running` by a process that no longer exists as `incomplete`, so a crash or a kill
 * shows up as such on the next start instead of as a run that never ends, and removes the temporary files its
 * interrupted writes left (the files themselves are whole: every write is atomic). A runs folder that cannot be
 * written (read-only, full) does not stop the start: the first such failure is returned to be said.
 */
export async function markInterruptedRuns(root: string): Promise<InterruptedRuns> {
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return { marked: [], unwritable: null };
  }
  const marked: string[] = [];
  let unwritable: SinapsisError | null = null;
  for (const runId of entries.sort()) {
    const dir = join(root, runId);
    const status = await readRunStatus(dir);
    if (!status || effectiveStatus(status) !== 'incomplete') continue;
    try {
      await removeTemporaryFiles(dir);
      await writeRunStatus(dir, {
        ...status,
        status: 'incomplete',
        message: 'The process stopped before the run finished (crash, kill or power loss).',
      });
      marked.push(runId);
    } catch (error) {
      unwritable ??= runWriteError(join(dir, RUN_FILES.status), error, 'mark as incomplete');
    }
  }
  return { marked, unwritable };
}

/**
 * Why runs cannot be recorded in `root` (read-only, no permission), or null when they can. A folder that does not
 * exist yet is judged by the nearest one that does, where it would be created. Existing runs stay readable either way.
 */
export async function runsFolderProblem(root: string): Promise<SinapsisError | null> {
  let folder = root;
  while (
    dirname(folder) !== folder &&
    !(await stat(folder).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    folder = dirname(folder);
  try {
    await access(folder, constants.W_OK);
    return null;
  } catch (error) {
    return runWriteError(root, error, 'record runs in');
  }
}
