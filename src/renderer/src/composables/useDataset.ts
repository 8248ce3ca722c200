import { ref, shallowRef, type Ref } from 'vue';
import type {
  BuiltinId,
  CsvInspection,
  DatasetProgressEvent,
  DatasetSummary,
  ImageSummary,
  SplitRequest,
  SplitResult,
} from '../../../shared/contract/datasets';
import type { z } from 'zod';
import { builtinOptionsSchema } from '../../../shared/contract/datasets';
import type { DatasetReference } from '../../../shared/contract/project';
import type { RecentDataset } from '../../../shared/contract/files';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';
import { newTaskId } from '../../../shared/contract/newTaskId';

export type BuiltinOptions = z.input<typeof builtinOptionsSchema>;

// Module-level state: the loaded dataset is shared by the later steps (features, training) of this window.
const summary: Ref<DatasetSummary | null> = shallowRef(null);
const csv: Ref<CsvInspection | null> = shallowRef(null);
const split: Ref<SplitResult | null> = shallowRef(null);
const progress: Ref<DatasetProgressEvent | null> = shallowRef(null);
const busy = ref(false);
const error: Ref<string | null> = ref(null);
/** How the loaded dataset was opened, so that the kept session and project files can open it again. */
const reference: Ref<DatasetReference | null> = shallowRef(null);
/** The CSV being opened (its target is chosen next). */
let pendingCsv: { path: string; delimiter: 'auto' | ',' | ';' | '\t' | '|'; header: 'auto' | 'yes' | 'no' } | null = null;
/** A path to look in again (e.g. a project's dataset hint), shown in Datos' folder field. */
const searchHint: Ref<{ kind: 'folder' | 'csv'; path: string } | null> = shallowRef(null);
/** Image folders this workspace opened before, latest first (Inicio lists them; the core keeps them per workspace). */
const recent: Ref<RecentDataset[]> = shallowRef([]);
let currentTask = '';

/**
 * The Datos step's contract calls: open a folder, CSV or built-in set, choose a CSV target and split. A failed
 * or cancelled load leaves the previous dataset in place (the core only replaces it on success).
 */
export function useDataset() {
  const client = useClient();
  const describe = useErrorMessage();

  async function run<T>(work: (taskId: string) => Promise<T>): Promise<T | null> {
    // One load at a time (a double click on Cargar would read the set twice and race for the result).
    if (busy.value) return null;
    currentTask = newTaskId('dataset');
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

  function adopt(result: DatasetSummary | null, opened: DatasetReference): boolean {
    if (!result) return false;
    summary.value = result;
    split.value = null;
    reference.value = opened;
    if (result.kind === 'images') void refreshRecent();
    return true;
  }

  /** Reads the workspace's recent datasets again (after an image folder opened, or when Inicio shows). */
  async function refreshRecent(): Promise<void> {
    try {
      recent.value = (await client.call('files.recent', {})).datasets;
    } catch {
      // The list is a convenience: without it Inicio simply shows none.
    }
  }

  async function openFolder(path: string): Promise<boolean> {
    const opened = adopt(await run((taskId) => client.call('dataset.openFolder', { taskId, path })), { kind: 'folder', path });
    if (summary.value?.kind === 'images') csv.value = null;
    return opened;
  }

  /** Opens a finished upload (upload.finish) as this window's dataset; it is reopened later as the folder it became. */
  async function openUpload(uploadId: string): Promise<ImageSummary | null> {
    const result = await run((taskId) => client.call('upload.finish', { uploadId, taskId }));
    if (!result) return null;
    adopt(result, { kind: 'folder', path: result.root });
    csv.value = null;
    return result;
  }

  async function openCsv(path: string, delimiter: 'auto' | ',' | ';' | '\t' | '|', header: 'auto' | 'yes' | 'no'): Promise<boolean> {
    const inspection = await run(() => client.call('dataset.openCsv', { path, delimiter, header }));
    if (inspection) {
      csv.value = inspection;
      pendingCsv = { path, delimiter, header };
    }
    return inspection !== null;
  }

  async function chooseTarget(target: number, task: 'auto' | 'classification' | 'regression'): Promise<boolean> {
    if (!csv.value || !pendingCsv) return false;
    const datasetId = csv.value.datasetId;
    return adopt(await run(() => client.call('dataset.chooseTarget', { datasetId, target, task })), {
      kind: 'csv',
      ...pendingCsv,
      target,
      task,
    });
  }

  async function loadBuiltin(id: BuiltinId, options: BuiltinOptions): Promise<boolean> {
    const result = await run((taskId) => client.call('dataset.builtin', { taskId, id, options }));
    if (result) csv.value = null;
    return adopt(result, { kind: 'builtin', id, options: builtinOptionsSchema.parse(options) });
  }

  /** Takes back a dataset the core still holds (same id, same fingerprint) without reading it again; false when it is gone. */
  async function resume(datasetId: string, fingerprint: string, opened: DatasetReference): Promise<boolean> {
    try {
      const kept = await client.call('dataset.summary', { datasetId });
      if (kept.fingerprint !== fingerprint) return false;
      if (kept.kind === 'images') csv.value = null;
      return adopt(kept, opened);
    } catch {
      return false;
    }
  }

  /** Opens a dataset again the way it was opened before (a kept session, a project file); false when it failed. */
  async function reopen(opened: DatasetReference): Promise<boolean> {
    if (opened.kind === 'folder') return openFolder(opened.path);
    if (opened.kind === 'builtin') return loadBuiltin(opened.id, opened.options);
    return (await openCsv(opened.path, opened.delimiter, opened.header)) && chooseTarget(opened.target, opened.task);
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

  return {
    summary,
    csv,
    split,
    progress,
    busy,
    error,
    reference,
    searchHint,
    recent,
    refreshRecent,
    openFolder,
    openUpload,
    openCsv,
    chooseTarget,
    loadBuiltin,
    reopen,
    resume,
    makeSplit,
    cancel,
  };
}

/** Subscribes to `dataset.progress` for this window's current task; returns the unsubscribe function. */
export function listenToDatasetProgress(client: ReturnType<typeof useClient>): () => void {
  return client.on('dataset.progress', (event) => {
    if (event.taskId === currentTask) progress.value = event;
  });
}
