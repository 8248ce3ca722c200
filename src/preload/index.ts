import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { SinapsisBridge } from '../shared/client';

// Kept minimal on purpose: the sandboxed preload only forwards; main validates every payload.
const CALL_CHANNEL = 'sinapsis:call';
const EVENT_CHANNEL = 'sinapsis:event';

const bridge: SinapsisBridge = {
  call: (method, payload) => ipcRenderer.invoke(CALL_CHANNEL, method, payload),
  on: (listener) => {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
  // A dropped folder or file opens where it is (no copy): its path, which sandboxed pages cannot read themselves.
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('sinapsis', bridge);
