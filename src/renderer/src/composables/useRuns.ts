import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { RunSummary } from '../../../shared/contract/runs';
import { runMatchesSearch } from '../../../shared/runs/runSearch';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';
import { viewedWorkspaceParam } from './useWorkspaces';

/**
 * The run history (runs.list), shared by the views that pick a run. The search filters here, as the student
 * types: by the model name typed in Modelo, the dataset, the id and the status as the list shows it in the
 * interface language ("completada" finds completed runs).
 */
export function useRuns() {
  const client = useClient();
  const describe = useErrorMessage();
  const { t } = useI18n();
  const all = ref<RunSummary[]>([]);
  const root = ref('');
  const search = ref('');
  const runs = computed(() =>
    all.value.filter((run) =>
      runMatchesSearch(run, search.value, [t(`evaluation.runs.status.${run.status}`), t(`report.status.${run.status}`)]),
    ),
  );
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** Why new runs cannot be recorded in the runs folder (read-only, no permission), translated; null when they can. */
  const unwritable = ref<string | null>(null);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      const result = await client.call('runs.list', viewedWorkspaceParam());
      all.value = result.runs;
      root.value = result.root;
      unwritable.value = result.unwritable ? describe(result.unwritable) : null;
      error.value = null;
    } catch (failure) {
      error.value = describe(failure);
    } finally {
      loading.value = false;
    }
  }

  /** Keeps the list current by itself: a run that ends (here, in another tab or while the page was away) shows its status. */
  function followRunChanges(): () => void {
    const offs = [client.on('experiment.done', () => void refresh()), client.onReconnect(() => void refresh())];
    return () => offs.forEach((off) => off());
  }

  return { runs, root, search, loading, error, unwritable, refresh, followRunChanges };
}
