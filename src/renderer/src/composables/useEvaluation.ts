import { computed, ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { loadRun, type LoadedRun } from '../components/evaluation/runLoader';
import { firstFoldHistory, interruptedEpoch, matchingDatasetId, reusableSpec, reusedSettings } from './evaluationRun';
import type { SaliencySubject } from '../../../shared/inference/saliencyMethods';
import { hasConvLayers } from './runDetails';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';
import { useLabSession } from './useLabSession';
import { useRunComparison } from './useRunComparison';
import { useRuns } from './useRuns';
import { useTerms } from './useTerms';

/**
 * Evaluación's state: the run list, the run opened (its config, metrics and first fold's history), the runs ticked
 * for comparison, and putting a run's model and settings back into Modelo and Entrenamiento. The view composes
 * panels over it; what a run says (bias/variance, diagnosis) is the core's, read from its metrics.json.
 */
export function useEvaluation() {
  const { t } = useI18n();
  const terms = useTerms();
  const client = useClient();
  const describe = useErrorMessage();
  const list = useRuns();
  const { dataset, lastRunId, model, training, followFeatures } = useLabSession();

  const selectedId = ref<string | null>(null);
  const run = shallowRef<LoadedRun | null>(null);
  const runError = ref<string | null>(null);
  /** The confusion-matrix cell whose samples the gallery shows. */
  const cell = ref<[number, number] | null>(null);
  const comparison = useRunComparison((failure) => (runError.value = describe(failure)));

  async function select(runId: string): Promise<void> {
    selectedId.value = runId;
    cell.value = null;
    runError.value = null;
    try {
      const loaded = await loadRun(client, runId);
      if (selectedId.value === runId) run.value = loaded;
    } catch (failure) {
      run.value = null;
      runError.value = describe(failure);
    }
  }

  /** Refresh the list and open the run just trained, once. */
  async function refreshAndSelect(): Promise<void> {
    await list.refresh();
    const id = lastRunId.value;
    if (id && list.runs.value.some((r) => r.runId === id)) {
      lastRunId.value = null;
      await select(id);
    }
  }

  /** A teacher switching to another student's runs: nothing of the previous one stays open. */
  async function changeWorkspace(): Promise<void> {
    selectedId.value = null;
    run.value = null;
    comparison.clear();
    await list.refresh();
  }

  /** A model just imported: shown in the list (whatever the search said) and opened. */
  async function openImported(runId: string): Promise<void> {
    list.search.value = '';
    await list.refresh();
    await select(runId);
  }

  const config = computed(() => run.value?.config ?? null);
  const metrics = computed(() => run.value?.metrics ?? null);
  /** Imported models were not trained here: no metrics or curves to show, only prediction. */
  const imported = computed(() => config.value?.imported ?? null);

  /** "Capa 2 (Densa)" for the weight histograms, from the run's own model spec. */
  function layerName(index: number): string {
    const layer = reusableSpec(run.value)?.layers[index];
    return t('training.inspect.layerName', { index: index + 1, type: layer ? terms.label('layer', layer.type) : '?' });
  }

  const reused = ref(false);
  watch(selectedId, () => (reused.value = false));
  /** Puts this run's model (and the training settings the session understands) back into Modelo and Entrenamiento. */
  function reuseRun(): void {
    const spec = reusableSpec(run.value);
    if (!spec || !config.value) return;
    model.value = spec;
    followFeatures.value = false;
    training.value = reusedSettings(training.value, config.value.training);
    reused.value = true;
  }

  return {
    ...list,
    comparison,
    selectedId,
    run,
    runError,
    cell,
    select,
    refreshAndSelect,
    changeWorkspace,
    openImported,
    config,
    metrics,
    imported,
    isCnn: computed(() => (config.value ? hasConvLayers(config.value) : false)),
    /** What "¿Dónde mira la red?" needs to offer the methods that apply; null for a table run (no image to draw on). */
    saliencySubject: computed<SaliencySubject | null>(() =>
      config.value && config.value.features.kind !== 'columns'
        ? { features: config.value.features.kind, cnn: hasConvLayers(config.value) }
        : null,
    ),
    featureColumns: computed(() => (config.value?.features.kind === 'columns' ? config.value.features.details.columns : [])),
    labels: computed(() => metrics.value?.confusionMatrix.labels ?? []),
    /** Images of the gallery come from the loaded dataset only when it is the one this run was trained on. */
    galleryDatasetId: computed(() => matchingDatasetId(run.value, dataset.value)),
    /** The core's bias/variance readout (metrics.json), the one the run's hints were judged with. */
    biasVariance: computed(() => metrics.value?.biasVariance ?? null),
    /** Where a run without results stopped; its curves and settings stay. */
    interruptedAt: computed(() => interruptedEpoch(run.value)),
    history: computed(() => firstFoldHistory(run.value)),
    layerName,
    reusable: computed(() => reusableSpec(run.value) !== null),
    reused,
    reuseRun,
  };
}
