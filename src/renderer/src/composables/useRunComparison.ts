import { ref, shallowRef, watch } from 'vue';
import { loadRun, type LoadedRun } from '../components/evaluation/runLoader';
import { useClient } from './useClient';

/** How many runs Evaluación overlays at once (more curves than that cannot be told apart). */
export const MAX_COMPARED = 4;

/**
 * The runs ticked for comparison in Evaluación: their ids, in the order ticked, and the loaded runs (loaded again
 * when the ticks change). A run that cannot be loaded is left out and `onError` says why.
 */
export function useRunComparison(onError: (failure: unknown) => void) {
  const client = useClient();
  const compareIds = ref<string[]>([]);
  const compared = shallowRef<LoadedRun[]>([]);
  let latest = 0;

  watch(
    compareIds,
    async (ids) => {
      const call = ++latest;
      const loaded: LoadedRun[] = [];
      for (const id of ids) {
        try {
          loaded.push(await loadRun(client, id));
        } catch (failure) {
          onError(failure);
        }
      }
      // A newer tick may have changed the list while these loaded: only the latest list is shown.
      if (call === latest) compared.value = loaded;
    },
    { deep: true },
  );

  /** Tick or untick a run; a fifth tick is ignored (its checkbox is disabled). */
  function toggle(runId: string, on: boolean): void {
    if (on && compareIds.value.length < MAX_COMPARED && !compareIds.value.includes(runId)) compareIds.value = [...compareIds.value, runId];
    if (!on) compareIds.value = compareIds.value.filter((id) => id !== runId);
  }

  return {
    compareIds,
    compared,
    toggle,
    clear: () => (compareIds.value = []),
    /** Whether the checkbox of `runId` can be ticked. */
    canTick: (runId: string) => compareIds.value.includes(runId) || compareIds.value.length < MAX_COMPARED,
  };
}
