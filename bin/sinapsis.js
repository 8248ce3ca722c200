#!/usr/bin/env node
// Runs the `sinapsis` command line: from the TypeScript sources through tsx in a checkout (always current),
// from the built bundle otherwise (a packaged release has no sources).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/main/cli.ts');
const built = join(root, 'out/main/cli.js');
const require = createRequire(import.meta.url);

/**
 * tsx's loader as an absolute file URL: a bare `--import tsx` is resolved from the current directory, so it
 * would fail whenever sinapsis runs from outside the checkout (e.g. `sinapsis hog ~/lab/digit.png` in a lab folder).
 */
function tsxLoader() {
  try {
    return pathToFileURL(require.resolve('tsx')).href;
  } catch {
    return null;
  }
}

const loader = existsSync(source) ? tsxLoader() : null;
let args;
if (loader) args = ['--import', loader, source];
else if (existsSync(built)) args = [built];
else {
  console.error('sinapsis: the command line is not built. Run "npm run build" in the Sinapsis folder.');
  process.exit(1);
}
const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
