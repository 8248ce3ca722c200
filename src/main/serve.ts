import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { SinapsisError } from '../shared/contract';
import { MAX_MESSAGE_BYTES } from '../shared/contract/wire';
import { createCore, type Core } from './core';
import { Slots } from './core/tasks/slots';
import { LAB_REFUSED_TEXT, LabDoor, labServices, type LabServeOptions } from './door/labServer';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './door/messageLimits';
import { generateToken, MIN_TOKEN_LENGTH, ServerAuth } from './door/serverAuth';
import { attachSocket } from './door/socketSession';
import { send, serveStatic } from './door/staticFiles';

// Door 2: browser mode. The built renderer over HTTP and the contract over one WebSocket per page, on 127.0.0.1
// unless told otherwise, behind an access token (exchanged for a cookie, see door/serverAuth.ts). Nothing a client
// sends may stop it: every request, upgrade and socket has its error handled here, and WebSocket messages are
// bounded before they are parsed (door/socketSession.ts).

/** Longest a client may take to send its request headers / whole request (slow-loris clients hold a socket each). */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export { isLoopbackAddress, MIN_TOKEN_LENGTH } from './door/serverAuth';

/**
 * Open WebSockets at once from one address, and in all. Each holds memory and its own rate-limit bucket, so a
 * client opening thousands would get around the per-connection rate; a student uses one per tab, a class behind
 * one NAT address a few dozen.
 */
export const MAX_SOCKETS_PER_ADDRESS = 100;
export const MAX_SOCKETS = 1000;

export interface ServeOptions {
  host: string;
  port: number;
  /** The access token; a random one is generated when omitted (on any host, as Jupyter does). */
  token?: string;
  /** Loopback binds only: no token, every client of this machine may use the server (`--no-token`). */
  noToken?: boolean;
  rendererDir?: string;
  /** Calls per connection (tests lower it). */
  rateLimit?: RateLimit;
  /** Open WebSockets allowed from one address (tests lower it); MAX_SOCKETS_PER_ADDRESS by default. */
  maxSocketsPerAddress?: number;
  /** Trainings at once; the rest wait in line (default: SINAPSIS_MAX_TRAININGS, else one per processor core). */
  maxTrainings?: number;
  /** A lab server for a class (students' workspaces, file roots); absent: a single user's server. */
  lab?: LabServeOptions;
}

/** What a lab server prints for the teacher: the class sign-in link, or each listed student's own link. */
export interface LabLinks {
  classUrl: string | null;
  students: { name: string; url: string }[];
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  token: string | null;
  /** Authentication of requests; a student sign-in issues its session cookies with `auth.sessionCookie`. */
  auth: ServerAuth;
  core: Core;
  /** A lab server's links for the students; null on a single user's server. */
  lab: LabLinks | null;
  /** Stops at once: tasks are cancelled, connections dropped. */
  close(): Promise<void>;
  /**
   * Stops gracefully: no new connections or tasks, every training ends after its current batch and is written as
   * "stopped" (history, best weights, metrics), then every connection is closed.
   */
  shutdown(): Promise<void>;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** The host name of a Host header: "127.0.0.1:5170" -> 127.0.0.1, "[::1]:5170" -> ::1, "localhost" -> localhost. */
function hostHeaderName(header: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  return (bracketed ? bracketed[1] : header.replace(/:\d+$/, '')).toLowerCase();
}

/**
 * Without a token the server trusts this machine's clients, so it must also be sure that the page was loaded by
 * its loopback name: a remote site that rebinds its own DNS name to 127.0.0.1 (DNS rebinding) would otherwise pass
 * as a local page, with a Host and an Origin of its own name, and drive the API.
 */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  return header !== undefined && isLoopbackHost(hostHeaderName(header));
}

/** Finds the built renderer both from the source tree (tsx) and from the bundle in out/main. */
export function findRendererDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../renderer'), join(here, '../../out/renderer'), join(here, '../../../out/renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** The request's URL, or null when it cannot be one (e.g. `//:99999`): always relative to our own origin. */
export function requestUrl(raw: string | undefined): URL | null {
  if (!raw || !raw.startsWith('/')) return null;
  try {
    // Concatenated, not `new URL(raw, base)`: a path starting with // would otherwise be read as another host.
    return new URL(`http://localhost${raw}`);
  } catch {
    return null;
  }
}

