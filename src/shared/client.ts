import type { EventName, EventPayloadOf, MethodName, RequestOf, ResponseOf } from './contract';

/** The typed client every UI uses, whichever door (Electron preload or browser WebSocket) carries it. */
export interface SinapsisClient {
  call<M extends MethodName>(method: M, payload: RequestOf<M>): Promise<ResponseOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
  /** Called each time a dropped connection is back (browser mode; Electron's never drops): events sent meanwhile were missed. */
  onReconnect(listener: () => void): () => void;
}

/** The untyped bridge the Electron preload exposes; the renderer wraps it into a `SinapsisClient`. */
export interface SinapsisBridge {
  call(method: string, payload: unknown): Promise<unknown>;
  on(listener: (name: string, payload: unknown) => void): () => void;
  /**
   * The desktop path of a file or folder dropped onto the window (Electron's `webUtils.getPathForFile`; the page
   * itself never sees paths). Empty for a file that is not on disk. Absent in browser mode, where a drop is uploaded.
   */
  pathForFile?(file: File): string;
}
