import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
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
};

contextBridge.exposeInMainWorld('sinapsis', bridge);
