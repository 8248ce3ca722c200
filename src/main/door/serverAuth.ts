import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { callerSchema, TEACHER, type Caller } from '../core/caller';

/**
 * Who may use a browser-mode server, modelled on Jupyter Server:
 *
 * - The server has an access token (a random one per launch unless the teacher chose one; `--no-token` only on a
 *   loopback bind). The first URL carries it (`/?token=…`). That request gets a session cookie (HttpOnly, so page
 *   scripts never see it; SameSite=Strict, so no other site's page can send it) and is redirected to the same
 *   address without the token, which therefore leaves the address bar and the history. Every asset and the
 *   WebSocket then authenticate with the cookie. Scripts may instead send the token as `Authorization: token T`.
 * - A session cookie is a signed caller (`core/caller.ts`): `base64url(JSON) + '.' + HMAC-SHA256`. The key is
 *   derived from the token, so the cookies of a server restarted with the same `--token` stay valid, and a new
 *   token (every launch by default) invalidates all of them.
 * - Student sign-in plugs in here: whatever admits a student issues `sessionCookie({ role: 'student', studentId })`
 *   on its response; `authenticate` then returns that caller for every later request of that browser.
 * - Without a token (`--no-token`) every client on this machine is the teacher; the Host check in `serve.ts`
 *   still keeps DNS-rebinding pages out.
 */

/** Shortest access token accepted (the generated ones have 32 characters). */
export const MIN_TOKEN_LENGTH = 16;

/** Whether a peer address is this machine's own (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** A fresh random token: 24 bytes (192 bits) as 32 URL-safe characters. */
export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A per-process key for constant-time comparison: both sides are hashed first, so their lengths do not leak. */
const comparisonKey = randomBytes(32);

/** `expected === given`, in time independent of where (and whether) they differ. */
export function secretsMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = createHmac('sha256', comparisonKey).update(expected).digest();
  const b = createHmac('sha256', comparisonKey).update(given).digest();
  return timingSafeEqual(a, b);
}

/** The cookies of a request (at most the first 64, malformed pairs skipped; a cookie header is client input). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';').slice(0, 64)) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    const name = part.slice(0, equals).trim();
    const value = part.slice(equals + 1).trim();
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** The token a request presents itself: `?token=` in its URL or an `Authorization: token T` (or `Bearer T`) header. */
export function presentedToken(req: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null) return fromQuery;
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match ? match[1] : null;
}

/** How a request proved who it is (the token in its URL is exchanged for a cookie; the others need nothing more). */
export type Authentication = { caller: Caller; via: 'url-token' | 'header-token' | 'cookie' | 'no-token' };

export class ServerAuth {
  /** The cookie's name carries the port: cookies are per host, not per port, and two servers may share a host. */
  readonly cookieName: string;
  private readonly signingKey: Buffer;

  /** `token` null: `--no-token`, every client that reaches the server (loopback only) is the teacher. */
  constructor(
    readonly token: string | null,
    port: number,
    /** A lab server's per-student tokens (`--students`): the student a presented token belongs to, or null. */
    private readonly studentOf: (presented: string) => Caller | null = () => null,
  ) {
    this.cookieName = `sinapsis-session-${port}`;
    this.signingKey = token === null ? randomBytes(32) : createHmac('sha256', token).update('sinapsis session cookie v1').digest();
  }

  /** Who the request is, or null when it must be refused. */
  authenticate(req: IncomingMessage, url: URL): Authentication | null {
    // No token: this machine's own clients only (the bind is loopback already; this holds even if it were not).
    if (this.token === null) return isLoopbackAddress(req.socket.remoteAddress) ? { caller: TEACHER, via: 'no-token' } : null;
    const presented = presentedToken(req, url);
    if (presented !== null) {
      const via = url.searchParams.has('token') ? 'url-token' : 'header-token';
      if (secretsMatch(this.token, presented)) return { caller: TEACHER, via };
      const student = this.studentOf(presented);
      return student ? { caller: student, via } : null;
    }
    const caller = this.readSession(parseCookies(req.headers.cookie).get(this.cookieName));
    return caller ? { caller, via: 'cookie' } : null;
  }

  /** A `Set-Cookie` header value that makes this browser `caller` from now on (a browser-session cookie by default). */
  sessionCookie(caller: Caller, options: { maxAgeSeconds?: number } = {}): string {
    const payload = Buffer.from(JSON.stringify(caller)).toString('base64url');
    const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict'];
    if (options.maxAgeSeconds !== undefined) attributes.push(`Max-Age=${Math.floor(options.maxAgeSeconds)}`);
    return [`${this.cookieName}=${payload}.${this.sign(payload)}`, ...attributes].join('; ');
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.signingKey).update(payload).digest('base64url');
  }

  private readSession(value: string | undefined): Caller | null {
    if (!value || value.length > 512) return null;
    const dot = value.lastIndexOf('.');
    if (dot <= 0) return null;
    const payload = value.slice(0, dot);
    if (!secretsMatch(this.sign(payload), value.slice(dot + 1))) return null;
    try {
      const parsed = callerSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
