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
