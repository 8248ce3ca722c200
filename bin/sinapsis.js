#!/usr/bin/env node
// Runs the `sinapsis` command line: from the built bundle (out/main/cli.js) when there is one at least as new as
// every source file of the main process, else from the TypeScript sources through tsx, so a checkout always runs
// its current code; a packaged release has no sources and always runs the bundle. The bundle starts several times
// faster (about 0.1 s for --help against 4 s through tsx, which compiles hundreds of files at each start);
// SINAPSIS_FROM_SOURCE=1 forces the sources.
//
// The command runs in this very process (tsx's loader is registered here), never in a child: a child would
// outlive a `kill -9` of this process and go on training and writing a run nobody is waiting for, and the
// run could never be marked incomplete.
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** The newest modification time of the files under `dir` (a few hundred files: milliseconds). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether out/main is a build of the current sources: built after the last change to src/main and src/shared. */
function buildIsCurrent() {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return ['src/main', 'src/shared'].every((dir) => newestMtime(join(root, dir)) <= builtAt);
}

const fromSource = existsSync(source) && (process.env.SINAPSIS_FROM_SOURCE === '1' || !buildIsCurrent());
const api = fromSource ? tsxApi() : null;
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
