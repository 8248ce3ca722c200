/**
 * The files of what the student chose or dropped, with their paths inside the chosen folder. Kept apart from the
 * upload itself (and free of Vue) so that the folder walking is unit-tested with fake entries.
 */

/** A file picked or dropped, with its path inside the chosen folder (`fotos/gatos/1.jpg`). */
export interface PickedFile {
  path: string;
  file: File;
}

/** Files of an `<input type="file" webkitdirectory>` (or a plain file input: then the path is the name). */
export function filesFromInput(list: FileList | File[]): PickedFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every file under a dropped entry; a directory reader hands out its entries in batches until an empty one. */
async function walk(entry: FileSystemEntry, into: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    into.push({ path: entry.fullPath.replace(/^\//, ''), file: await fileOf(entry as FileSystemFileEntry) });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, into);
  }
}

/** What `filesFromDrop` reads of a DataTransfer (its items' entries, or its plain files). */
export type DropSource = Pick<DataTransfer, 'items' | 'files'>;

/** Files of a drop from the file manager: folders are walked (DataTransferItem.webkitGetAsEntry), files taken as they are. */
export async function filesFromDrop(transfer: DropSource): Promise<PickedFile[]> {
  // The entries must be taken before the first await: the browser empties the DataTransfer after the event.
  const entries = Array.from(transfer.items, (item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return filesFromInput(transfer.files);
  const files: PickedFile[] = [];
  for (const entry of entries) await walk(entry, files);
  return files;
}

/** The name an upload is shown under: the dropped folder's (the first path part), the zip's, or the class folders'. */
export function uploadName(files: readonly PickedFile[]): string {
  const tops = [...new Set(files.map((f) => f.path.split('/')[0]))];
  return tops.length === 1 ? tops[0] : tops.slice(0, 3).join(', ');
}
