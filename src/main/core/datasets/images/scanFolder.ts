import { statSync, type Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { join } from 'node:path';
import { SinapsisError } from '../../../../shared/contract';
import { isInside, LOCAL_FILES, type FileAccessPolicy } from '../../files';
import { naturalCompare } from '../naturalCompare';
import type { ProblemList } from '../problems';

/** Progress events and `task.cancel` get through at least this often while the files are stat'ed. */
const YIELD_EVERY_MS = 16;

export interface ScannedFile {
  absolutePath: string;
  /** Relative to the opened folder, `/`-separated, as shown to the student. */
  relativePath: string;
  className: string;
  size: number;
}

export interface FolderScan {
  /** First-level folders in natural order, including empty ones (the loader reports and drops those). */
  classNames: string[];
  files: ScannedFile[];
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/**
 * Checks that the opened path is allowed and a readable folder, turning OS errors into messages a student can act
 * on. A refused path gets the policy's one message before the folder is even looked at.
 */
async function checkRoot(root: string, files: FileAccessPolicy): Promise<void> {
  files.check(root);
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    if (errorCode(error) === 'EACCES')
      throw new SinapsisError(
        'dataset-folder-unreadable',
        `Cannot read "${root}": permission denied. Choose a folder your user can read.`,
        { path: root },
      );
    throw new SinapsisError('dataset-folder-missing', `The folder "${root}" does not exist. Check the path.`, { path: root });
  }
  if (!info.isDirectory()) {
    throw new SinapsisError(
      'dataset-not-a-folder',
      `"${root}" is a file, not a folder. Choose the folder that holds one subfolder per class${root.toLowerCase().match(/\.(csv|tsv|txt)$/) ? ', or open it as a CSV' : ''}.`,
      { path: root },
    );
  }
}

/**
 * Lists the candidate files of a folder-per-class dataset without reading them. The class is the first-level
 * folder; deeper subfolders belong to it. Symbolic links are followed only while they stay inside the opened
 * folder (a link out of it is reported and skipped, as `dataset.image` and training refuse it too), each real
 * folder is visited once (so a link back up the tree is reported instead of recursing forever), hidden entries,
 * special files and files outside class folders are reported and skipped.
 */
/** Documents that downloaded datasets carry beside their class folders (MNIST, Kaggle, the bundled digits). */
const DATASET_DOCUMENT = /^(licen[cs]e|readme|copying|notice|authors|citation)([._-][^/]*)?$/i;

export async function scanFolder(
  root: string,
  problems: ProblemList,
  signal: AbortSignal,
  onFound: (count: number) => void,
  policy: FileAccessPolicy = LOCAL_FILES,
  /** Keep files at the top of the folder (class ''), for classifying a folder that has no class subfolders. */
  options: { looseFiles?: boolean } = {},
): Promise<FolderScan> {
  await checkRoot(root, policy);
  const realRoot = await realpath(root);
  const visited = new Set<string>([realRoot]);
  const files: ScannedFile[] = [];
  const classNames: string[] = [];
  let lastYield = performance.now();

  async function walk(directory: string, relative: string, className: string | null): Promise<void> {
    if (signal.aborted) return;
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      if (directory === root)
        throw new SinapsisError(
          'dataset-folder-unreadable',
          `Cannot list "${root}": ${errorCode(error) || String(error)}. Check its permissions.`,
          { path: root },
        );
      const code = errorCode(error) || 'error';
      problems.add(relative, 'unreadable', `cannot list this folder (${code}); check its permissions`, {
        key: 'unreadable-folder',
        params: { code },
      });
      return;
    }
    entries.sort((a, b) => naturalCompare(a.name, b.name));
    for (const entry of entries) {
      if (signal.aborted) return;
      const absolutePath = join(directory, entry.name);
      const relativePath = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.')) {
        if (entry.isDirectory())
          problems.add(relativePath, 'hidden', 'hidden folder (name starts with ".") skipped', { key: 'hidden-folder' });
        else problems.add(relativePath, 'hidden', 'hidden file (name starts with ".") skipped', { key: 'hidden-file' });
        continue;
      }
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let size = 0;
      if (entry.isSymbolicLink()) {
        const target = await realpath(absolutePath).catch(() => null);
        if (target !== null && (!isInside(realRoot, target) || !policy.isAllowed(target))) {
          problems.add(
            relativePath,
            'link-outside',
            'symbolic link leading out of the opened folder; skipped, since only files inside it are read',
            { key: 'link-outside' },
          );
          continue;
        }
      }
      if (entry.isSymbolicLink() || isFile) {
        try {
          // Synchronous, as loadImageFolder's reads: microseconds on a local disk, where the promise costs thread-pool
          // round trips (0.15-0.25 s of CPU for 5,000 files under load); the event loop still gets a turn every 16 ms.
          if (performance.now() - lastYield > YIELD_EVERY_MS) {
            await yieldToEventLoop();
            lastYield = performance.now();
            if (signal.aborted) return;
          }
          const info = statSync(absolutePath);
          isDirectory = info.isDirectory();
          isFile = info.isFile();
          size = info.size;
        } catch (error) {
          const code = errorCode(error);
          if (code === 'ELOOP')
            problems.add(relativePath, 'symlink-loop', 'symbolic link points to itself in a loop', { key: 'symlink-self' });
          else if (code === 'ENOENT')
            problems.add(relativePath, 'broken-link', 'symbolic link points to something that does not exist', { key: 'broken-link' });
          else
            problems.add(relativePath, 'unreadable', `cannot read (${code || 'error'}); check its permissions`, {
              key: 'unreadable-file',
              params: { code: code || 'error' },
            });
          continue;
        }
      }
      if (isDirectory) {
        const real = await realpath(absolutePath).catch(() => absolutePath);
        if (visited.has(real)) {
          problems.add(
            relativePath,
            'symlink-loop',
            'link to a folder that was already scanned (a loop or a second path to the same folder); skipped so no image counts twice',
            {
              key: 'symlink-seen',
            },
          );
          continue;
        }
        visited.add(real);
        if (className === null) classNames.push(entry.name);
        await walk(absolutePath, relativePath, className ?? entry.name);
      } else if (isFile) {
        if (className === null && DATASET_DOCUMENT.test(entry.name)) {
          problems.add(
            relativePath,
            'dataset-document',
            'a licence or readme at the top of the dataset: kept as its documentation, not trained on',
            { key: 'dataset-document' },
          );
          continue;
        }
        if (className === null && !options.looseFiles) {
          problems.add(
            relativePath,
            'outside-class-folder',
            'file is not inside a class folder; put each image in the subfolder named after its class',
            { key: 'outside-class-folder' },
          );
          continue;
        }
        files.push({ absolutePath, relativePath, className: className ?? '', size });
        if (files.length % 256 === 0) onFound(files.length);
      } else {
        problems.add(relativePath, 'special-file', 'not a regular file (device, socket or pipe)', { key: 'special-file' });
      }
    }
  }

  await walk(root, '', null);
  onFound(files.length);
  return { classNames, files };
}
