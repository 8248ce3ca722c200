import type { z } from 'zod';
import type { historyRowSchema } from '../../../../shared/contract/runs';
import type { SinapsisClient } from '../../../../shared/client';
import { viewedWorkspaceParam } from '../../composables/useWorkspaces';
import { runConfigViewSchema, runMetricsViewSchema, type RunConfigView, type RunMetricsView } from '../../composables/runDetails';

export type HistoryRow = z.infer<typeof historyRowSchema>;

export interface LoadedRun {
  runId: string;
  config: RunConfigView;
  /** Null when the run has no (valid) metrics.json yet, e.g. a failed or running one. */
  metrics: RunMetricsView | null;
  history: HistoryRow[];
}

const cache = new Map<string, LoadedRun>();

/** runs.get, read through the evaluation schemas; finished runs are cached (their files no longer change). */
export async function loadRun(client: SinapsisClient, runId: string): Promise<LoadedRun> {
  const viewed = viewedWorkspaceParam();
  // Two students' runs may share an id: the cache key names the workspace.
  const key = `${viewed.workspace ?? ''}/${runId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const stored = await client.call('runs.get', { runId, ...viewed });
  const config = runConfigViewSchema.safeParse(stored.config ?? {});
  const metrics = runMetricsViewSchema.safeParse(stored.metrics);
  const run: LoadedRun = {
    runId,
    config: config.success ? config.data : runConfigViewSchema.parse({}),
    metrics: metrics.success ? metrics.data : null,
    history: stored.history,
  };
  if (run.metrics) cache.set(key, run);
  return run;
}
