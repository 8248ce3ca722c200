import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, parse, relative, sep } from 'node:path';
import { SinapsisError } from '../../../shared/contract/errors';
import { MAX_BROWSE_ENTRIES, TABLE_EXTENSIONS, type BrowseEntry, type EntryLook, type FolderListing } from '../../../shared/contract/files';
import { IMAGE_EXTENSIONS } from '../datasets/images/sniffFormat';
import { naturalCompare } from '../datasets/naturalCompare';
import type { FileAccessPolicy } from './fileAccessPolicy';
import { isInside } from './fileAccessPolicy';
import { userPath } from './userPath';

/**
 * The page's own folder browser (browser mode: the student cannot type a path they do not know). It lists one folder
 * at a time through the workspace's file-access policy: on a single user's machine anywhere but the kernel's trees,
 * starting at the home folder; on a lab server only inside the allowed roots (the teacher's `--data` folders, the
 * bundled datasets, the student's own uploads), starting at the list of those roots. Entries the policy refuses (a
 * link leading out of a root, `/proc`) are simply not listed, and a path outside is refused with the policy's one
 * message. Hidden entries are left out; folders that look like a dataset are marked, by file extension only (a
 * hint for where to click: the real scan reads contents).
 */

/** How many subfolders of a listing get their look worked out (each costs a few directory reads). */
const LOOKED_AT_FOLDERS = 200;
/** How many class-looking subfolders are peeked into before a folder is called a dataset (two suffice). */
const PEEKED_CLASS_FOLDERS = 8;

const isHidden = (name: string): boolean => name.startsWith('.');
const isImageName = (name: string): boolean => IMAGE_EXTENSIONS.has(extname(name).toLowerCase());
const isTableName = (name: string): boolean => (TABLE_EXTENSIONS as readonly string[]).includes(extname(name).slice(1).toLowerCase());

async function visibleEntries(folder: string): Promise<Dirent[] | null> {
  try {
    return (await readdir(folder, { withFileTypes: true })).filter((entry) => !isHidden(entry.name));
  } catch {
    return null;
  }
}

/** A directory entry's kind, following a symbolic link (a broken or looping one is left out). */
async function kindOf(folder: string, entry: Dirent): Promise<'folder' | 'file' | null> {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return null;
  const info = await stat(join(folder, entry.name)).catch(() => null);
  return info?.isDirectory() ? 'folder' : info?.isFile() ? 'file' : null;
}

/** Does this folder hold images directly (first level only)? */
async function holdsImages(folder: string): Promise<boolean> {
  return ((await visibleEntries(folder)) ?? []).some((entry) => !entry.isDirectory() && isImageName(entry.name));
}

/** What a folder looks like: a dataset (two or more subfolders with images), a class folder (images, no subfolders), or neither. */
export async function lookOfFolder(folder: string): Promise<EntryLook | null> {
  const entries = await visibleEntries(folder);
  if (!entries) return null;
  const subfolders = entries.filter((entry) => entry.isDirectory() || entry.isSymbolicLink());
  if (subfolders.length === 0) return entries.some((entry) => isImageName(entry.name)) ? 'class-folder' : null;
  let classes = 0;
  for (const sub of subfolders.slice(0, PEEKED_CLASS_FOLDERS)) {
    if (await holdsImages(join(folder, sub.name))) classes++;
    if (classes >= 2) return 'image-dataset';
  }
  return null;
}

function notAFolder(path: string): SinapsisError {
  return new SinapsisError(
    'browse-not-a-folder',
    `"${path}" is not a folder that exists. Go up to a folder that exists, or start again from the first one.`,
    { path },
  );
}

/** The listed folder's breadcrumbs: from the filesystem root (single user) or from the allowed root holding it. */
function crumbsOf(path: string, top: string): FolderListing['crumbs'] {
  const crumbs = [{ name: top === parse(top).root ? top : basename(top), path: top }];
  let current = top;
  for (const part of relative(top, path).split(sep).filter(Boolean)) {
    current = join(current, part);
    crumbs.push({ name: part, path: current });
  }
  return crumbs;
}

/** The allowed roots that exist, as the lab server's starting list. */
async function rootsListing(roots: readonly string[]): Promise<FolderListing> {
  const entries: BrowseEntry[] = [];
  for (const root of roots) {
    const info = await stat(root).catch(() => null);
    if (info?.isDirectory()) entries.push({ name: basename(root) || root, path: root, kind: 'folder', look: await lookOfFolder(root) });
  }
  return { path: null, look: null, crumbs: [], entries, truncated: false, scope: 'roots' };
}

async function entriesOf(folder: string, policy: FileAccessPolicy): Promise<{ entries: BrowseEntry[]; truncated: boolean }> {
  const dirents = await visibleEntries(folder);
  if (!dirents) {
    throw new SinapsisError(
      'browse-unreadable',
      `The folder "${folder}" cannot be read (no permission). Choose another folder, or ask whoever owns it to let you read it.`,
      { path: folder },
    );
  }
  const entries: BrowseEntry[] = [];
  for (const dirent of dirents) {
    const path = join(folder, dirent.name);
    const kind = await kindOf(folder, dirent);
    if (kind === null || (kind === 'file' && !isTableName(dirent.name)) || !policy.isAllowed(path)) continue;
    entries.push({ name: dirent.name, path, kind, look: kind === 'file' ? 'table' : null });
  }
  entries.sort((a, b) => (a.kind === b.kind ? naturalCompare(a.name, b.name) : a.kind === 'folder' ? -1 : 1));
  const shown = entries.slice(0, MAX_BROWSE_ENTRIES);
  for (const entry of shown.slice(0, LOOKED_AT_FOLDERS)) if (entry.kind === 'folder') entry.look = await lookOfFolder(entry.path);
  return { entries: shown, truncated: entries.length > shown.length };
}

/**
 * One folder's listing for the page's folder browser; `requested` absent: the starting point (home, or the roots).
 * `home` is a parameter so tests need not list the real home folder.
 */
export async function browseFolder(
  policy: FileAccessPolicy,
  requested: string | undefined,
  home: string = homedir(),
): Promise<FolderListing> {
  const roots = policy.allowedRoots;
  if (requested === undefined && roots !== 'anywhere') return rootsListing(roots);
  const typed = requested === undefined ? home : userPath(requested, home);
  if (!isAbsolute(typed)) {
    throw new SinapsisError(
      'browse-relative-path',
      `"${typed}" is not a full path. Start from the home folder (~) or give a path that starts at the top (like /home/ana/fotos).`,
      { path: typed },
    );
  }
  const real = policy.check(typed);
  const info = await stat(real).catch(() => null);
  if (!info?.isDirectory()) throw notAFolder(typed);
  const top = roots === 'anywhere' ? parse(real).root : roots.filter((root) => isInside(root, real)).sort((a, b) => b.length - a.length)[0];
  const { entries, truncated } = await entriesOf(real, policy);
  const atTop = real === top;
  // A lab server's roots go back up to the roots list (null); the filesystem root has nowhere to go.
  const parent = atTop ? (roots === 'anywhere' ? undefined : null) : dirname(real);
  return {
    path: real,
    look: await lookOfFolder(real),
    crumbs: crumbsOf(real, top),
    parent,
    entries,
    truncated,
    scope: roots === 'anywhere' ? 'machine' : 'roots',
  };
}
