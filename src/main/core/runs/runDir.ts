import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SinapsisError } from '../../../shared/contract';

/** The folder of run `runId` under `root` (the id's schema already forbids paths), or a clear error. */
export function runDir(root: string, runId: string): string {
  const dir = join(root, runId);
  if (!existsSync(dir)) throw new SinapsisError('run-not-found', `There is no run "${runId}" in ${root}.`, { runId });
  return dir;
}
