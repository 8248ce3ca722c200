import { fieldIssueParams } from '../../shared/contract/fieldIssues';
import { isMethodName, methods, SinapsisError, type MethodName } from '../../shared/contract';
import { describeIssues } from '../../shared/contract/describeIssues';
import { responseProblem, VALIDATE_RESPONSES } from '../../shared/contract/responseCheck';
import type { CallResult } from '../../shared/contract/wire';
import { handlers, type Core, type Emit } from '../core';
import { TEACHER, type Caller } from '../core/caller';
import type { Handler } from '../core/context';

/**
 * The single entry every door uses: checks the method name and payload against the contract,
 * runs the core handler as `caller` (the door authenticated it; the desktop app and the CLI are the teacher),
 * checks its answer against the response schema in tests and development builds, and turns any failure into a
 * `ContractError` (never a stack trace).
 */
export async function dispatch(
  core: Core,
  methodName: unknown,
  payload: unknown,
  emit: Emit,
  caller: Caller = TEACHER,
): Promise<CallResult> {
  if (!isMethodName(methodName)) {
    const shown = typeof methodName === 'string' ? methodName.slice(0, 100) : typeof methodName;
    return { ok: false, error: { code: 'unknown-method', message: `Unknown method "${shown}".`, params: { method: shown } } };
  }
  const spec = methods[methodName];
  const parsed = spec.request.safeParse(payload ?? {});
  if (!parsed.success) {
    const details = describeIssues(parsed.error.issues);
    // The first failed field with its label-ready params, so the UI can say "Tasa de aprendizaje: 1000 no está
    // permitido; se permite mayor que 0 y hasta 100" instead of zod's English (kept in `message` for logs).
    const field = fieldIssueParams(parsed.error.issues[0], payload, spec.request);
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `Invalid request for ${methodName}: ${details}`,
        params: { method: methodName, details, ...field },
      },
    };
  }
  try {
    // The handler map is indexed by a runtime name, so TypeScript cannot pair request and handler types here.
    const handler = handlers[methodName] as unknown as Handler<MethodName>;
    const context = core.contextFor(caller, emit);
    const value = await handler(parsed.data as never, context instanceof Promise ? await context : context);
    // Tests and development builds check the core's answer too (see responseCheck.ts): a handler that drifts from
    // its schema fails there, loudly, instead of reaching a view that trusts the contract's types.
    const problem = VALIDATE_RESPONSES ? responseProblem(methodName, value) : null;
    if (problem !== null) {
      console.error(`[sinapsis] ${methodName} answered outside its response schema: ${problem}`);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `The core's answer to ${methodName} does not fit the contract: ${problem}`,
          params: { method: methodName, details: problem },
        },
      };
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof SinapsisError) return { ok: false, error: error.toContract() };
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[sinapsis] ${methodName} failed:`, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Unexpected error in ${methodName}: ${message}`,
        params: { method: methodName, details: message },
      },
    };
  }
}
