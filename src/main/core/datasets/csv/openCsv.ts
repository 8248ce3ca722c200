import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { SinapsisError } from '../../../../shared/contract';
import { LOCAL_FILES, readRegularFile, type FileAccessPolicy } from '../../files';
import type { CsvDraft } from '../datasetTypes';
import { decodeCsvText } from './decodeText';
import { describeCsv, parseCsvTable } from './inspectCsv';
import type { Delimiter } from './parseDelimited';

/** CSVs beyond this are refused before reading: the course's tables are kilobytes to a few megabytes. */
export const MAX_CSV_BYTES = 256 * 1024 ** 2;

/**
 * Reads and parses a CSV/TSV file into a draft awaiting the choice of target column. `files` decides which paths
 * may be read (a lab server's roots); a refused path gets the policy's one message before anything is looked at.
 */
export async function openCsv(
  path: string,
  delimiter: 'auto' | Delimiter,
  header: 'auto' | 'yes' | 'no',
  datasetId: string,
  files: FileAccessPolicy = LOCAL_FILES,
): Promise<CsvDraft> {
  const file = resolve(path);
  files.check(file);
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new SinapsisError('csv-missing', `The file "${file}" does not exist. Check the path.`, { path: file });
  }
  if (info.isDirectory())
    throw new SinapsisError('csv-is-folder', `"${file}" is a folder. Open it as an image folder, or choose a .csv file.`, { path: file });
  if (info.size > MAX_CSV_BYTES) {
    throw new SinapsisError(
      'csv-too-large',
      `"${file}" is ${Math.round(info.size / 1024 ** 2)} MB; the limit is ${MAX_CSV_BYTES / 1024 ** 2} MB. Use a sample of the rows.`,
      { path: file },
    );
  }
  let bytes: Uint8Array;
  try {
    // The limit again while reading: stat says 0 for /dev/zero-like files (refused anyway) and a file can grow.
    bytes = await readRegularFile(file, files, { maxBytes: MAX_CSV_BYTES, what: 'a CSV file' });
  } catch (error) {
    if (error instanceof SinapsisError && error.code === 'file-too-large') {
      throw new SinapsisError('csv-too-large', `"${file}" is over ${MAX_CSV_BYTES / 1024 ** 2} MB, the limit. Use a sample of the rows.`, {
        path: file,
      });
    }
    if (error instanceof SinapsisError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new SinapsisError('csv-unreadable', `Cannot read "${file}" (${code}). Check its permissions.`, { path: file });
  }
  const { text, encoding } = decodeCsvText(bytes, file);
  const parsed = parseCsvTable(text, file, delimiter, header);
  const inspection = describeCsv(parsed, datasetId, file, encoding);
  return {
    kind: 'csv',
    id: datasetId,
    path: file,
    name: basename(file),
    header: parsed.header,
    cells: parsed.cells,
    lineNumbers: parsed.lineNumbers,
    inspection,
  };
}
