import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { runMatchesSearch } from '../../../shared/runs/runSearch';
import { runState } from './readRun';
import { readRunStatus, RUN_FILES } from './runFolder';
import { runConfigFileSchema, runMetricsFileSchema, type RunSummary } from '../../../shared/contract/runs';
import { readOwnText } from '../files/readOwnFile';

async function readJson(path: string): Promise<unknown> {
  try {
    const text = await readOwnText(path);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

/** One line per run folder, newest first; unreadable parts show as null rather than hiding the run. */
export async function listRuns(root: string, search?: string): Promise<RunSummary[]> {
  let entries: string[];
  try {
    entries = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
  const runs: RunSummary[] = [];
  for (const runId of entries.sort().reverse()) {
    const dir = join(root, runId);
    const status = await readRunStatus(dir);
    const config = runConfigFileSchema.safeParse(await readJson(join(dir, RUN_FILES.config)));
    const metrics = runMetricsFileSchema.safeParse(await readJson(join(dir, RUN_FILES.metrics)));
    const c = config.success ? config.data : null;
    const m = metrics.success ? metrics.data : null;
    // A folder with neither a status nor a valid config is not a run (a student's own folder in the runs folder).
    if (!status && !c) continue;
    const state = runState(status, m);
    runs.push({
      runId,
      status: state.status,
      createdAt: state.startedAt ?? c?.createdAt ?? '',
      dataset: c?.dataset.name ?? null,
      modelName: specNameOf(c?.model.spec),
      model: c ? c.model.layers.map((l) => l.outputShape[l.outputShape.length - 1] ?? '?').join('-') : null,
      engine: c?.engine ?? null,
      backend: c?.backend ?? null,
      testAccuracy: m?.accuracy.test ?? m?.kfold?.accuracy.mean ?? null,
      epochsRun: m?.epochsRun ?? null,
      hasReport: existsSync(join(dir, RUN_FILES.reportHtml)),
      hasPdf: existsSync(join(dir, RUN_FILES.reportPdf)),
    });
  }
  return runs.filter((run) => runMatchesSearch(run, search));
}

/** The name typed in Modelo, kept in the stored spec (older runs and imported models may have none). */
function specNameOf(spec: unknown): string | null {
  const parsed = z.object({ name: z.string() }).safeParse(spec);
  return parsed.success && parsed.data.name.trim() ? parsed.data.name : null;
}
