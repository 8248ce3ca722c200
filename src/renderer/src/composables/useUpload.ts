import { ref, shallowRef, type Ref } from 'vue';
import type { ImageSummary } from '../../../shared/contract/datasets';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/uploads';
import { useClient } from './useClient';
import { useDataset } from './useDataset';
import { useErrorMessage } from './useErrorMessage';
import { uploadName, type PickedFile } from './folderDrop';

function base64(bytes: Uint8Array): string {
  // Block by block, and never as spread arguments: a 4 MB chunk spread into fromCharCode would overflow the stack.
  const parts: string[] = [];
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    parts.push(Array.from(bytes.subarray(i, i + step), (byte) => String.fromCharCode(byte)).join(''));
  }
  return btoa(parts.join(''));
}

export interface UploadProgress {
  name: string;
  doneBytes: number;
  totalBytes: number;
  /** The files have all arrived and the core is opening them. */
  opening: boolean;
}

const progress: Ref<UploadProgress | null> = shallowRef(null);
const error = ref<string | null>(null);
const notice = ref<string | null>(null);

/**
 * Sends a folder (or a .zip) from this computer to the core, chunk by chunk, with progress and cancel, then opens it
 * as the Datos dataset. A failed or cancelled upload leaves the dataset loaded before in place.
 */
export function useUpload() {
  const client = useClient();
  const dataset = useDataset();
  const describe = useErrorMessage();
  let cancelled = false;
  let current: string | null = null;

  async function upload(files: PickedFile[]): Promise<ImageSummary | null> {
    error.value = null;
    notice.value = null;
    cancelled = false;
    const name = uploadName(files);
    const totalBytes = files.reduce((sum, f) => sum + f.file.size, 0);
    progress.value = { name, doneBytes: 0, totalBytes, opening: false };
    try {
      const { uploadId, chunkBytes } = await client.call('upload.begin', {
        name,
        files: files.map((f) => ({ path: f.path, size: f.file.size })),
      });
      current = uploadId;
      const step = Math.min(chunkBytes, UPLOAD_CHUNK_BYTES);
      let doneBytes = 0;
      for (const { path, file } of files) {
        for (let offset = 0; offset < file.size; offset += step) {
          if (cancelled) return null;
          const bytes = new Uint8Array(await file.slice(offset, offset + step).arrayBuffer());
          await client.call('upload.chunk', { uploadId, path, offset, data: base64(bytes) });
          doneBytes += bytes.length;
          progress.value = { name, doneBytes, totalBytes, opening: false };
        }
      }
      if (cancelled) return null;
      progress.value = { name, doneBytes, totalBytes, opening: true };
      current = null;
      return await dataset.openUpload(uploadId);
    } catch (failure) {
      error.value = describe(failure);
      return null;
    } finally {
      progress.value = null;
    }
  }

  async function cancel(): Promise<void> {
    cancelled = true;
    const id = current;
    current = null;
    notice.value = 'cancelled';
    if (id) await client.call('upload.cancel', { uploadId: id }).catch(() => undefined);
    else await dataset.cancel();
  }

  return { progress, error, notice, upload, cancel };
}
