import { onBeforeUnmount } from 'vue';
import { useI18n } from 'vue-i18n';
import { TABLE_EXTENSIONS } from '../../../shared/contract/files';
import { useClientContext } from './useClient';
import { useDataset } from './useDataset';
import { useUpload } from './useUpload';

/** How a dropped desktop path opens: a table as a CSV, a zip through the upload, anything else as an image folder. */
export function droppedPathKind(path: string): 'csv' | 'zip' | 'folder' {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (path.lastIndexOf('.') > Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))) {
    if ((TABLE_EXTENSIONS as readonly string[]).includes(extension)) return 'csv';
    if (extension === 'zip') return 'zip';
  }
  return 'folder';
}

/**
 * The desktop app: a folder or file dropped anywhere on the window opens where it is, in Datos (its path comes from
 * the preload's `pathForFile`; a sandboxed page never sees paths). A folder that is not a dataset, or a single image,
 * gets the core's usual message (e.g. "open its parent"). Browser mode has no paths: its drops are uploads (UploadPanel).
 */
export function useWindowDrop(go: (view: string) => void): void {
  const { pathForFile } = useClientContext();
  if (!pathForFile) {
    // Browser mode: a file dropped outside Datos must not make the tab open it and leave Sinapsis.
    const refuse = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    onBeforeUnmount(() => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    });
    return;
  }
  const { t } = useI18n();
  const dataset = useDataset();
  const { upload } = useUpload();

  const onDragOver = (event: DragEvent) => event.preventDefault();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    go('datos');
    const path = pathForFile(file);
    if (!path) {
      dataset.error.value = t('pathChoice.dropNoPath');
      return;
    }
    const kind = droppedPathKind(path);
    if (kind === 'csv') void dataset.openCsv(path, 'auto', 'auto');
    else if (kind === 'zip') void upload([{ path: file.name, file }]);
    else void dataset.openFolder(path);
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);
  onBeforeUnmount(() => {
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
  });
}
