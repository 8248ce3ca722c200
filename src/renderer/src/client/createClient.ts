import type { SinapsisBridge, SinapsisClient } from '../../../shared/client';
import { createElectronClient } from './electronClient';
import { createWebSocketClient } from './webSocketClient';

declare global {
  interface Window {
    sinapsis?: SinapsisBridge;
  }
}

export type ClientKind = 'electron' | 'browser';

/** Picks the door automatically: the preload bridge inside Electron, the WebSocket otherwise. */
export function createClient(): { client: SinapsisClient; kind: ClientKind; pathForFile?: (file: File) => string } {
  const bridge = window.sinapsis;
  if (bridge)
    return {
      client: createElectronClient(bridge),
      kind: 'electron',
      pathForFile: bridge.pathForFile ? (file) => bridge.pathForFile?.(file) ?? '' : undefined,
    };
  return { client: createWebSocketClient(window.location), kind: 'browser' };
}
