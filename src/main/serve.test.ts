import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TEACHER } from './core/caller';
import { addressWithoutToken, isLoopbackHost, isLoopbackHostHeader, requestUrl, startServer, type RunningServer } from './serve';

const rendererDir = mkdtempSync(join(tmpdir(), 'sinapsis-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sinapsis</title>');

function connect(url: string, origin: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin, headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

function call(socket: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString());
      if (parsed.type === 'result') {
        socket.off('message', onMessage);
        resolve(parsed);
      }
    };
    socket.on('message', onMessage);
    socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

/** A GET that does not follow redirects, optionally with a cookie. */
function get(url: string, cookie?: string): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

/** The `name=value` part of a response's Set-Cookie header. */
function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  return header.split(';')[0];
}

describe('browser mode server on loopback with --no-token', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0, rendererDir, noToken: true });
  });
  afterAll(() => server.close());

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('Sinapsis');
  });

  it('refuses path traversal out of the renderer folder', async () => {
    for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
      expect([403, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('root:');
    }
  });

  it('runs contract calls and streams events over the WebSocket', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const socket = await connect(`ws://127.0.0.1:${server.port}/api`, origin);
    const events: unknown[] = [];
    socket.on('message', (data) => {
      const parsed = JSON.parse(data.toString());
      if (parsed.type === 'event') events.push(parsed.payload);
    });
    const info = await call(socket, { type: 'call', id: 1, method: 'app.info', payload: {} });
    expect(info).toMatchObject({ id: 1, result: { ok: true, value: { door: 'browser' } } });
    const demo = await call(socket, {
      type: 'call',
      id: 2,
      method: 'app.demoProgress',
      payload: { taskId: 'ws', steps: 3, intervalMs: 0 },
    });
    expect(demo).toMatchObject({ id: 2, result: { ok: true, value: { completed: true, steps: 3 } } });
    expect(events).toHaveLength(3);
    socket.close();
  });

  it('answers malformed messages with an error and keeps serving', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const socket = await connect(`ws://127.0.0.1:${server.port}/api`, origin);
    expect(await call(socket, 'not json')).toMatchObject({ result: { ok: false, error: { code: 'invalid-message' } } });
    expect(await call(socket, { type: 'call', id: 'x' })).toMatchObject({ result: { ok: false, error: { code: 'invalid-message' } } });
    expect(await call(socket, { type: 'call', id: 3, method: 'app.info', payload: {} })).toMatchObject({ id: 3, result: { ok: true } });
    socket.close();
  });

  it('rejects cross-origin WebSocket connections', async () => {
    await expect(connect(`ws://127.0.0.1:${server.port}/api`, 'http://evil.example')).rejects.toThrow(/403/);
  });
});

