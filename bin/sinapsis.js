#!/usr/bin/env node
// Runs the `sinapsis` command line: from the TypeScript sources through tsx in a checkout (always current),
// from the built bundle otherwise (a packaged release has no sources).
//
// The command runs in this very process (tsx's loader is registered here), never in a child: a child would
// outlive a `kill -9` of this process and go on training and writing a run nobody is waiting for, and the
// run could never be marked incomplete.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/main/cli.ts');
const built = join(root, 'out/main/cli.js');

/**
 * tsx's loader API as an absolute file URL: a bare `tsx` would be resolved from the current directory, so it
 * would fail whenever sinapsis runs from outside the checkout (e.g. `sinapsis hog ~/lab/digit.png` in a lab folder).
 */
function tsxApi() {
  try {
    // Resolved from this file (the checkout's node_modules), with the ESM conditions the import below needs.
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
}

const api = existsSync(source) ? tsxApi() : null;
if (api) {
  const { register } = await import(api);
  register();
  await import(pathToFileURL(source).href);
} else if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  console.error('sinapsis: the command line is not built. Run "npm run build" in the Sinapsis folder.');
  process.exit(1);
}
