import { stat } from 'node:fs/promises';
import { userPath } from '../files/userPath';
import { resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { builtinIdSchema, builtinOptionsSchema, type DatasetProgressEvent } from '../../../shared/contract/datasets';
import { builtinPaths, generateBuiltin } from './builtins';
import { buildTable, tableFromGenerated } from './csv/buildTable';
import { openCsv } from './csv/openCsv';
import { targetColumn } from './csv/targetColumn';
import { DatasetStore } from './datasetStore';
import type { ImageDataset, TableDataset } from './datasetTypes';
import { loadImageFolder } from './images/loadImageFolder';

export interface OpenSourceOptions {
  signal: AbortSignal;
  /** CSV target column by name or 1-based number; the suggested one when absent. */
  target?: string;
  onProgress?: (progress: Omit<DatasetProgressEvent, 'taskId'>) => void;
}

export const BUILTIN_PREFIX = 'builtin:';

async function csvTable(path: string, target: string | undefined): Promise<TableDataset> {
  const draft = await openCsv(path, 'auto', 'auto', DatasetStore.newId());
  return buildTable(draft, targetColumn(draft, target), 'auto', DatasetStore.newId());
}

/**
 * A dataset named on a command line: an image folder (one subfolder per class), a CSV/TSV file, or a bundled
 * one as `builtin:digits`, `builtin:wine`, `builtin:xor`… (generated sets with their default options).
 */
export async function openDatasetSource(source: string, options: OpenSourceOptions): Promise<ImageDataset | TableDataset> {
  if (source.startsWith(BUILTIN_PREFIX)) {
    const id = builtinIdSchema.safeParse(source.slice(BUILTIN_PREFIX.length));
    if (!id.success)
      throw new SinapsisError(
        'dataset-builtin-unknown',
        `"${source}" is not a bundled dataset. Use one of: ${builtinIdSchema.options.map((o) => BUILTIN_PREFIX + o).join(', ')}.`,
        { source },
      );
    if (id.data === 'digits')
      return loadImageFolder(builtinPaths.digits(), {
        signal: options.signal,
        datasetId: DatasetStore.newId(),
        onProgress: options.onProgress,
      });
    if (id.data === 'wine') return csvTable(builtinPaths.wine(), options.target ?? 'class');
    return tableFromGenerated(generateBuiltin(id.data, builtinOptionsSchema.parse({})), DatasetStore.newId(), source);
  }
  const path = resolve(userPath(source));
  const info = await stat(path).catch(() => null);
  if (!info)
    throw new SinapsisError(
      'dataset-not-found',
      `${path} does not exist. Give an image folder (one subfolder per class), a CSV file, or builtin:digits.`,
      { path },
    );
  if (info.isDirectory())
    return loadImageFolder(path, { signal: options.signal, datasetId: DatasetStore.newId(), onProgress: options.onProgress });
  return csvTable(path, options.target);
}
