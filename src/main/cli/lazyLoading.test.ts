import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(__dirname, '../../../bin/sinapsis.js');
const work = mkdtempSync(join(tmpdir(), 'sinapsis-lazy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A module-resolution hook (registered with --import before the CLI starts) that appends every ES module URL Node
 * resolves to a file, and at exit every CommonJS file in require's cache (the build loads tfjs with require): what a
 * command loads, whichever way bin/sinapsis.js runs it (the build, or tsx from sources).
 */
const hooks = join(work, 'hooks.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.SINAPSIS_TEST_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}
`,
);
const register = join(work, 'register.mjs');
// Main thread only: worker threads inherit --import, and the trainer thread is meant to load tfjs.
writeFileSync(
  register,
  `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { isMainThread } from 'node:worker_threads';
if (isMainThread) {
  register(${JSON.stringify(pathToFileURL(hooks).href)});
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => appendFileSync(process.env.SINAPSIS_TEST_MODULE_LOG, Object.keys(cache).join('\\n') + '\\n'));
}
`,
);

/** The package names under node_modules that `sinapsis <args>` loads (CommonJS requires included: they resolve too). */
function packagesLoaded(args: string[]): Set<string> {
  const log = join(work, `${args.join('-').replace(/[^\w-]/g, '_')}.log`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, bin, ...args], {
    env: {
      ...process.env,
      SINAPSIS_TEST_MODULE_LOG: log,
      SINAPSIS_CACHE_DIR: join(work, 'cache'),
      SINAPSIS_RUNS_DIR: join(work, 'runs'),
    },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const packages = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    // A package.json read for a version number (tfjsVersion.ts) is not loading the package.
    if (url.endsWith('/package.json')) continue;
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match) packages.add(match[1]);
  }
  return packages;
}

describe('the CLI loads only what a command needs', () => {
  it('`sinapsis --help` loads neither tfjs, image-js nor zod', () => {
    const loaded = [...packagesLoaded(['--help'])];
    expect(loaded.filter((name) => name.startsWith('@tensorflow/') || name === 'image-js' || name === 'zod')).toEqual([]);
  }, 120_000);

  it('`sinapsis info` lists the backends without loading tfjs; `--probe` loads it (it starts them), no image decoder', () => {
    const plain = [...packagesLoaded(['info'])];
    expect(plain.filter((name) => name.startsWith('@tensorflow/') || name === 'image-js')).toEqual([]);
    const probed = packagesLoaded(['info', '--probe', '--backend', 'cpu']);
    expect(probed.has('@tensorflow/tfjs')).toBe(true);
    expect(probed.has('image-js')).toBe(false);
  }, 120_000);

  it('`sinapsis train` on PNG digits loads neither tfjs nor image-js in its main thread (the trainer thread has tfjs)', () => {
    // Twice: the first run computes and caches the HOG vectors, the second reads them (the course's usual case).
    for (let run = 0; run < 2; run++) {
      const loaded = [
        ...packagesLoaded(['train', '--data', 'builtin:digits', '--features', 'hog', '--model', 'mlp320_18_10', '--epochs', '2']),
      ];
      expect(loaded.filter((name) => name.startsWith('@tensorflow/') || name === 'image-js')).toEqual([]);
    }
  }, 240_000);
});
