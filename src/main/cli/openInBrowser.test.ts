import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSecretUrlInBrowser } from './openInBrowser';

describe('opening the token URL', () => {
  it.runIf(process.platform === 'linux')(
    'goes through a file in a folder only this user can enter, never through a command line',
    async () => {
      const display = process.env.DISPLAY;
      const wayland = process.env.WAYLAND_DISPLAY;
      delete process.env.DISPLAY;
      delete process.env.WAYLAND_DISPLAY;
      try {
        const url = 'http://127.0.0.1:5170/?token=abc&x="<y>';
        const opened = await openSecretUrlInBrowser(url);
        // No display here: nothing is started, and the caller says so.
        expect(opened.program).toBeNull();
        expect(statSync(dirname(opened.file)).mode & 0o777).toBe(0o700);
        const html = readFileSync(opened.file, 'utf8');
        expect(html).toContain('<meta http-equiv="refresh" content="0;url=http://127.0.0.1:5170/?token=abc&amp;x=&quot;&lt;y>">');
        rmSync(dirname(opened.file), { recursive: true, force: true });
      } finally {
        if (display !== undefined) process.env.DISPLAY = display;
        if (wayland !== undefined) process.env.WAYLAND_DISPLAY = wayland;
      }
    },
  );
});
