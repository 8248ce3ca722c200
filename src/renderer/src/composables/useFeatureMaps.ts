import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { RequestOf } from '../../../shared/contract';
import {
  EMBEDDING_DEFAULT_SEED,
  type EmbeddingMethod,
  type EmbeddingProgressEvent,
  type EmbeddingResult,
} from '../../../shared/contract/embedding';
import { newTaskId } from '../../../shared/contract/newTaskId';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';

/** One map of a feature-map panel: what it places on the plane (null while that is not available, e.g. no dataset loaded). */
export interface FeatureMapSlot {
  key: string;
  source: RequestOf<'embedding.compute'>['source'] | null;
}

/** What one map shows: its points once computed, or why not. */
export interface FeatureMapState {
  result: EmbeddingResult | null;
  error: string | null;
  /** The student pressed Cancel while this map was being computed. */
  cancelled: boolean;
  /** The data (or the run, or the layer) changed while this map was being computed, so its answer was dropped. */
  dataChanged: boolean;
}

const emptyState = (): FeatureMapState => ({ result: null, error: null, cancelled: false, dataChanged: false });

/**
 * The contract calls of a feature-map panel (Características: one map; Evaluación: the run's input features and one
 * of its layers, side by side). Every map of the panel is computed with the same method and seed, one after the
 * other, each as its own `embedding.compute` task whose `embedding.progress` feeds the bar; Cancel stops the
 * current task and the ones still waiting. A map whose source changes is cleared, never shown for other data.
 */
export function useFeatureMaps(slots: Ref<FeatureMapSlot[]>) {
  const client = useClient();
  const describe = useErrorMessage();

  const method = ref<EmbeddingMethod>('tsne');
  const seed = ref(EMBEDDING_DEFAULT_SEED);
  const maps = ref<Record<string, FeatureMapState>>({});
  const progress = shallowRef<EmbeddingProgressEvent | null>(null);
  /** The map being computed now, or null. */
  const computing = ref<string | null>(null);
  let currentTask = '';
  let stopRequested = false;
  /** The source each shown map was computed from (as JSON). */
  const keptSources = new Map<string, string>();

  const sourceKeys = computed(() => slots.value.map((slot) => `${slot.key}:${JSON.stringify(slot.source)}`).join('|'));
  watch(
    sourceKeys,
    () => {
      const next: Record<string, FeatureMapState> = {};
      for (const slot of slots.value) next[slot.key] = emptyState();
      // Keep the maps whose source did not change (e.g. the dataset map when only the layer was changed).
      for (const slot of slots.value) {
        const kept = maps.value[slot.key];
        if (kept && keptSources.get(slot.key) === JSON.stringify(slot.source)) next[slot.key] = kept;
      }
      maps.value = next;
    },
    { immediate: true },
  );

  const ready = computed(() => slots.value.some((slot) => slot.source !== null));

  async function computeOne(slot: FeatureMapSlot): Promise<void> {
    if (!slot.source) return;
    currentTask = newTaskId('embed');
    computing.value = slot.key;
    progress.value = null;
    const sourceText = JSON.stringify(slot.source);
    maps.value = { ...maps.value, [slot.key]: emptyState() };
    let state: FeatureMapState;
    try {
      const result = await client.call('embedding.compute', {
        taskId: currentTask,
        source: slot.source,
        method: method.value,
        seed: seed.value,
      });
      state = { ...emptyState(), result };
    } catch (failure) {
      state = stopRequested ? { ...emptyState(), cancelled: true } : { ...emptyState(), error: describe(failure) };
    }
    // The student may have changed the data meanwhile: an answer for other data is dropped, and the map says so
    // (a panel that silently went back to "press Compute" looked like a lost click).
    const now = slots.value.find((candidate) => candidate.key === slot.key);
    if (now && JSON.stringify(now.source) === sourceText) {
      keptSources.set(slot.key, sourceText);
      maps.value = { ...maps.value, [slot.key]: state };
    } else if (now?.source) {
      maps.value = { ...maps.value, [slot.key]: { ...emptyState(), dataChanged: true } };
    }
  }

  /** Computes every map that has a source, in order. */
  async function compute(): Promise<void> {
    if (computing.value) return;
    stopRequested = false;
    try {
      for (const slot of slots.value) {
        if (stopRequested) break;
        await computeOne(slot);
      }
    } finally {
      computing.value = null;
      progress.value = null;
    }
  }

  async function cancel(): Promise<void> {
    if (!computing.value) return;
    stopRequested = true;
    await client.call('task.cancel', { taskId: currentTask });
  }

  /** Subscribes to this panel's `embedding.progress`; returns the unsubscribe function. */
  function listenToProgress(): () => void {
    return client.on('embedding.progress', (event) => {
      if (event.taskId === currentTask && computing.value) progress.value = event;
    });
  }

  return { method, seed, maps, progress, computing, ready, compute, cancel, listenToProgress };
}
