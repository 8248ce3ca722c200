import { z } from 'zod';
import { method } from './define';

/**
 * Choosing a folder or file without typing its path. Two ways, one per door:
 * - `files.choose`: the desktop app's native dialog (Electron's `dialog.showOpenDialog`); the Electron door gives the
 *   core the dialog, other doors refuse it (browser mode uploads, or browses with `files.browse`).
 * - `files.browse`: a folder listing for the page's own folder browser (browser mode on the user's machine, or the
 *   allowed roots of a lab server), checked by the same file-access policy as every other path.
 */

/** What is being chosen: it sets the dialog's kind (folder or file) and its file filter. */
export const pathPurposeSchema = z.enum(['image-folder', 'csv', 'model-folder']);
export type PathPurpose = z.infer<typeof pathPurposeSchema>;

/** Folders are chosen for image sets (to train on or to classify) and model imports; files for CSV/TSV tables. */
export const PATH_PURPOSES = {
  'image-folder': { select: 'folder' },
  csv: { select: 'file' },
  'model-folder': { select: 'folder' },
} as const satisfies Record<PathPurpose, { select: 'folder' | 'file' }>;

/** File extensions a table may have (the CSV reader detects the delimiter itself). */
export const TABLE_EXTENSIONS = ['csv', 'tsv', 'txt'] as const;

/**
 * What a folder looks like to the browser, so the student sees where to click:
 * `image-dataset`: at least two subfolders with images (one per class); `class-folder`: images directly and no
 * subfolders (a class opened by mistake; its parent is the dataset); `table`: a CSV/TSV file.
 */
export const entryLookSchema = z.enum(['image-dataset', 'class-folder', 'table']);
export type EntryLook = z.infer<typeof entryLookSchema>;

export const browseEntrySchema = z.object({
  name: z.string(),
  /** Absolute path, to open or to browse into. */
  path: z.string(),
  kind: z.enum(['folder', 'file']),
  look: entryLookSchema.nullable(),
});
export type BrowseEntry = z.infer<typeof browseEntrySchema>;

export const folderListingSchema = z.object({
  /** The folder listed; null for the list of allowed roots (a lab server's starting point). */
  path: z.string().nullable(),
  /** How the listed folder itself looks (a dataset can be opened from here). */
  look: entryLookSchema.nullable(),
  /** From the outermost folder one may browse (`/`, or an allowed root) down to this one. */
  crumbs: z.array(z.object({ name: z.string(), path: z.string() })),
  /** Where "up" goes: the parent folder, `null` for the roots list, absent at the top. */
  parent: z.string().nullable().optional(),
  /** Visible subfolders and table files, naturally sorted, folders first; hidden entries are left out. */
  entries: z.array(browseEntrySchema),
  /** More entries than one listing shows (MAX_BROWSE_ENTRIES); the rest are left out. */
  truncated: z.boolean(),
  /** Whether the whole machine may be browsed (single user) or only the allowed roots (lab server). */
  scope: z.enum(['machine', 'roots']),
});
export type FolderListing = z.infer<typeof folderListingSchema>;

/** The most entries one listing returns (a folder of 60,000 images has no subfolders to show anyway). */
export const MAX_BROWSE_ENTRIES = 2000;

/** One image folder opened before, enough to list it on Inicio and reopen it with one click. */
export const recentDatasetSchema = z.object({
  /** The folder the core opened (an upload's folder for uploaded ones), reopened with dataset.openFolder. */
  path: z.string(),
  name: z.string(),
  images: z.number().int().nonnegative(),
  classes: z.number().int().nonnegative(),
  /** ISO time it was last opened. */
  openedAt: z.string(),
});
export type RecentDataset = z.infer<typeof recentDatasetSchema>;
/** How many recent datasets a workspace keeps. */
export const MAX_RECENT_DATASETS = 8;

export const filesMethods = {
  /** The desktop app's native open dialog; `path` is null when the student closed it. Refused outside Electron. */
  'files.choose': method(
    z.object({
      purpose: pathPurposeSchema,
      /** The dialog's title in the interface's language (the main process does not know it). */
      title: z.string().min(1).max(200),
    }),
    z.object({ path: z.string().nullable() }),
  ),
  /**
   * One folder's visible subfolders and tables. Without `path`: the home folder on a single user's machine, the
   * list of allowed roots on a lab server. Refused outside the allowed roots with the policy's one message.
   */
  'files.browse': method(z.object({ path: z.string().min(1).max(4096).optional() }), folderListingSchema),
  /**
   * The image folders this workspace opened lately (uploads too), newest first: kept by the core per workspace, so a
   * student finds them from any browser or lab PC, and two students on one PC do not see each other's.
   */
  'files.recent': method(z.object({}), z.object({ datasets: z.array(recentDatasetSchema) })),
};

export const filesEvents = {};
