import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Whether Debian's wabt (wat2wasm) is installed: only needed to check an embedded module against its .wat source. */
export function hasWat2wasm(): boolean {
  try {
    execFileSync('wat2wasm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The .wat file compiled by wat2wasm, as base64 (the form the modules are embedded in). */
export function compileWatToBase64(watPath: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'sinapsis-wat-')), basename(watPath).replace(/\.wat$/, '.wasm'));
  execFileSync('wat2wasm', [watPath, '-o', out]);
  return readFileSync(out).toString('base64');
}
