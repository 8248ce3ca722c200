import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { SinapsisError } from '../../../shared/contract/errors';
import { writeJsonAtomic } from './atomicWrite';

/**
 * A run's life: `running` while training; `completed`, `stopped` (by the user, keeping what it had) or `failed` at
 * the end; `incomplete` when the process died mid-run and a later start found it.
 */
export const runStatusSchema = z.object({
  status: z.enum(['running', 'completed', 'stopped', 'failed', 'incomplete']),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  pid: z.number().int(),
  host: z.string(),
  message: z.string().optional(),
});
export type RunStatus = z.infer<typeof runStatusSchema>;

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
} as const;

/** A sortable, unique, filesystem-safe run id: UTC time plus a short random suffix. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Creates the run's folder, marked `running`; a runs folder that cannot be written is a clear error, not a crash. */
export async function createRunFolder(root: string, runId = newRunId()): Promise<{ runId: string; dir: string }> {
  const dir = join(root, runId);
  try {
    await mkdir(dir, { recursive: true });
    await writeRunStatus(dir, { status: 'running', startedAt: new Date().toISOString(), pid: process.pid, host: hostname() });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
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
  await writeRunStatus(dir, next);
  return next;
}

export async function readRunStatus(dir: string): Promise<RunStatus | null> {
  try {
    const parsed = runStatusSchema.safeParse(JSON.parse(await readFile(join(dir, RUN_FILES.status), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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

/**
 * Marks runs left `running` by a process that no longer exists as `incomplete`, so a crash or a kill
 * shows up as such on the next start instead of as a run that never ends, and removes the temporary files its
 * interrupted writes left (the files themselves are whole: every write is atomic). Returns the ids it marked.
 */
export async function markInterruptedRuns(root: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return [];
  }
  const marked: string[] = [];
  for (const runId of entries.sort()) {
    const dir = join(root, runId);
    const status = await readRunStatus(dir);
    if (!status || status.status !== 'running') continue;
    const sameHost = status.host === hostname();
    if (sameHost && status.pid !== process.pid && processAlive(status.pid)) continue;
    if (sameHost && status.pid === process.pid) continue;
    await removeTemporaryFiles(dir);
    await writeRunStatus(dir, { ...status, status: 'incomplete', message: 'The process stopped before the run finished (crash, kill or power loss).' });
    marked.push(runId);
  }
  return marked;
}
