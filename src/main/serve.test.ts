import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { admits, isLoopbackHost, isLoopbackHostHeader, startServer, type RunningServer } from './serve';

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

describe('browser mode server on loopback', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0, rendererDir });
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
    const demo = await call(socket, { type: 'call', id: 2, method: 'app.demoProgress', payload: { taskId: 'ws', steps: 3, intervalMs: 0 } });
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

  it('refuses page and WebSocket without the token, accepts them with it', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${server.port}/?token=wrong`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${server.port}/?token=${token}`)).status).toBe(200);
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(connect(`ws://127.0.0.1:${server.port}/api`, origin)).rejects.toThrow(/403/);
    const socket = await connect(`ws://127.0.0.1:${server.port}/api?token=${token}`, origin);
    socket.close();
    expect(server.url).toContain(`?token=${token}`);
  });
});

describe('admission rules', () => {
  it('without a token admits only loopback clients; with one, only token holders', () => {
    expect(admits(null, null, '127.0.0.1')).toBe(true);
    expect(admits(null, null, '::ffff:127.0.0.1')).toBe(true);
    expect(admits(null, null, '192.168.1.20')).toBe(false);
    expect(admits('secret-token-0123456', null, '192.168.1.20')).toBe(false);
    expect(admits('secret-token-0123456', 'secret-token-0123456', '192.168.1.20')).toBe(true);
    expect(admits('secret-token-0123456', 'secret-token-0123457', '127.0.0.1')).toBe(false);
  });

  it('generates a token when binding a non-loopback host', async () => {
    const open = await startServer({ host: '0.0.0.0', port: 0, rendererDir });
    try {
      expect(open.token).toMatch(/^[\w-]{20,}$/);
      expect((await fetch(`http://127.0.0.1:${open.port}/`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${open.port}/?token=${open.token}`)).status).toBe(200);
    } finally {
      await open.close();
    }
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('10.0.0.5')).toBe(false);
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
    const server = await startServer({ host: '127.0.0.1', port: 0, rendererDir });
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
      expect((await fetch(`${base}/`)).status).toBe(401);
      await expect(connect(`ws://${lanAddress}:${server.port}/api`, base)).rejects.toThrow(/403/);
      expect((await fetch(`${base}/?token=${token}`)).status).toBe(200);
      (await connect(`ws://${lanAddress}:${server.port}/api?token=${token}`, base)).close();
      await expect(connect(`ws://${lanAddress}:${server.port}/api?token=${token}`, 'http://evil.example')).rejects.toThrow(/403/);
    } finally {
      await server.close();
    }
  });
});
