import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../core/runs/atomicWrite';

const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/xdg-open', '/usr/bin/chromium', '/usr/bin/firefox', '/usr/bin/google-chrome'],
  darwin: ['/usr/bin/open'],
  win32: [],
};

/** Opens `url` in the system browser when one exists; returns the program used, or null. */
export async function openInBrowser(url: string): Promise<string | null> {
  if (process.platform === 'win32') {
    spawn('cmd', ['/c', 'start', '', url], { detached: true, stdio: 'ignore' }).unref();
    return 'the default browser';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
  const program = (CANDIDATES[process.platform] ?? []).find((candidate) => existsSync(candidate));
  if (!program) return null;
  const child = spawn(program, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return program;
}

/**
 * Opens a URL that carries a secret (the server's token) without putting it on a command line, where every
 * account of the machine could read it (`ps`): as Jupyter does, the browser is given a file only this user can
 * read (in a fresh folder only this user may enter), which forwards to the URL. Returns the program used and the
 * file (to remove when the server stops).
 */
export async function openSecretUrlInBrowser(url: string): Promise<{ program: string | null; file: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'sinapsis-open-'));
  const file = join(folder, 'open.html');
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  // mkdtemp makes the folder with mode 0700: other accounts cannot list it or open the file inside.
  await writeFileAtomic(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escaped}"><title>Sinapsis</title><p><a href="${escaped}">Sinapsis</a></p>\n`,
  );
  return { program: await openInBrowser(pathToFileURL(file).href), file };
}
