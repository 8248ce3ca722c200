import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import type { ParsedRequestOf } from '../../shared/contract';
import { PATH_PURPOSES, TABLE_EXTENSIONS } from '../../shared/contract/files';
import type { CoreServices } from '../core/services';

/**
 * The desktop app's `files.choose`: Electron's native open dialog, attached to the Sinapsis window. The options come
 * from the contract's one table of purposes (a folder for image sets and model imports, a CSV/TSV file for tables),
 * the title from the page (in the interface's language). Kept apart from `index.ts`, with the dialog and the window
 * passed in, so that a unit test can drive it with a mocked dialog where no Electron binary exists.
 */
export function dialogOptions(request: ParsedRequestOf<'files.choose'>): OpenDialogOptions {
  const select = PATH_PURPOSES[request.purpose].select;
  if (select === 'folder') return { title: request.title, properties: ['openDirectory', 'dontAddToRecent'] };
  return {
    title: request.title,
    properties: ['openFile', 'dontAddToRecent'],
    filters: [{ name: TABLE_EXTENSIONS.map((e) => e.toUpperCase()).join(', '), extensions: [...TABLE_EXTENSIONS] }],
  };
}

export function nativePathChooser(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: () => BaseWindow | null,
): NonNullable<CoreServices['chooseNativePath']> {
  return async (request) => {
    const options = dialogOptions(request);
    const parent = window();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
  };
}
