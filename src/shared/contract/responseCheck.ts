import { describeIssues } from './describeIssues';
import { methods, type MethodName } from './index';

/**
 * Whether the doors check every response against its method's schema. On in tests and development builds (Vite's
 * `import.meta.env.DEV`: true under Vitest and `electron-vite dev`, replaced by false in every production build), off
 * in production: a response is the core's own output, typed by the same schema at compile time, and parsing a run's
 * whole history or a thousand folder predictions again on every call is time a student waits for.
 * `SINAPSIS_VALIDATE_RESPONSES=1` turns it on in a production build (e.g. to run the e2e flows with it).
 */
export const VALIDATE_RESPONSES: boolean =
  import.meta.env?.DEV === true || (typeof process !== 'undefined' && process.env.SINAPSIS_VALIDATE_RESPONSES === '1');

/** Why `value` does not fit the response schema of `method` (its first issues, one line), or null when it does. */
export function responseProblem(method: MethodName, value: unknown): string | null {
  const parsed = methods[method].response.safeParse(value);
  return parsed.success ? null : describeIssues(parsed.error.issues);
}
