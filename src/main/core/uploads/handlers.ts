import { readdir, rm } from 'node:fs/promises';
import { writeFileAtomic } from '../runs/atomicWrite';
import { basename, join } from 'node:path';
import { SinapsisError } from '../../../shared/contract/errors';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/uploads';
import type { HandlerMap } from '../context';
import { loadFolderTask } from '../datasets/handlers';
import { unzipUpload } from './unzipUpload';
import { uploadLimitBytes, uploadsRoot } from './uploadPaths';
import { COMPLETE_MARK, uploadSessions } from './uploadSessions';

type UploadMethod = 'upload.begin' | 'upload.chunk' | 'upload.finish' | 'upload.cancel';

/** Visible entries of a folder (hidden files and folders are skipped by the scan too). */
async function visible(folder: string) {
  return (await readdir(folder, { withFileTypes: true })).filter((entry) => !entry.name.startsWith('.'));
}

/**
 * The folder to open inside what arrived. Dropping "fotos" (with gatos/ and perros/ inside) gives fotos/fotos/…: a
 * folder holding only one folder is stepped into while that one has subfolders of its own. Dropping a class folder
 * itself (images, no subfolders) is refused with what to drop instead.
 */
export async function datasetRootOf(folder: string, name: string): Promise<string> {
  let root = folder;
  for (let depth = 0; depth < 8; depth++) {
    const entries = await visible(root);
    if (entries.length !== 1 || !entries[0].isDirectory()) break;
    const inner = join(root, entries[0].name);
    const innerEntries = await visible(inner);
    if (!innerEntries.some((entry) => entry.isDirectory())) {
      if (innerEntries.length > 0) {
        throw new SinapsisError(
          'upload-no-classes',
          `"${entries[0].name}" holds ${innerEntries.length} images directly and no subfolders: it looks like one class. Drop the folder above it, which has one subfolder per class (e.g. fotos/gatos and fotos/perros), or several class folders at once.`,
          { name: entries[0].name, files: innerEntries.length },
        );
      }
      break;
    }
    root = inner;
  }
  const top = await visible(root);
  if (!top.some((entry) => entry.isDirectory())) {
    throw new SinapsisError(
      'upload-no-classes',
      `"${name}" holds ${top.length} files and no subfolders: a dataset needs one subfolder per class (e.g. fotos/gatos and fotos/perros). Sort the images into class folders and drop the folder above them.`,
      { name, files: top.length },
    );
  }
  return root;
}

export const uploadHandlers: HandlerMap<UploadMethod> = {
  'upload.begin': async (request, context) => {
    const session = await uploadSessions.begin(uploadsRoot(context), request.name, request.files, uploadLimitBytes());
    return { uploadId: session.id, limitBytes: session.limitBytes, chunkBytes: UPLOAD_CHUNK_BYTES };
  },

  'upload.chunk': async (request, context) => {
    const data = Buffer.from(request.data, 'base64');
    return { received: await uploadSessions.chunk(request.uploadId, uploadsRoot(context), request.path, request.offset, data) };
  },

  'upload.finish': async (request, context) => {
    const root = uploadsRoot(context);
    const session = uploadSessions.get(request.uploadId, root);
    const missing = uploadSessions.incomplete(request.uploadId, root);
    if (missing.length > 0) {
      await uploadSessions.cancel(request.uploadId, root);
      throw new SinapsisError(
        'upload-incomplete',
        `The upload stopped before the end: ${missing.length} of ${session.files.size} files did not arrive whole (e.g. ${missing[0]}). Nothing was opened and the dataset loaded before is unchanged; upload the folder again.`,
        { missing: missing.length, total: session.files.size, file: missing[0] },
      );
    }
    uploadSessions.forget(request.uploadId);
    try {
      let folder = session.folder;
      const paths = [...session.files.keys()];
      if (paths.length === 1 && paths[0].toLowerCase().endsWith('.zip')) {
        const zip = join(session.folder, ...paths[0].split('/'));
        folder = join(session.dir, basename(paths[0]).replace(/\.zip$/i, '') || 'dataset');
        unzipUpload(zip, folder, session.limitBytes);
        await rm(session.folder, { recursive: true, force: true });
      }
      const root = await datasetRootOf(folder, basename(folder));
      const dataset = await loadFolderTask(root, request.taskId, context);
      await writeFileAtomic(join(session.dir, COMPLETE_MARK), new Date().toISOString());
      return dataset.summary;
    } catch (error) {
      // What arrived is of no use without a dataset: the student drops the folder again.
      await rm(session.dir, { recursive: true, force: true });
      throw error;
    }
  },

  'upload.cancel': async (request, context) => ({ removed: await uploadSessions.cancel(request.uploadId, uploadsRoot(context)) }),
};
