import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The cache root of the owner's workspace: SINAPSIS_CACHE_DIR (tests, lab servers) or ~/Sinapsis/cache. A module of
 * its own so that the CLI's first lines can find it without loading the workspaces code.
 */
export function defaultCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.SINAPSIS_CACHE_DIR || join(homedir(), 'Sinapsis', 'cache');
}
