import { join } from 'node:path';
import { defaultCacheRoot } from '../core/app/cacheRoot';

/** Where V8 keeps the compiled code of the CLI's modules between runs (Node 22.1 and later; see src/main/cli.ts). */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultCacheRoot(env), 'v8-compile');
}
