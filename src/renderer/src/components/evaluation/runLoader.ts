import type { HistoryRow, RunConfig, RunMetrics } from '../../../../shared/contract/runs';
import type { SinapsisClient } from '../../../../shared/client';
import { viewedWorkspaceParam } from '../../composables/useWorkspaces';

export type { HistoryRow };

export interface LoadedRun {
  runId: string;
  config: RunConfig;
  /** Null when the run has no (valid) metrics.json yet, e.g. a failed or running one. */
  metrics: RunMetrics | null;
  history: HistoryRow[];
}

const cache = new Map<string, LoadedRun>();

/** runs.get (its files validated and upgraded to the current format by the core); finished runs are cached (their files no longer change). */
export async function loadRun(client: SinapsisClient, runId: string): Promise<LoadedRun> {
  const viewed = viewedWorkspaceParam();
  // Two students' runs may share an id: the cache key names the workspace.
  const key = `${viewed.workspace ?? ''}/${runId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const stored = await client.call('runs.get', { runId, ...viewed });
  const run: LoadedRun = { runId, config: stored.config, metrics: stored.metrics, history: stored.history };
  if (run.metrics) cache.set(key, run);
  return run;
}
