import { inject, type InjectionKey } from 'vue';
import type { SinapsisClient } from '../../../shared/client';
import type { ClientKind } from '../client/createClient';

export interface ClientContext {
  client: SinapsisClient;
  kind: ClientKind;
  /** Electron only: the desktop path of a dropped file or folder (see SinapsisBridge.pathForFile). */
  pathForFile?: (file: File) => string;
}

export const clientKey: InjectionKey<ClientContext> = Symbol('sinapsis-client');

/** The typed contract client provided by the app root. */
export function useClient(): SinapsisClient {
  return useClientContext().client;
}

export function useClientContext(): ClientContext {
  const context = inject(clientKey);
  if (!context) throw new Error('useClient() called outside the Sinapsis app root');
  return context;
}
