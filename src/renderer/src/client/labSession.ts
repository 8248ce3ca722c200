import type { ContractError } from '../../../shared/contract/errors';

/**
 * The lab server's sign-in, over plain HTTP because it sets an HttpOnly cookie (a WebSocket cannot). Only a
 * browser that followed the class link gets `sign-in`; everyone else is signed in already (or not on a lab server).
 */
export async function needsSignIn(): Promise<boolean> {
  try {
    const response = await fetch('/api/session', { credentials: 'same-origin' });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return false;
    const body = (await response.json()) as { state?: unknown };
    return body.state === 'sign-in';
  } catch {
    return false;
  }
}

/**
 * `code`: the return code of a new workspace, shown once to the student; `returned`: the name and its return code
 * reopened an existing workspace (a browser without the cookie).
 */
export type SignInOutcome = { ok: true; name: string; code?: string; returned?: boolean } | { ok: false; error: ContractError };

/** Signs in with a name; with `code`, comes back to that name's workspace from a browser that lost its cookie. */
export async function signIn(name: string, code = ''): Promise<SignInOutcome> {
  try {
    const response = await fetch('/api/signin', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(code.trim() ? { name, code } : { name }),
    });
    return (await response.json()) as SignInOutcome;
  } catch {
    return { ok: false, error: { code: 'connection-lost', message: 'The server could not be reached.' } };
  }
}