describe('browser mode server with an access token', () => {
  let server: RunningServer;
  const token = 'a-long-classroom-token-123';
  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0, rendererDir, token });
  });
  afterAll(() => server.close());

  it('refuses page and WebSocket without the token', async () => {
    expect((await get(`http://127.0.0.1:${server.port}/`)).status).toBe(401);
    expect((await get(`http://127.0.0.1:${server.port}/?token=wrong`)).status).toBe(401);
    expect((await get(`http://127.0.0.1:${server.port}/?token=${token}x`)).status).toBe(401);
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(connect(`ws://127.0.0.1:${server.port}/api`, origin)).rejects.toThrow(/403/);
    await expect(connect(`ws://127.0.0.1:${server.port}/api?token=wrong-token-0000000`, origin)).rejects.toThrow(/403/);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('exchanges the token in the first URL for an HttpOnly SameSite=Strict cookie and redirects to the address without it', async () => {
    const first = await get(`http://127.0.0.1:${server.port}/?lang=pt&token=${token}`);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/?lang=pt');
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^sinapsis-session-${server.port}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    // The cookie is not the token itself.
    expect(setCookie).not.toContain(token);
    const cookie = cookieOf(first);
    // Every file and the WebSocket accept the cookie.
    const page = await get(`http://127.0.0.1:${server.port}/`, cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sinapsis');
    expect((await get(`http://127.0.0.1:${server.port}/index.html`, `other=1; ${cookie}`)).status).toBe(200);
    const origin = `http://127.0.0.1:${server.port}`;
    const socket = await connect(`ws://127.0.0.1:${server.port}/api`, origin, { cookie });
    expect(await call(socket, { type: 'call', id: 1, method: 'app.info', payload: {} })).toMatchObject({ result: { ok: true } });
    socket.close();
    // A forged or altered cookie is refused.
    const [name, value] = cookie.split('=');
    const forged = `${name}=${Buffer.from(JSON.stringify({ role: 'teacher' })).toString('base64url')}.${'A'.repeat(43)}`;
    expect((await get(`http://127.0.0.1:${server.port}/`, forged)).status).toBe(401);
    expect((await get(`http://127.0.0.1:${server.port}/`, `${name}=${value.slice(0, -2)}xx`)).status).toBe(401);
    expect((await get(`http://127.0.0.1:${server.port}/`, `sinapsis-session-1=${value}`)).status).toBe(401);
    await expect(connect(`ws://127.0.0.1:${server.port}/api`, origin, { cookie: forged })).rejects.toThrow(/403/);
  });

  it('a page reached from another site gets a same-site refresh instead of a redirect (a Strict cookie would not follow it)', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/?token=${token}`, {
      redirect: 'manual',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('HttpOnly');
    const html = await res.text();
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=/">');
    expect(html).not.toContain(token);
  });

  it('scripts may send the token in an Authorization header instead', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`http://127.0.0.1:${server.port}/`, { headers: { authorization: `token ${token}` } })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.port}/`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.port}/`, { headers: { authorization: 'token nope-nope-nope-nope' } })).status).toBe(401);
    (await connect(`ws://127.0.0.1:${server.port}/api`, origin, { authorization: `token ${token}` })).close();
    (await connect(`ws://127.0.0.1:${server.port}/api?token=${token}`, origin)).close();
  });

  it('a session cookie issued for a student identifies that student (the hook student sign-in builds on)', async () => {
    const student = server.auth.sessionCookie({ role: 'student', studentId: 'ana-1' }, { maxAgeSeconds: 3600 });
    expect(student).toContain('Max-Age=3600');
    const req = { headers: { cookie: student.split(';')[0] }, socket: { remoteAddress: '10.0.0.9' } } as never;
    expect(server.auth.authenticate(req, new URL('http://localhost/'))).toEqual({
      caller: { role: 'student', studentId: 'ana-1' },
      via: 'cookie',
    });
    const teacher = { headers: { authorization: `token ${token}` }, socket: { remoteAddress: '10.0.0.9' } } as never;
    expect(server.auth.authenticate(teacher, new URL('http://localhost/'))).toEqual({ caller: TEACHER, via: 'header-token' });
  });

  it('a server restarted with the same token keeps accepting its cookies; another token does not', async () => {
    const first = await get(`http://127.0.0.1:${server.port}/?token=${token}`);
    const cookie = cookieOf(first).replace(/^[^=]+/, 'sinapsis-session-PORT');
    const again = await startServer({ host: '127.0.0.1', port: 0, rendererDir, token });
    const other = await startServer({ host: '127.0.0.1', port: 0, rendererDir, token: 'another-classroom-token-456' });
    try {
      expect((await get(`http://127.0.0.1:${again.port}/`, cookie.replace('PORT', String(again.port)))).status).toBe(200);
      expect((await get(`http://127.0.0.1:${other.port}/`, cookie.replace('PORT', String(other.port)))).status).toBe(401);
    } finally {
      await again.close();
      await other.close();
    }
  });
});

