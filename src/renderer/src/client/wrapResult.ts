import { callResultSchema } from '../../../shared/contract/wire';
import { ClientCallError } from './errors';

/** Unwraps a `CallResult`: the value, or a `ClientCallError` carrying the contract error. */
export function unwrapResult(raw: unknown): unknown {
  const parsed = callResultSchema.safeParse(raw);
  if (!parsed.success)
    throw new ClientCallError({ code: 'invalid-reply', message: 'The core sent a reply this version does not understand.' });
  if (!parsed.data.ok) throw new ClientCallError(parsed.data.error);
  return parsed.data.value;
}