/** The address to send a browser to once its token became a cookie: the same one, without the token. */
export function addressWithoutToken(url: URL): string {
  const query = new URLSearchParams(url.search);
  query.delete('token');
  const rest = query.toString();
  // One leading slash only: "//evil.example" in a Location header would send the browser to another site.
  return `/${url.pathname.replace(/^[/\\]+/, '')}${rest ? `?${rest}` : ''}`;
}

const REFUSED_TEXT = [
  'Sinapsis: falta el token de acceso. Abre la dirección que mostró "sinapsis serve", con ?token=...',
  'Sinapsis: falta o token de acesso. Abra o endereço mostrado por "sinapsis serve", com ?token=...',
  'Sinapsis: an access token is required. Open the URL printed by "sinapsis serve", including ?token=...',
].join('\n');

/**
 * The token in the first URL becomes a session cookie and leaves the address bar. A plain redirect does it for an
 * address typed, pasted or opened by `--open`; a page reached from a link on another site (an LMS, a file:// page)
 * gets a same-site refresh instead, because a SameSite=Strict cookie is not sent on the rest of a cross-site
 * redirect chain and the redirected page would be refused.
 */
function exchangeTokenForCookie(req: IncomingMessage, res: ServerResponse, url: URL, cookie: string): void {
  const target = addressWithoutToken(url);
  if (req.headers['sec-fetch-site'] === 'cross-site') {
    // The icon link keeps the browser from asking for /favicon.ico (a 404) while it waits for the refresh.
    const escaped = target.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    send(
      res,
      200,
      `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escaped}"><link rel="icon" href="data:,"><title>Sinapsis</title>`,
      'text/html; charset=utf-8',
      { 'Set-Cookie': cookie },
    );
    return;
  }
  send(res, 302, '', 'text/plain; charset=utf-8', { 'Set-Cookie': cookie, Location: target });
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const rendererDir = options.rendererDir ?? findRendererDir();
  if (!rendererDir) {
    throw new SinapsisError('renderer-not-built', 'The user interface has not been built yet. Run "npm run build" (or "npm start") first.');
  }
  const loopback = isLoopbackHost(options.host);
  if (options.token !== undefined && options.token.length < MIN_TOKEN_LENGTH) {
    throw new SinapsisError('bad-arguments', `The access token must be at least ${MIN_TOKEN_LENGTH} characters long.`);
  }
  if (options.noToken && !loopback) {
    throw new SinapsisError(
      'bad-arguments',
      `--no-token is only allowed on this machine's own address (127.0.0.1); a server on ${options.host} needs a token.`,
      { host: options.host },
    );
  }
  if (options.noToken && options.token !== undefined)
    throw new SinapsisError('bad-arguments', 'Give either --token or --no-token, not both.');
  const token = options.noToken ? null : (options.token ?? generateToken());
  // With a token the Host header does not matter: a rebinding page does not have the token.
  const hostAllowed = (req: IncomingMessage): boolean => token !== null || isLoopbackHostHeader(req.headers.host);
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (options.lab && token === null) throw new SinapsisError('bad-arguments', "A lab server needs a token: the teacher's access.");
  const core = await createCore('browser', {
    ...(options.lab && token !== null ? labServices(options.lab, token) : {}),
    ...(options.maxTrainings ? { trainingSlots: new Slots(options.maxTrainings) } : {}),
  });
  let lab = options.lab && token !== null ? new LabDoor(options.lab, core, token, options.port) : null;
  const students = lab ? await lab.prepareStudents() : [];
  // The port is only known after listen (port 0); the auth needs it for its cookie name.
  let auth = new ServerAuth(token, options.port, lab?.studentOf);

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = requestUrl(req.url);
    if (!url) return send(res, 400, 'Bad request');
    if (!hostAllowed(req)) return send(res, 403, 'Sinapsis: open this page as http://127.0.0.1 or http://localhost.');
    const who = auth.authenticate(req, url);
    if (lab?.handle(req, res, url, auth, who !== null)) return;
    // The page asks whether it must sign in first (only a lab server's class link makes it so).
    if (url.pathname === '/api/session' && who)
      return send(res, 200, JSON.stringify({ state: 'signed-in' }), 'application/json; charset=utf-8');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', undefined, { Allow: 'GET, HEAD' });
    // A student who followed the class link loads the page to sign in; the API stays closed to them until then.
    if (!who && lab?.isGuest(req)) return void serveStatic(rendererDir, url, res).catch(() => send(res, 500, 'Internal error'));
    // On a lab server the students' way in first, then the teacher's (the token URL).
    if (!who) return send(res, 401, lab ? `${LAB_REFUSED_TEXT}\n${REFUSED_TEXT}` : REFUSED_TEXT);
    if (who.via === 'url-token') return exchangeTokenForCookie(req, res, url, auth.sessionCookie(who.caller));
    void serveStatic(rendererDir, url, res).catch(() => send(res, 500, 'Internal error'));
  };

  const server: Server = createServer((req, res) => {
    res.on('error', () => res.destroy());
    try {
      handleRequest(req, res);
    } catch (error) {
      console.error('[sinapsis] request failed:', error);
      send(res, 500, 'Internal error');
    }
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  // A request Node cannot parse (bad request line, header overflow, a reset): answer 400 if possible, never throw.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  wss.on('error', () => undefined);
  const refuseUpgrade = (socket: Duplex, status: string): void => {
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    socket.destroy();
  };
  // A handshake `ws` cannot accept (no or a malformed key, an unknown version).
  wss.on('wsClientError', (_error, socket) => refuseUpgrade(socket, '400 Bad Request'));
  const maxSocketsPerAddress = options.maxSocketsPerAddress ?? MAX_SOCKETS_PER_ADDRESS;
  const socketsByAddress = new Map<string, number>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // From here on the socket is ours, not the HTTP server's: its errors (a reset mid-handshake) are too.
    socket.on('error', () => socket.destroy());
    try {
      const url = requestUrl(req.url);
      const hostHeader = req.headers.host ?? '';
      const origin = req.headers.origin;
      // Browsers always send Origin on WebSocket handshakes; only our own page's origin may connect.
      const sameOrigin = origin === `http://${hostHeader}`;
      const who = url && url.pathname === '/api' && sameOrigin && hostAllowed(req) ? auth.authenticate(req, url) : null;
      if (!who) return refuseUpgrade(socket, '403 Forbidden');
      const address = req.socket.remoteAddress ?? '';
      const fromAddress = socketsByAddress.get(address) ?? 0;
      if (fromAddress >= maxSocketsPerAddress || wss.clients.size >= MAX_SOCKETS) return refuseUpgrade(socket, '503 Service Unavailable');
      // Counted once the WebSocket exists: a handshake `ws` refuses (bad key, version) never calls back.
      wss.handleUpgrade(req, socket, head, (ws) => {
        socketsByAddress.set(address, (socketsByAddress.get(address) ?? 0) + 1);
        ws.once('close', () => {
          const left = (socketsByAddress.get(address) ?? 1) - 1;
          if (left > 0) socketsByAddress.set(address, left);
          else socketsByAddress.delete(address);
        });
        attachSocket(ws, core, { caller: who.caller, rateLimit });
      });
    } catch (error) {
      console.error('[sinapsis] WebSocket upgrade failed:', error);
      refuseUpgrade(socket, '500 Internal Server Error');
    }
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new SinapsisError(
            'port-in-use',
            `Port ${options.port} on ${options.host} is already in use. Choose another with --port N (or --port 0 for any free port).`,
            { port: options.port },
          ),
        );
      } else reject(error);
    });
    server.listen(options.port, options.host, () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shownHost}:${port}/${token ? `?token=${token}` : ''}`;
  if (options.lab && token !== null) {
    // The cookies' names carry the port, known only now when --port 0 picked one.
    lab = new LabDoor(options.lab, core, token, port);
    await lab.prepareStudents();
  }
  auth = new ServerAuth(token, port, lab?.studentOf);
  const classPath = lab?.classPath() ?? null;
  const labLinks: LabLinks | null = lab
    ? {
        classUrl: classPath ? `http://${shownHost}:${port}${classPath}` : null,
        students: students.map((s) => ({ name: s.name, url: `http://${shownHost}:${port}/?token=${s.token}` })),
      }
    : null;

  return {
    url,
    host: options.host,
    port,
    token,
    auth,
    core,
    lab: labLinks,
    close: async () => {
      core.dispose();
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
    shutdown: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      await core.shutdown();
      for (const client of wss.clients) client.close(1001, 'Sinapsis stopped');
      wss.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
