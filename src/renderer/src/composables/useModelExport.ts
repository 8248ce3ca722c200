import { onBeforeUnmount, ref, shallowRef, type Ref } from 'vue';
import type { FolderPrediction } from '../../../shared/contract/folderPrediction';
import type { ModelExportFormat, ModelExportResult } from '../../../shared/contract/modelExport';
import type { Locale } from '../i18n/messages';
import { useClient } from './useClient';
import { base64Bytes, offerDownload, runDownloadName } from './useDownload';
import { useErrorMessage } from './useErrorMessage';
import { newTaskId } from '../../../shared/contract/newTaskId';

/** "Exportar modelo": writes the chosen format into the run folder and hands its .zip over as a download. */
export function useModelExport() {
  const client = useClient();
  const describe = useErrorMessage();
  const result: Ref<ModelExportResult | null> = shallowRef(null);
  const busy = ref(false);
  const error: Ref<string | null> = ref(null);

  async function exportModel(runId: string, format: ModelExportFormat, language: Locale): Promise<void> {
    // One export at a time: a double click must not write the same files twice at once.
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    result.value = null;
    try {
      const exported = await client.call('runs.exportModel', { runId, format, language });
      result.value = exported;
      await download(runId);
    } catch (failure) {
      error.value = describe(failure);
    } finally {
      busy.value = false;
    }
  }

  /** The last export's .zip again (runs.file reads it from the run folder). */
  async function download(runId: string): Promise<void> {
    if (!result.value) return;
    const name = result.value.zip.name;
    try {
      const file = await client.call('runs.file', { runId, name });
      offerDownload(runDownloadName(runId, name), base64Bytes(file.base64), file.mime);
    } catch (failure) {
      error.value = describe(failure);
    }
  }

  return { result, busy, error, exportModel, download };
}

/** "Clasificar una carpeta": runs.predictFolder as a task with progress and cancel; the CSV as a download. */
export function useFolderPrediction() {
  const client = useClient();
  const describe = useErrorMessage();
  const result: Ref<FolderPrediction | null> = shallowRef(null);
  const progress: Ref<{ done: number; total: number } | null> = shallowRef(null);
  const busy = ref(false);
  const error: Ref<string | null> = ref(null);
  let taskId = '';
  const stop = client.on('runs.predictFolderProgress', (event) => {
    if (event.taskId === taskId) progress.value = { done: event.done, total: event.total };
  });
  onBeforeUnmount(stop);

  async function classify(runId: string, path: string): Promise<void> {
    // One folder at a time (a second submit would start a second task).
    if (busy.value) return;
    taskId = newTaskId('folder-predict');
    busy.value = true;
    error.value = null;
    result.value = null;
    progress.value = null;
    try {
      result.value = await client.call('runs.predictFolder', { taskId, runId, path, topK: 3 });
    } catch (failure) {
      error.value = describe(failure);
    } finally {
      busy.value = false;
      progress.value = null;
    }
  }

  async function cancel(): Promise<void> {
    if (busy.value && taskId) await client.call('task.cancel', { taskId });
  }

  async function downloadCsv(runId: string): Promise<void> {
    if (!result.value) return;
    try {
      const file = await client.call('runs.file', { runId, name: result.value.csv.name });
      offerDownload(runDownloadName(runId, result.value.csv.name), base64Bytes(file.base64), file.mime);
    } catch (failure) {
      error.value = describe(failure);
    }
  }

  return { result, progress, busy, error, classify, cancel, downloadCsv };
}
