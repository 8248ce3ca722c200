import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { encodePng, Image } from 'image-js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron binary path, or why there is none (it cannot be downloaded offline). */
function electronBinary(): { path: string } | { reason: string } {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile))
      return { reason: 'the Electron binary is not installed (its download is not possible offline); browser-mode e2e covers the UI' };
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? { path: binary } : { reason: `Electron binary missing at ${binary}` };
  } catch {
    return { reason: 'the electron package is not installed' };
  }
}

const binary = electronBinary();

test.describe('Electron door', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');

  test('opens a sandboxed window that shows the shell and the backend', async () => {
    if (!('path' in binary)) return;
    const app = await electron.launch({ executablePath: binary.path, args: ['out/main/index.js', '--no-sandbox'] });
    const window = await app.firstWindow();
    await expect(window.getByRole('button', { name: 'Datos' })).toBeVisible();
    await expect(window.getByTestId('status-backend')).toHaveText(/Backend: /);
    const isolated = await window.evaluate(
      () =>
        typeof (globalThis as { require?: unknown }).require === 'undefined' &&
        typeof (globalThis as { process?: unknown }).process === 'undefined',
    );
    expect(isolated).toBe(true);
    const bridge = await window.evaluate(() => Object.keys((globalThis as { sinapsis?: object }).sinapsis ?? {}).sort());
    expect(bridge).toEqual(['call', 'on', 'pathForFile']);
    await app.close();
  });

  test('"Elegir carpeta…" opens the native dialog and the chosen folder opens as a dataset', async () => {
    if (!('path' in binary)) return;
    const folder = colourFolder();
    const app = await electron.launch({ executablePath: binary.path, args: ['out/main/index.js', '--no-sandbox'] });
    // The student's choice in the system dialog, answered in the main process.
    await app.evaluate(({ dialog }, chosen) => {
      dialog.showOpenDialog = (() => Promise.resolve({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
    }, folder);
    const window = await app.firstWindow();
    await window.getByRole('button', { name: 'Datos' }).click();
    await expect(window.getByTestId('upload-panel')).toHaveCount(0);
    await window.getByTestId('pick-image-folder').click();
    await expect(window.getByTestId('fingerprint')).toBeVisible({ timeout: 60_000 });
    await expect(window.getByTestId('folder-path')).toHaveValue(folder);
    await app.close();
  });
});

/** colores/{rojo,azul}/n.png: a tiny colour dataset on disk. */
function colourFolder(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'sinapsis-electron-')), 'colores');
  for (const [name, value] of [
    ['rojo', 200],
    ['azul', 40],
  ] as const) {
    mkdirSync(join(root, name), { recursive: true });
    for (let i = 0; i < 3; i++)
      writeFileSync(
        join(root, name, `${i}.png`),
        encodePng(new Image(8, 8, { colorModel: 'RGB', data: new Uint8Array(192).fill(value + i) })),
      );
  }
  return root;
}
