import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the bundled `resources/` folder is: `SINAPSIS_RESOURCES` when set (packaged apps), else found by
 * walking up from this module (the source tree under tsx/Vitest, or `out/main` after a build).
 */
export function resourcesDir(): string {
  const fromEnv = process.env.SINAPSIS_RESOURCES;
  if (fromEnv && existsSync(fromEnv)) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'datasets'))) return candidate;
    dir = dirname(dir);
  }
  return resolve('resources');
}
