import { fieldIssueParams } from '../../shared/contract/fieldIssues';
import type { z } from 'zod';
import { isMethodName, methods, SinapsisError, type MethodName } from '../../shared/contract';
import type { CallResult } from '../../shared/contract/wire';
import { handlers, type Core, type Emit } from '../core';
import { TEACHER, type Caller } from '../core/caller';
import type { Handler } from '../core/context';

/** Renders zod issues as one line a student can act on: which field, what is wrong. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The single entry every door uses: checks the method name and payload against the contract,
 * runs the core handler as `caller` (the door authenticated it; the desktop app and the CLI are the teacher),
 * and turns any failure into a `ContractError` (never a stack trace).
 */
export async function dispatch(core: Core, methodName: unknown, payload: unknown, emit: Emit, caller: Caller = TEACHER): Promise<CallResult> {
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
    return { ok: false, error: { code: 'invalid-request', message: `Invalid request for ${methodName}: ${details}`, params: { method: methodName, details, ...field } } };
  }
  try {
    // The handler map is indexed by a runtime name, so TypeScript cannot pair request and handler types here.
    const handler = handlers[methodName] as unknown as Handler<MethodName>;
    const context = core.contextFor(caller, emit);
    const value = await handler(parsed.data as never, context instanceof Promise ? await context : context);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof SinapsisError) return { ok: false, error: error.toContract() };
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[sinapsis] ${methodName} failed:`, error);
    return { ok: false, error: { code: 'internal', message: `Unexpected error in ${methodName}: ${message}`, params: { method: methodName, details: message } } };
  }
}
