import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SinapsisError, type ResponseOf } from '../../../shared/contract';
import { RUN_FILE_NAME } from '../reports/runExports';
import { readOwnFile } from '../files/readOwnFile';

const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.csv': 'text/csv;charset=utf-8',
  '.json': 'application/json',
  '.html': 'text/html;charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.zip': 'application/zip',
};

/** One file of the run folder `dir`, read for the student to download (`runs.file`). */
export async function runFileDownload(dir: string, name: string): Promise<ResponseOf<'runs.file'>> {
  // The schema already allows only plain names in the folder, charts/ or model/; checked again here for the core's own callers.
  if (!RUN_FILE_NAME.test(name)) throw new SinapsisError('run-file-name', `"${name}" is not a file of a run folder.`, { file: name });
  const path = join(dir, name);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new SinapsisError('run-export-missing', `${path} is missing: export the run's files again.`, { path });
  }
  if (size > MAX_DOWNLOAD_BYTES) {
    throw new SinapsisError(
      'run-file-too-large',
      `${path} has ${size} bytes, more than the ${MAX_DOWNLOAD_BYTES} a download through the app may have; copy it from the run folder.`,
      { path, bytes: size },
    );
  }
  // Read as the other run files are: a FIFO or device swapped in after the stat never blocks the core.
  const bytes = await readOwnFile(path);
  if (!bytes) throw new SinapsisError('run-export-missing', `${path} is missing: export the run's files again.`, { path });
  return { name, path, mime: MIME[extname(path)] ?? 'application/octet-stream', bytes: bytes.byteLength, base64: bytes.toString('base64') };
}
