import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallContext } from '../context';

/**
 * The folder where the caller's workspace keeps its session and recent projects. One function, so that the
 * workspaces of a lab server (one per student) only change it here.
 */
export async function workspaceStateDir(context: Pick<CallContext, 'workspace'>, ...parts: string[]): Promise<string> {
  const dir = join(context.workspace.folders.state, ...parts);
  await mkdir(dir, { recursive: true });
  return dir;
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier call for the same file: two tabs saving at once never interleave their writes. */
export function serialized<T>(file: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(file, settled);
  void settled.then(() => {
    if (queues.get(file) === settled) queues.delete(file);
  });
  return next;
}
