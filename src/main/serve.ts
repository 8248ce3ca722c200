import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { SinapsisError } from '../shared/contract';
import { callMessageSchema, type ServerMessage } from '../shared/contract/wire';
import { createCore, type Core, type Emit } from './core';
import { describeIssues, dispatch } from './door/dispatch';
import { CONTENT_SECURITY_POLICY } from './door/csp';

// Door 2: browser mode. The built renderer over HTTP and the contract over one WebSocket per page,
// on 127.0.0.1 unless told otherwise; any other bind requires an access token.

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Shortest access token accepted (the generated ones have 24 characters). */
export const MIN_TOKEN_LENGTH = 16;

export interface ServeOptions {
  host: string;
  port: number;
  /** Required when `host` is not a loopback address; generated when omitted there. */
  token?: string;
  rendererDir?: string;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  token: string | null;
  core: Core;
  close(): Promise<void>;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
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

function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may use the server: with a token (any non-loopback bind has one) only holders of it;
 * without one only this machine's own clients.
 */
export function admits(token: string | null, given: string | null, remoteAddress: string | undefined): boolean {
  return token === null ? isLoopbackAddress(remoteAddress) : tokenMatches(token, given);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

async function serveStatic(rendererDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    send(res, 400, 'Bad request');
    return;
  }
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '');
  const file = resolve(rendererDir, relative);
  if (!file.startsWith(resolve(rendererDir) + sep)) {
    send(res, 403, 'Forbidden');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    send(res, 200, await readFile(file), MIME[extname(file)] ?? 'application/octet-stream');
  } catch {
    send(res, 404, 'Not found');
  }
}

function attachSocket(socket: WebSocket, core: Core): void {
  const socketEmit: Emit = (name, payload) => {
    if (socket.readyState !== socket.OPEN) return;
    const message: ServerMessage = { type: 'event', name, payload };
    socket.send(JSON.stringify(message));
  };
  // Events belong to the workspace, not to the page that asked: a reloaded page or a second tab receives them too.
  const leave = core.pages.attach(socketEmit);
  socket.on('close', leave);
  const emit = core.pages.broadcast;
  socket.on('message', async (data, isBinary) => {
    if (isBinary) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return socket.send(JSON.stringify({ type: 'result', id: 0, result: { ok: false, error: { code: 'invalid-message', message: 'Message is not valid JSON.' } } }));
    }
    const call = callMessageSchema.safeParse(parsed);
    if (!call.success) {
      const id = typeof (parsed as { id?: unknown })?.id === 'number' ? Math.max(0, Math.trunc((parsed as { id: number }).id)) : 0;
      const message = `Malformed call message: ${describeIssues(call.error.issues)}`;
      return socket.send(JSON.stringify({ type: 'result', id, result: { ok: false, error: { code: 'invalid-message', message } } }));
    }
    const result = await dispatch(core, call.data.method, call.data.payload, emit);
    if (socket.readyState === socket.OPEN) {
      const reply: ServerMessage = { type: 'result', id: call.data.id, result };
      socket.send(JSON.stringify(reply));
    }
  });
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
  const token = options.token ?? (loopback ? null : randomBytes(18).toString('base64url'));
  // With a token the Host header does not matter: a rebinding page does not have the token.
  const hostAllowed = (req: IncomingMessage): boolean => token !== null || isLoopbackHostHeader(req.headers.host);
  const core = await createCore('browser');

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!hostAllowed(req)) {
      send(res, 403, 'Sinapsis: open this page as http://127.0.0.1 or http://localhost.');
      return;
    }
    if (!admits(token, url.searchParams.get('token'), req.socket.remoteAddress)) {
      send(res, 401, 'Sinapsis: an access token is required. Open the URL printed by "sinapsis serve", including ?token=...');
      return;
    }
    void serveStatic(rendererDir, req, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const hostHeader = req.headers.host ?? '';
    const origin = req.headers.origin;
    // Browsers always send Origin on WebSocket handshakes; only our own page's origin may connect.
    const sameOrigin = origin === `http://${hostHeader}`;
    if (url.pathname !== '/api' || !sameOrigin || !hostAllowed(req) || !admits(token, url.searchParams.get('token'), req.socket.remoteAddress)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(ws, core));
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new SinapsisError('port-in-use', `Port ${options.port} on ${options.host} is already in use. Choose another with --port N (or --port 0 for any free port).`, { port: options.port }));
      } else reject(error);
    });
    server.listen(options.port, options.host, () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shownHost}:${port}/${token ? `?token=${token}` : ''}`;

  return {
    url,
    host: options.host,
    port,
    token,
    core,
    close: async () => {
      core.dispose();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

