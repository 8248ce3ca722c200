import { join } from 'node:path';
import type { z } from 'zod';
import { SinapsisError } from '../../../shared/contract';
import {
  HISTORY_COLUMNS,
  runConfigFileSchema,
  runMetricsFileSchema,
  type HistoryRow,
  type RunConfig,
  type RunMetrics,
  type RunSummary,
} from '../../../shared/contract/runs';
import { parseRunJson } from './parseRunJson';
import { readOwnText } from '../files/readOwnFile';
import { effectiveStatus, readRunStatus, RUN_FILES, type RunStatus } from './runFolder';

async function readJsonFile<T>(dir: string, name: string, schema: z.ZodType<T, unknown>): Promise<T> {
  const path = join(dir, name);
  const found = await readOptionalJsonFile(dir, name, schema);
  if (found === null) {
    throw new SinapsisError(
      'run-file-missing',
      `${path} is missing: this folder is not a finished Sinapsis run (or the run was interrupted before it wrote its results).`,
      { path },
    );
  }
  return found;
}

/** A run file that may not exist yet (metrics.json of an interrupted run): null when absent, an error when wrong or unreadable. */
async function readOptionalJsonFile<T>(dir: string, name: string, schema: z.ZodType<T, unknown>): Promise<T | null> {
  const path = join(dir, name);
  const text = await readOwnText(path);
  return text === null ? null : parseRunJson(text, path, schema);
}

/** Parses our own history.csv (numeric cells, empty = missing). */
export function parseHistoryCsv(text: string): HistoryRow[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header.split(',');
  for (const required of HISTORY_COLUMNS) {
    if (!columns.includes(required))
      throw new SinapsisError('run-file-invalid', `history.csv has no "${required}" column.`, { field: required });
  }
  return lines.filter(Boolean).map((line) => {
    const cells = line.split(',');
    const row: Record<string, number | null> = {};
    columns.forEach((column, i) => {
      const cell = cells[i] ?? '';
      row[column] = cell === '' ? null : Number(cell);
    });
    return row as HistoryRow;
  });
}

export interface RunRecord {
  dir: string;
  config: RunConfig;
  metrics: RunMetrics;
  history: HistoryRow[];
}

/** A run's config.json (what it was trained on, its split), upgraded to the current format. */
export async function readRunConfig(dir: string): Promise<RunConfig> {
  return readJsonFile(dir, RUN_FILES.config, runConfigFileSchema);
}

/** Reads and validates a finished run folder. */
export async function readRun(dir: string): Promise<RunRecord> {
  const config = await readJsonFile(dir, RUN_FILES.config, runConfigFileSchema);
  const metrics = await readJsonFile(dir, RUN_FILES.metrics, runMetricsFileSchema);
  return { dir, config, metrics, history: await readHistory(dir) };
}

export type RunState = RunSummary['status'];

/**
 * A run's status as it stands: status.json's, with a `running` run whose process is gone shown as `incomplete`
 * (also where that could not be written, e.g. a read-only folder); when status.json is missing or torn, the
 * status metrics.json ends with, else `incomplete`, so a valid run never disappears from the list.
 */
export function runState(
  status: RunStatus | null,
  metrics: RunMetrics | null,
): { status: RunState; message: string | null; startedAt: string | null } {
  if (status) return { status: effectiveStatus(status), message: status.message ?? null, startedAt: status.startedAt };
  return { status: metrics?.status ?? 'incomplete', message: null, startedAt: null };
}

export interface RunView {
  dir: string;
  config: RunConfig;
  /** Null for a run interrupted (or failed) before it wrote its results: its settings and curves still open. */
  metrics: RunMetrics | null;
  history: HistoryRow[];
  status: RunState;
  message: string | null;
}

/** Reads a run folder as far as it got: config.json is needed; metrics.json only once the run finished. */
export async function readRunView(dir: string): Promise<RunView> {
  const config = await readJsonFile(dir, RUN_FILES.config, runConfigFileSchema);
  const metrics = await readOptionalJsonFile(dir, RUN_FILES.metrics, runMetricsFileSchema);
  const history = await readHistory(dir);
  const state = runState(await readRunStatus(dir), metrics);
  return { dir, config, metrics, history, status: state.status, message: state.message };
}

/** The epochs on disk; none yet (a run stopped while preparing) is an empty history, a file that cannot be read an error. */
async function readHistory(dir: string): Promise<HistoryRow[]> {
  const text = await readOwnText(join(dir, RUN_FILES.history));
  return text === null ? [] : parseHistoryCsv(text);
}
