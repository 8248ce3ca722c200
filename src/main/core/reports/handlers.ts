import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import type { HandlerMap } from '../context';
import type { ImageDataset } from '../datasets/datasetTypes';
import { featureSetCsv } from '../features/featureSetCsv';
import { runDir } from '../runs/runDir';
import { viewedRunsRoot } from '../workspaces/access';
import type { DatasetStore } from '../datasets/datasetStore';
import { RUN_FILE_NAME, writeRunExports } from './runExports';

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

/** A file name for the student's downloads folder: the data's name and the feature kind, safe on every OS. */
function featuresFileName(names: readonly string[], kind: string, id: string, datasetName: string | null): string {
  const parts = (names[0] ?? '').split(/[\\/]/).filter(Boolean);
  const base = (datasetName ?? (parts.length >= 3 ? parts[parts.length - 3] : id)).replace(/[^\w.-]+/g, '_');
  return `${base}-${kind}-features.csv`;
}

/** The loaded image dataset a feature set came from (its root makes the CSV's paths absolute), if it is still loaded. */
function sourceDataset(store: DatasetStore, datasetId: string | null): ImageDataset | null {
  if (!datasetId) return null;
  try {
    return store.get(datasetId, 'images');
  } catch {
    return null;
  }
}

export const exportsHandlers: HandlerMap<'runs.export' | 'runs.file' | 'features.exportCsv'> = {
  'runs.export': async (request, context) => {
    // Writes the exports into the run folder: only the caller's own runs.
    const dir = runDir(context.workspace.runsRoot, request.runId);
    return writeRunExports(dir, { language: request.language, ...(request.png ? { renderPng: context.services.renderPng } : {}) });
  },

  'runs.file': async (request, context) => {
    const dir = runDir(await viewedRunsRoot(context, request.workspace), request.runId);
    // The schema already allows only plain names in the folder, charts/ or model/; checked again here for the core's own callers.
    if (!RUN_FILE_NAME.test(request.name)) throw new SinapsisError('run-file-name', `"${request.name}" is not a file of a run folder.`, { file: request.name });
    const path = join(dir, request.name);
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      throw new SinapsisError('run-export-missing', `${path} is missing: export the run's files again.`, { path });
    }
    if (size > MAX_DOWNLOAD_BYTES) {
      throw new SinapsisError('run-file-too-large', `${path} has ${size} bytes, more than the ${MAX_DOWNLOAD_BYTES} a download through the app may have; copy it from the run folder.`, { path, bytes: size });
    }
    const bytes = await readFile(path);
    return { name: request.name, path, mime: MIME[extname(path)] ?? 'application/octet-stream', bytes: bytes.byteLength, base64: bytes.toString('base64') };
  },

  'features.exportCsv': async (request, context) => {
    const set = context.workspace.featureSets.get(request.featureSetId);
    const dataset = sourceDataset(context.workspace.datasets, set.datasetId);
    const names = dataset ? set.names.map((name) => (isAbsolute(name) ? name : join(dataset.root, name))) : set.names;
    const csv = featureSetCsv({ ...set, names });
    return { fileName: featuresFileName(names, set.kind, set.id, dataset?.summary.name ?? null), csv, rows: set.rows, columns: set.length + 2 };
  },
};
