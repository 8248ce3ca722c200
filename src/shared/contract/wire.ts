import { z } from 'zod';
import { contractErrorSchema } from './errors';

/** Messages on the browser-mode WebSocket and the Electron IPC channel. Payloads are checked again per method. */
export const callMessageSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  payload: z.unknown(),
});
export type CallMessage = z.infer<typeof callMessageSchema>;

export const callResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: contractErrorSchema }),
]);
export type CallResult = z.infer<typeof callResultSchema>;

export const resultMessageSchema = z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: callResultSchema });
export const eventMessageSchema = z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() });
export const serverMessageSchema = z.discriminatedUnion('type', [resultMessageSchema, eventMessageSchema]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

export const IPC_CALL_CHANNEL = 'sinapsis:call';
export const IPC_EVENT_CHANNEL = 'sinapsis:event';

/**
 * The largest message either side may send on the browser-mode WebSocket (bytes of its JSON text). The server
 * closes a connection that sends more (WebSocket close code 1009) before reading it; the client refuses to send
 * one with a translated `message-too-large` error instead of losing its connection.
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** The deepest nesting of arrays and objects a message may have (the contract's deepest request needs under 10). */
export const MAX_MESSAGE_DEPTH = 64;