describe('tokens by default', () => {
  it('a loopback server gets a random per-launch token unless --no-token, printed in its URL', async () => {
    const a = await startServer({ host: '127.0.0.1', port: 0, rendererDir });
    const b = await startServer({ host: '127.0.0.1', port: 0, rendererDir });
    try {
      expect(a.token).toMatch(/^[\w-]{32}$/);
      expect(a.token).not.toBe(b.token);
      expect(a.url).toBe(`http://127.0.0.1:${a.port}/?token=${a.token}`);
      // Another local account has no token: refused although it connects from 127.0.0.1.
      expect((await get(`http://127.0.0.1:${a.port}/`)).status).toBe(401);
      await expect(connect(`ws://127.0.0.1:${a.port}/api`, `http://127.0.0.1:${a.port}`)).rejects.toThrow(/403/);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('generates a token when binding a non-loopback host, and refuses --no-token there', async () => {
    const open = await startServer({ host: '0.0.0.0', port: 0, rendererDir });
    try {
      expect(open.token).toMatch(/^[\w-]{20,}$/);
      expect((await get(`http://127.0.0.1:${open.port}/`)).status).toBe(401);
      expect((await get(`http://127.0.0.1:${open.port}/?token=${open.token}`)).status).toBe(302);
    } finally {
      await open.close();
    }
    await expect(startServer({ host: '0.0.0.0', port: 0, rendererDir, noToken: true })).rejects.toMatchObject({ code: 'bad-arguments' });
    await expect(startServer({ host: '127.0.0.1', port: 0, rendererDir, noToken: true, token: 'x'.repeat(20) })).rejects.toMatchObject({
      code: 'bad-arguments',
    });
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('10.0.0.5')).toBe(false);
  });

  it('request URLs stay on our origin and the redirect after the token never leaves the site', () => {
    expect(requestUrl('//:99999')?.pathname).toBe('//:99999');
    expect(requestUrl('//evil.example/x')?.host).toBe('localhost');
    expect(requestUrl('http://evil.example/')).toBeNull();
    expect(requestUrl(undefined)).toBeNull();
    expect(addressWithoutToken(new URL('http://localhost//evil.example/?token=x'))).toBe('/evil.example/');
    expect(addressWithoutToken(new URL('http://localhost/\\evil.example?token=x&a=1'))).toBe('/evil.example?a=1');
  });
});

/** GET with a chosen Host header (fetch does not let a test set it). */
function statusWithHost(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

describe('browser mode against hostile pages and clients', () => {
  it('refuses a DNS-rebinding page (its own name resolving to 127.0.0.1) on a loopback server without a token', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, rendererDir, noToken: true });
    try {
      const evil = `rebind.evil.example:${server.port}`;
      await expect(connect(`ws://127.0.0.1:${server.port}/api`, `http://${evil}`, { host: evil })).rejects.toThrow(/403/);
      expect(await statusWithHost(server.port, '/', evil)).toBe(403);
      // Our own names still work.
      for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
        expect(await statusWithHost(server.port, '/', host)).toBe(200);
        (await connect(`ws://127.0.0.1:${server.port}/api`, `http://${host}`, { host })).close();
      }
    } finally {
      await server.close();
    }
    expect(isLoopbackHostHeader('[::1]:5170')).toBe(true);
    expect(isLoopbackHostHeader('127.0.0.1')).toBe(true);
    expect(isLoopbackHostHeader('127.0.0.1.evil.example:5170')).toBe(false);
    expect(isLoopbackHostHeader(undefined)).toBe(false);
  });

  it('refuses an access token too short to protect a lab server', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, rendererDir, token: '' })).rejects.toThrow(/at least 16 characters/);
    await expect(startServer({ host: '0.0.0.0', port: 0, rendererDir, token: 'abc' })).rejects.toThrow(/at least 16 characters/);
  });

  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

  it.skipIf(!lanAddress)('a client from the network (not loopback) needs the token for the page and the WebSocket', async () => {
    const token = 'lab-server-token-0123456789';
    const server = await startServer({ host: '0.0.0.0', port: 0, rendererDir, token });
    try {
      const base = `http://${lanAddress}:${server.port}`;
      expect((await get(`${base}/`)).status).toBe(401);
      await expect(connect(`ws://${lanAddress}:${server.port}/api`, base)).rejects.toThrow(/403/);
      const cookie = cookieOf(await get(`${base}/?token=${token}`));
      expect((await get(`${base}/`, cookie)).status).toBe(200);
      (await connect(`ws://${lanAddress}:${server.port}/api`, base, { cookie })).close();
      (await connect(`ws://${lanAddress}:${server.port}/api?token=${token}`, base)).close();
      await expect(connect(`ws://${lanAddress}:${server.port}/api?token=${token}`, 'http://evil.example')).rejects.toThrow(/403/);
    } finally {
      await server.close();
    }
  });
});
