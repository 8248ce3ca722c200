import { readOwnText } from './readOwnFile';
import { join } from 'node:path';
import { z } from 'zod';
import { MAX_RECENT_DATASETS, recentDatasetSchema, type RecentDataset } from '../../../shared/contract/files';
import type { CallContext } from '../context';
import { serialized, workspaceStateDir } from '../projects/stateFolder';
import { writeFileAtomic } from '../runs/atomicWrite';

/**
 * The image folders a workspace opened lately, for Inicio: kept in the workspace's state folder by the core (not in
 * one browser's storage), so each person has their own list wherever they sign in from. Only what the workspace may
 * still open is listed (a teacher who removed a --data folder takes its entries with it).
 */
const FILE = 'recent-datasets.json';

async function listFile(context: Pick<CallContext, 'workspace'>): Promise<string> {
  return join(await workspaceStateDir(context), FILE);
}

async function readList(file: string): Promise<RecentDataset[]> {
  try {
    const parsed = z.array(z.unknown()).safeParse(JSON.parse((await readOwnText(file)) ?? 'null'));
    return parsed.success
      ? parsed.data.flatMap((entry) => {
          const one = recentDatasetSchema.safeParse(entry);
          return one.success ? [one.data] : [];
        })
      : [];
  } catch {
    return []; // missing or damaged: the list is a convenience and starts again
  }
}

export async function recentDatasets(context: Pick<CallContext, 'workspace'>): Promise<RecentDataset[]> {
  const list = await readList(await listFile(context));
  return list.filter((entry) => context.workspace.files.isAllowed(entry.path)).slice(0, MAX_RECENT_DATASETS);
}

/** Puts an opened image folder first (once), keeping at most MAX_RECENT_DATASETS; a write that fails loses only the list. */
export async function rememberDataset(
  context: Pick<CallContext, 'workspace'>,
  entry: Omit<RecentDataset, 'openedAt'>,
  now = new Date(),
): Promise<void> {
  try {
    const file = await listFile(context);
    await serialized(file, async () => {
      const list = [
        { ...entry, openedAt: now.toISOString() },
        ...(await readList(file)).filter((recent) => recent.path !== entry.path),
      ].slice(0, MAX_RECENT_DATASETS);
      await writeFileAtomic(file, JSON.stringify(list, null, 2) + '\n');
    });
  } catch {
    // A read-only or full state folder: the dataset is open all the same.
  }
}
