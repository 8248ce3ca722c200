import type { SinapsisBridge, SinapsisClient } from '../../../shared/client';
import { ListenerSet } from './listeners';
import { unwrapResult } from './wrapResult';

/** The client over the Electron preload bridge (`window.sinapsis`). */
export function createElectronClient(bridge: SinapsisBridge): SinapsisClient {
  const listeners = new ListenerSet();
  bridge.on((name, payload) => listeners.deliver(name, payload));
  return {
    // The bridge is untyped by design; the contract's types are restored here.
    call: async (method, payload) => unwrapResult(await bridge.call(method, payload)) as never,
    on: (event, listener) => listeners.add(event, listener as (payload: unknown) => void),
    // IPC to the window's own main process does not drop.
    onReconnect: () => () => undefined,
  };
}
