import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

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
