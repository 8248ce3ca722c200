import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { workerEntries, type WorkerName } from './registry';

const here = dirname(fileURLToPath(import.meta.url));
const runningFromSource = import.meta.url.endsWith('.ts');

/**
 * Where a worker's code lives: beside the source under tsx/Vitest, or in `out/main/workers/`. This module is
 * either inlined into out/main/index.js or out/main/cli.js, or (once several entries share it) placed by the
 * bundler in out/main/chunks/, so both `./workers` and `../workers` are tried.
 */
export function workerFile(name: WorkerName): { file: string; fromSource: boolean } {
  const entry: string = workerEntries[name];
  if (runningFromSource) return { file: resolve(here, '..', `${entry}.ts`), fromSource: true };
  const candidates = [join(here, 'workers', `${name}.js`), join(here, '..', 'workers', `${name}.js`)];
  const bundled = candidates.find((file) => existsSync(file));
  if (bundled) return { file: bundled, fromSource: false };
  throw new Error(`Worker "${name}" is missing from the build (expected ${candidates[0]}). Rebuild with "npm run build".`);
}

/**
 * tsx's loader API as an absolute URL, resolved from this checkout: the bootstrap is evaluated code, so a bare
 * 'tsx/esm/api' would be resolved from the current directory and fail when sinapsis runs outside the checkout.
 */
function tsxApi(): string {
  const resolveUrl = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (resolveUrl) return resolveUrl('tsx/esm/api');
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
}

/**
 * Starts a core worker thread; from source it runs through tsx so the same TypeScript is used. On Node 20,
 * `execArgv: ['--import', 'tsx']` does not reach a worker's module loader ("Unknown file extension .ts"), so
 * the worker starts from a one-line bootstrap that registers tsx's loader and then imports the entry file.
 */
export function spawnCoreWorker(name: WorkerName, options: WorkerOptions = {}): Worker {
  const { file, fromSource } = workerFile(name);
  if (!fromSource) return new Worker(file, options);
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
