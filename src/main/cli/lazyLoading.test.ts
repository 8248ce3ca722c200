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
writeFileSync(
  register,
  `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)});
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(process.env.SINAPSIS_TEST_MODULE_LOG, Object.keys(cache).join('\\n') + '\\n'));
`,
);

/** The package names under node_modules that `sinapsis <args>` loads (CommonJS requires included: they resolve too). */
function packagesLoaded(args: string[]): Set<string> {
  const log = join(work, `${args.join('-')}.log`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, bin, ...args], {
    env: { ...process.env, SINAPSIS_TEST_MODULE_LOG: log, SINAPSIS_CACHE_DIR: join(work, 'cache') },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const packages = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
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

  it('`sinapsis info` loads tfjs (it reports the backends) but no image decoder', () => {
    const loaded = packagesLoaded(['info', '--backend', 'cpu']);
    expect(loaded.has('@tensorflow/tfjs')).toBe(true);
    expect(loaded.has('image-js')).toBe(false);
  }, 120_000);
});
