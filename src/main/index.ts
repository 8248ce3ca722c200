import { app, BrowserWindow, dialog, ipcMain, session, shell, type WebContents } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/contract/wire';
import { createCore, type Core, type Emit } from './core';
import { keepTrainerWarm } from './core/engine/trainerWorkers';
import { TEACHER } from './core/caller';
import { CONTENT_SECURITY_POLICY } from './door/csp';
import { dispatch } from './door/dispatch';
import { grantsPermission } from './door/electronPermissions';
import { nativePathChooser } from './door/nativeDialog';

// Door 1: the desktop app. The renderer is sandboxed and isolated; everything it asks for goes
// through one IPC channel and the contract's schemas.

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const rendererUrlPrefix = pathToFileURL(join(here, '../renderer')).href + '/';

function isOwnPage(url: string): boolean {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return url.startsWith(rendererUrlPrefix) || (devServer !== undefined && !app.isPackaged && url.startsWith(devServer));
}

function emitterFor(contents: WebContents): Emit {
  return (name, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
  };
}

function bindContract(core: Core): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, payload: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isOwnPage(frameUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are only accepted from the Sinapsis window.' } };
    }
    return dispatch(core, method, payload, emitterFor(event.sender), TEACHER);
  });
}

function lockDownSessions(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Only the camera, only for our own page (Datos' webcam capture); no microphone, no other permission, ever.
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(grantsPermission(permission, 'mediaTypes' in details ? details.mediaTypes : undefined, isOwnPage(contents.getURL())));
  });
  // No remote content, ever: only our files (and the dev server while developing) may load.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith('file:') ||
      details.url.startsWith('devtools:') ||
      isOwnPage(details.url) ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (navigation) => {
      if (!isOwnPage(navigation.url)) navigation.preventDefault();
    });
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
  });
}

/** Electron's own print engine for reports: a hidden, script-less window holding the self-contained HTML. */
async function printPdfWithElectron(html: string): Promise<Uint8Array> {
  const printer = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
  try {
    await printer.loadURL(`data:text/html;base64,${Buffer.from(html).toString('base64')}`);
    const pdf = await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return new Uint8Array(pdf);
  } finally {
    printer.destroy();
  }
}

/** PNG pictures of the report's SVG charts with Electron's own renderer: a hidden, script-less window per chart, at 2x. */
async function renderPngWithElectron(images: readonly { svg: string; width: number; height: number }[]): Promise<Uint8Array[]> {
  const pictures: Uint8Array[] = [];
  for (const image of images) {
    const scale = 2;
    const painter = new BrowserWindow({
      show: false,
      width: image.width * scale,
      height: image.height * scale,
      useContentSize: true,
      webPreferences: { sandbox: true, contextIsolation: true, javascript: false, zoomFactor: scale },
    });
    try {
      const html = `<!doctype html><html><body style="margin:0;background:#fff;overflow:hidden">${image.svg}</body></html>`;
      await painter.loadURL(`data:text/html;base64,${Buffer.from(html).toString('base64')}`);
      const picture = await painter.webContents.capturePage({ x: 0, y: 0, width: image.width * scale, height: image.height * scale });
      pictures.push(new Uint8Array(picture.toPNG()));
    } finally {
      painter.destroy();
    }
  }
  return pictures;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Sinapsis',
    show: false,
    backgroundColor: '#f6f7fb',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer && !app.isPackaged) void window.loadURL(devServer);
  else void window.loadFile(rendererIndex);
  return window;
}

app.enableSandbox();
void app.whenReady().then(async () => {
  lockDownSessions();
  const runsRoot = process.env.SINAPSIS_RUNS_DIR || join(app.getPath('documents'), 'Sinapsis', 'runs');
  const core = await createCore('electron', {
    runsRoot,
    printPdf: printPdfWithElectron,
    renderPng: renderPngWithElectron,
    // The dialog belongs to the window the student is in (modal to it), or stands alone when none has focus.
    chooseNativePath: nativePathChooser(dialog, () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null),
  });
  bindContract(core);
  createWindow();
  // Started after the window, so the first paint does not wait for it; Entrenar then finds a trainer ready.
  keepTrainerWarm();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('before-quit', () => core.dispose());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
