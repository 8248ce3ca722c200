import type { BaseWindow, Dialog, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core/index';
import { dispatch } from './dispatch';
import { nativePathChooser } from './nativeDialog';

/** Electron's dialog, mocked: what it was asked and what the "student" chose (no Electron binary on build machines). */
function mockDialog(answer: OpenDialogReturnValue) {
  const asked: { parent: BaseWindow | null; options: OpenDialogOptions }[] = [];
  const dialog = {
    showOpenDialog: (first: BaseWindow | OpenDialogOptions, second?: OpenDialogOptions) => {
      asked.push(second ? { parent: first as BaseWindow, options: second } : { parent: null, options: first as OpenDialogOptions });
      return Promise.resolve(answer);
    },
  } as Pick<Dialog, 'showOpenDialog'>;
  return { dialog, asked };
}

const window = {} as BaseWindow;

describe("the desktop app's native open dialog (files.choose)", () => {
  it("asks for a folder for image sets and model imports, attached to the window, with the page's title", async () => {
    const { dialog, asked } = mockDialog({ canceled: false, filePaths: ['/home/ana/fotos'] });
    const choose = nativePathChooser(dialog, () => window);
    expect(await choose({ purpose: 'image-folder', title: 'Elige la carpeta' })).toBe('/home/ana/fotos');
    await choose({ purpose: 'model-folder', title: 'Elige el modelo' });
    expect(asked.map((a) => [a.parent, a.options.title, a.options.properties, a.options.filters])).toEqual([
      [window, 'Elige la carpeta', ['openDirectory', 'dontAddToRecent'], undefined],
      [window, 'Elige el modelo', ['openDirectory', 'dontAddToRecent'], undefined],
    ]);
  });

  it('asks for one CSV/TSV file for tables, and works without a window', async () => {
    const { dialog, asked } = mockDialog({ canceled: false, filePaths: ['/home/ana/vinos.csv'] });
    expect(await nativePathChooser(dialog, () => null)({ purpose: 'csv', title: 'Elige un CSV' })).toBe('/home/ana/vinos.csv');
    expect(asked[0].parent).toBeNull();
    expect(asked[0].options.properties).toEqual(['openFile', 'dontAddToRecent']);
    expect(asked[0].options.filters).toEqual([{ name: 'CSV, TSV, TXT', extensions: ['csv', 'tsv', 'txt'] }]);
  });

  it('a closed dialog gives null', async () => {
    const { dialog } = mockDialog({ canceled: true, filePaths: [] });
    expect(await nativePathChooser(dialog, () => window)({ purpose: 'csv', title: 'x' })).toBeNull();
  });

  it('goes through the door: validated, answered by the Electron service, refused with what to do elsewhere', async () => {
    const { dialog } = mockDialog({ canceled: false, filePaths: ['/home/ana/fotos'] });
    const emit = (() => undefined) as Parameters<typeof dispatch>[3];
    const runsRoot = mkdtempSync(join(tmpdir(), 'sinapsis-dialog-runs-'));
    const electronCore = await createCore('electron', { runsRoot, chooseNativePath: nativePathChooser(dialog, () => window) });
    const browserCore = await createCore('browser', { runsRoot });
    try {
      expect(await dispatch(electronCore, 'files.choose', { purpose: 'image-folder', title: 'Elige' }, emit)).toEqual({
        ok: true,
        value: { path: '/home/ana/fotos' },
      });
      const bad = await dispatch(electronCore, 'files.choose', { purpose: 'anything', title: 'Elige' }, emit);
      expect(bad.ok ? null : bad.error.code).toBe('invalid-request');
      const refused = await dispatch(browserCore, 'files.choose', { purpose: 'csv', title: 'Elige' }, emit);
      expect(refused.ok ? null : refused.error).toMatchObject({ code: 'native-dialog-unavailable' });
    } finally {
      electronCore.dispose();
      browserCore.dispose();
    }
  });
});
