import { ref, shallowRef, type Ref } from 'vue';
import type { BuiltinId, CsvInspection, DatasetProgressEvent, DatasetSummary, SplitRequest, SplitResult } from '../../../shared/contract/datasets';
import type { z } from 'zod';
import type { builtinOptionsSchema } from '../../../shared/contract/datasets';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';

export type BuiltinOptions = z.input<typeof builtinOptionsSchema>;

// Module-level state: the loaded dataset is shared by the later steps (features, training) of this window.
const summary: Ref<DatasetSummary | null> = shallowRef(null);
const csv: Ref<CsvInspection | null> = shallowRef(null);
const split: Ref<SplitResult | null> = shallowRef(null);
const progress: Ref<DatasetProgressEvent | null> = shallowRef(null);
const busy = ref(false);
const error: Ref<string | null> = ref(null);
let currentTask = '';
let taskCounter = 0;

/**
 * The Datos step's contract calls: open a folder, CSV or built-in set, choose a CSV target and split. A failed
 * or cancelled load leaves the previous dataset in place (the core only replaces it on success).
 */
export function useDataset() {
  const client = useClient();
  const describe = useErrorMessage();

  async function run<T>(work: (taskId: string) => Promise<T>): Promise<T | null> {
    currentTask = `dataset-${Date.now()}-${++taskCounter}`;
    busy.value = true;
    error.value = null;
    progress.value = null;
    try {
      return await work(currentTask);
    } catch (failure) {
      error.value = describe(failure);
      return null;
    } finally {
      busy.value = false;
      progress.value = null;
    }
  }

  function adopt(result: DatasetSummary | null): void {
    if (!result) return;
    summary.value = result;
    split.value = null;
  }

  async function openFolder(path: string): Promise<void> {
    adopt(await run((taskId) => client.call('dataset.openFolder', { taskId, path })));
    if (summary.value?.kind === 'images') csv.value = null;
  }

  async function openCsv(path: string, delimiter: 'auto' | ',' | ';' | '\t' | '|', header: 'auto' | 'yes' | 'no'): Promise<void> {
    const inspection = await run(() => client.call('dataset.openCsv', { path, delimiter, header }));
    if (inspection) csv.value = inspection;
  }

  async function chooseTarget(target: number, task: 'auto' | 'classification' | 'regression'): Promise<void> {
    if (!csv.value) return;
    const datasetId = csv.value.datasetId;
    adopt(await run(() => client.call('dataset.chooseTarget', { datasetId, target, task })));
  }

  async function loadBuiltin(id: BuiltinId, options: BuiltinOptions): Promise<void> {
    const result = await run((taskId) => client.call('dataset.builtin', { taskId, id, options }));
    if (result) csv.value = null;
    adopt(result);
  }

  async function makeSplit(request: Omit<SplitRequest, 'datasetId'>): Promise<void> {
    if (!summary.value) return;
    const datasetId = summary.value.datasetId;
    const result = await run(() => client.call('dataset.split', { ...request, datasetId }));
    if (result) split.value = result;
  }

  async function cancel(): Promise<void> {
    if (currentTask) await client.call('task.cancel', { taskId: currentTask });
  }

  return { summary, csv, split, progress, busy, error, openFolder, openCsv, chooseTarget, loadBuiltin, makeSplit, cancel };
}

/** Subscribes to `dataset.progress` for this window's current task; returns the unsubscribe function. */
export function listenToDatasetProgress(client: ReturnType<typeof useClient>): () => void {
  return client.on('dataset.progress', (event) => {
    if (event.taskId === currentTask) progress.value = event;
  });
}
