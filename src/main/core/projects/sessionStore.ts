import { rm } from 'node:fs/promises';
import { readOwnText } from '../files/readOwnFile';
import { join } from 'node:path';
import { z } from 'zod';
import { labSessionSchema, type LabSession } from '../../../shared/contract/project';
import { writeJsonAtomic } from '../runs/atomicWrite';
import { serialized } from './stateFolder';

export const SESSION_FILE = 'session.json';

const storedSessionSchema = z.object({ revision: z.number().int(), savedAt: z.string(), pageId: z.string(), session: labSessionSchema });

/** The kept session of a workspace folder, or null (never saved, or written by a version whose format we cannot read). */
export async function readSession(dir: string): Promise<{ session: LabSession | null; revision: number }> {
  try {
    const stored = storedSessionSchema.safeParse(JSON.parse((await readOwnText(join(dir, SESSION_FILE))) ?? 'null'));
    if (stored.success) return { session: stored.data.session, revision: stored.data.revision };
  } catch {
    // Missing or unreadable: the student starts from the defaults.
  }
  return { session: null, revision: 0 };
}

/** Saves the session as the next revision (the last save wins) and returns that revision. */
export function saveSession(dir: string, session: LabSession, pageId: string): Promise<number> {
  const file = join(dir, SESSION_FILE);
  return serialized(file, async () => {
    const { revision } = await readSession(dir);
    const next = revision + 1;
    await writeJsonAtomic(file, { revision: next, savedAt: new Date().toISOString(), pageId, session });
    return next;
  });
}

/** Forgets the session (a new revision with nothing kept); returns that revision. */
export function resetSession(dir: string): Promise<number> {
  const file = join(dir, SESSION_FILE);
  return serialized(file, async () => {
    const { revision } = await readSession(dir);
    await rm(file, { force: true });
    return revision + 1;
  });
}
