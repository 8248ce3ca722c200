import type { DatasetSummary } from '../../../shared/contract/datasets';

/** One dataset opened before, enough to list it on Inicio and reopen it with one click. */
export interface RecentDataset {
  /** The folder the core opened (an upload's folder for uploaded ones), reopened with dataset.openFolder. */
  path: string;
  name: string;
  images: number;
  classes: number;
  /** ISO time it was last opened. */
  openedAt: string;
}

/** In this browser's storage for this server (origin): each person's own list, as their browser profile is theirs. */
export const RECENT_KEY = 'sinapsis.recentDatasets';
export const MAX_RECENT = 8;

function isRecent(value: unknown): value is RecentDataset {
  const entry = value as Partial<RecentDataset> | null;
  return !!entry && typeof entry.path === 'string' && typeof entry.name === 'string' && typeof entry.images === 'number' && typeof entry.classes === 'number' && typeof entry.openedAt === 'string';
}

export function readRecent(storage: Pick<Storage, 'getItem'> = localStorage): RecentDataset[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, MAX_RECENT) : [];
  } catch {
    return []; // a damaged entry only loses the list, never the page
  }
}

/** Puts an opened image folder first (once), keeping at most MAX_RECENT. Tables and generated sets are not listed. */
export function rememberDataset(summary: DatasetSummary, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage, now = new Date()): RecentDataset[] {
  if (summary.kind !== 'images') return readRecent(storage);
  const entry: RecentDataset = { path: summary.root, name: summary.name, images: summary.total, classes: summary.classes.length, openedAt: now.toISOString() };
  const list = [entry, ...readRecent(storage).filter((recent) => recent.path !== entry.path)].slice(0, MAX_RECENT);
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the list is a convenience.
  }
  return list;
}
