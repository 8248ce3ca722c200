import { SinapsisError } from '../../../shared/contract/errors';
import type { HandlerMap } from '../context';
import { browseFolder } from './browseFolder';
import { recentDatasets } from './recentDatasets';

export const filesHandlers: HandlerMap<'files.choose' | 'files.browse' | 'files.recent'> = {
  // Only the desktop app gives the core a native dialog; browser mode opens files by upload or with files.browse.
  'files.choose': async (request, context) => {
    const choose = context.services.chooseNativePath;
    if (!choose) {
      throw new SinapsisError(
        'native-dialog-unavailable',
        'The system\'s file dialog exists only in the desktop app. In the browser, upload the folder (drop it on Datos) or use "Browse…" to pick it.',
      );
    }
    return { path: await choose(request) };
  },
  'files.browse': (request, context) => browseFolder(context.workspace.files, request.path),
  'files.recent': async (_request, context) => ({ datasets: await recentDatasets(context) }),
};
