import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { SinapsisError } from '../../../shared/contract';
import { HISTORY_COLUMNS, runConfigSchema, runMetricsSchema, type HistoryRow, type RunConfig, type RunMetrics } from './runSchemas';
import { parseRunJson } from './parseRunJson';
import { RUN_FILES } from './runFolder';

async function readJsonFile<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SinapsisError('run-file-missing', `${path} is missing: this folder is not a finished Sinapsis run (or the run was interrupted before it wrote its results).`, { path });
  }
  return parseRunJson(text, path, schema);
}

/** Parses our own history.csv (numeric cells, empty = missing). */
export function parseHistoryCsv(text: string): HistoryRow[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header.split(',');
  for (const required of HISTORY_COLUMNS) {
    if (!columns.includes(required)) throw new SinapsisError('run-file-invalid', `history.csv has no "${required}" column.`, { field: required });
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

/** Reads and validates a finished run folder. */
export async function readRun(dir: string): Promise<RunRecord> {
  const config = await readJsonFile(dir, RUN_FILES.config, runConfigSchema);
  const metrics = await readJsonFile(dir, RUN_FILES.metrics, runMetricsSchema);
  let history: HistoryRow[] = [];
  try {
    history = parseHistoryCsv(await readFile(join(dir, RUN_FILES.history), 'utf8'));
  } catch (error) {
    if (error instanceof SinapsisError) throw error;
  }
  return { dir, config, metrics, history };
}
