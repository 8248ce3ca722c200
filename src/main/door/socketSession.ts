import type { WebSocket } from 'ws';
import type { ContractError } from '../../shared/contract/errors';
import { callMessageSchema, type CallResult, type ServerMessage } from '../../shared/contract/wire';
import type { Core, Emit } from '../core';
import type { Caller } from '../core/caller';
import { describeIssues } from '../../shared/contract/describeIssues';
import { dispatch } from './dispatch';
import { jsonDepthExceeds, RateLimiter, rateLimitedError, tooDeepError, type RateLimit } from './messageLimits';

/**
 * Bytes a client may leave unread before it is dropped: events stream to every page, and a page that stops
 * reading (or a script that never does) would otherwise make the server buffer them without end.
 */
export const MAX_UNREAD_BYTES = 64 * 1024 * 1024;

export interface SocketSessionOptions {
  caller: Caller;
  rateLimit: RateLimit;
}

/**
 * One page's WebSocket: every message is bounded (size by `ws`'s maxPayload, nesting here, rate per connection)
 * before it is parsed, every failure becomes a contract error reply, and nothing a client sends can throw out of
 * this function (an error event, a rejected handler, a send to a closed socket are all caught here).
 */
export function attachSocket(socket: WebSocket, core: Core, options: SocketSessionOptions): void {
  const limiter = new RateLimiter(options.rateLimit);
  const send = (message: ServerMessage): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_UNREAD_BYTES) {
      socket.terminate();
      return;
    }
    try {
      socket.send(JSON.stringify(message), (error) => {
        if (error) socket.terminate();
      });
    } catch {
      socket.terminate();
    }
  };
  const reply = (id: number, result: CallResult): void => send({ type: 'result', id, result });
  const refuse = (id: number, error: ContractError): void => reply(id, { ok: false, error });
  const socketEmit: Emit = (name, payload) => send({ type: 'event', name, payload });
  // Events belong to the caller's workspace, not to the page that asked: a reloaded page or a second tab of the
  // same person receives them too, and nobody else's pages do. A student's workspace opens from disk first.
  let emit: Emit = socketEmit;
  const joined = core.workspaceOf(options.caller).then(
    (workspace) => {
      if (socket.readyState !== socket.OPEN) return;
      socket.on('close', workspace.pages.attach(socketEmit));
      emit = workspace.pages.broadcast;
    },
    () => socket.terminate(),
  );

  // A malformed frame (invalid UTF-8, reserved opcode, unmasked, RSV1 without an extension, a bad close code,
  // a message over maxPayload): `ws` reports it here and closes the socket; without a listener it would throw.
  socket.on('error', () => socket.terminate());

  socket.on('message', (data, isBinary) => {
    if (isBinary) return refuse(0, { code: 'invalid-message', message: 'Binary messages are not part of the protocol.' });
    if (!limiter.take()) return refuse(0, rateLimitedError(options.rateLimit).toContract());
    // ws hands over one Buffer for a text message (Buffer[] / ArrayBuffer only for other binaryType settings).
    const bytes = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
    if (jsonDepthExceeds(bytes)) return refuse(0, tooDeepError().toContract());
    const text = bytes.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return refuse(0, { code: 'invalid-message', message: 'Message is not valid JSON.' });
    }
    const call = callMessageSchema.safeParse(parsed);
    if (!call.success) {
      const rawId = (parsed as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'number' && Number.isFinite(rawId) ? Math.max(0, Math.trunc(rawId)) : 0;
      return refuse(id, { code: 'invalid-message', message: `Malformed call message: ${describeIssues(call.error.issues)}` });
    }
    const { id, method, payload } = call.data;
    joined
      .then(() => dispatch(core, method, payload, emit, options.caller))
      .then(
        (result) => reply(id, result),
        // dispatch turns handler failures into results itself; this only guards against a bug there.
        (error: unknown) =>
          refuse(id, {
            code: 'internal',
            message: `Unexpected error in ${method}: ${String(error)}`,
            params: { method, details: String(error) },
          }),
      );
  });
}
