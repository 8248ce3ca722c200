import type { SinapsisClient } from '../../../shared/client';
import { MAX_MESSAGE_BYTES, serverMessageSchema, type CallResult } from '../../../shared/contract/wire';
import { ClientCallError } from './errors';
import { ListenerSet } from './listeners';
import { unwrapResult } from './wrapResult';

interface Pending {
  resolve: (result: CallResult) => void;
}

/** The client for browser mode: the contract over one WebSocket to the page's own origin, reconnecting when dropped. */
export function createWebSocketClient(location: Location): SinapsisClient {
  const listeners = new ListenerSet();
  const pending = new Map<number, Pending>();
  // The server's session cookie (set when the page was opened with its token) authenticates the WebSocket too.
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`;
  const reconnected = new Set<() => void>();
  let nextId = 1;
  let socket: WebSocket;
  let connections = 0;
  // Calls made while the connection is down wait for the next one instead of being lost in a closed socket.
  let markOpen: () => void = () => undefined;
  let isOpen = false;
  let opened = new Promise<void>((resolve) => (markOpen = resolve));
  let retryMs = 250;

  const connect = () => {
    socket = new WebSocket(url);
    socket.addEventListener(
      'open',
      () => {
        retryMs = 250;
        isOpen = true;
        markOpen();
        if (++connections > 1) for (const listener of reconnected) listener();
      },
      { once: true },
    );
    socket.addEventListener('message', (event) => {
      const parsed = serverMessageSchema.safeParse(JSON.parse(String(event.data)));
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'event') listeners.deliver(message.name, message.payload);
      else {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      }
    });
    socket.addEventListener('close', () => {
      // A failed attempt to reconnect keeps the waiting promise; only an open connection that drops makes a new one.
      if (isOpen) opened = new Promise<void>((resolve) => (markOpen = resolve));
      isOpen = false;
      for (const [id, call] of pending) {
        call.resolve({
          ok: false,
          error: { code: 'connection-lost', message: 'The connection to Sinapsis was lost; the request was not completed.' },
        });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  };
  connect();

  return {
    call: async (method, payload) => {
      await opened;
      const id = nextId++;
      const result = await new Promise<CallResult>((resolve) => {
        const text = JSON.stringify({ type: 'call', id, method, payload });
        // The server would drop the whole connection for a message over its limit; refuse this one call instead.
        if (text.length * 3 > MAX_MESSAGE_BYTES && new TextEncoder().encode(text).length > MAX_MESSAGE_BYTES) {
          resolve({
            ok: false,
            error: {
              code: 'message-too-large',
              message: `The request for ${method} is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB; it was not sent.`,
              params: { method, megabytes: MAX_MESSAGE_BYTES / 1024 / 1024 },
            },
          });
          return;
        }
        pending.set(id, { resolve });
        try {
          socket.send(text);
        } catch {
          pending.delete(id);
          resolve({ ok: false, error: { code: 'connection-lost', message: 'The connection to Sinapsis is not open.' } });
        }
      });
      if (!result.ok) throw new ClientCallError(result.error);
      // The core's door checks each reply against the method's response schema in tests and development builds
      // (shared/contract/responseCheck.ts), not in production; here the contract's static type is restored.
      return unwrapResult(result) as never;
    },
    on: (event, listener) => listeners.add(event, listener as (payload: unknown) => void),
    onReconnect: (listener) => {
      reconnected.add(listener);
      return () => reconnected.delete(listener);
    },
  };
}
