import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES } from '../../shared/contract/wire';
import { startServer, type RunningServer } from '../serve';

/**
 * A real browser-mode server on 127.0.0.1 against what an attacker (or a broken client) sends: malformed request
 * lines and paths, malformed upgrades, every kind of malformed WebSocket frame over raw sockets, oversized and
 * deeply nested messages, bursts. After each the server must still answer `app.info` on a fresh connection; an
 * exception escaping the server would fail this file as an unhandled error. Every loop is bounded.
 */

const TOKEN = 'fuzz-suite-token-0123456789';
const rendererDir = mkdtempSync(join(tmpdir(), 'sinapsis-fuzz-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sinapsis</title>');

let server: RunningServer;
let origin: string;
beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, rendererDir, token: TOKEN });
  origin = `http://127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

function openClient(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api`, { origin, headers: { authorization: `token ${TOKEN}` } });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends one call and waits for its result (or for `timeoutMs`, then fails). */
function callOn(
  socket: WebSocket,
  id: number,
  method: string,
  payload: unknown = {},
  timeoutMs = 10_000,
): Promise<{ ok: boolean; error?: { code: string }; value?: unknown }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to ${method} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(data.toString());
      if (message.type === 'result' && message.id === id) {
        clearTimeout(timer);
        socket.off('message', onMessage);
        resolve(message.result);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'call', id, method, payload }));
  });
}

/** The check after every attack: a fresh connection gets app.info. */
async function stillServes(): Promise<void> {
  const socket = await openClient();
  try {
    const result = await callOn(socket, 1, 'app.info');
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({ name: 'Sinapsis', door: 'browser' });
  } finally {
    socket.close();
  }
}

/** Writes raw bytes on a TCP connection and collects what comes back until the server closes it (or 3 s pass). */
function raw(bytes: Buffer | string, keepOpenMs = 3000, port = server.port): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    let received = '';
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, keepOpenMs);
    socket.on('data', (chunk) => void (received += chunk.toString('latin1')));
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

const statusOf = (response: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

describe('malformed HTTP requests', () => {
  const host = (): string => `Host: 127.0.0.1:${server.port}\r\n`;
  const cases: [string, () => string][] = [
    ['a path that is not a URL (//:99999)', () => `GET //:99999 HTTP/1.1\r\n${host()}\r\n`],
    ['the same with the token', () => `GET //:99999?token=${TOKEN} HTTP/1.1\r\n${host()}\r\n`],
    ['a protocol-relative path', () => `GET //evil.example/x HTTP/1.1\r\n${host()}\r\n`],
    ['an absolute-form URL', () => `GET http://evil.example/ HTTP/1.1\r\n${host()}\r\n`],
    ['an asterisk target', () => `OPTIONS * HTTP/1.1\r\n${host()}\r\n`],
    ['a bad percent escape', () => `GET /%E0%A4%A HTTP/1.1\r\n${host()}Authorization: token ${TOKEN}\r\n\r\n`],
    ['an encoded NUL', () => `GET /index.html%00.png HTTP/1.1\r\n${host()}Authorization: token ${TOKEN}\r\n\r\n`],
    ['an encoded traversal', () => `GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1\r\n${host()}Authorization: token ${TOKEN}\r\n\r\n`],
    ['a bad token encoding', () => `GET /?token=%ZZ HTTP/1.1\r\n${host()}\r\n`],
    ['garbage instead of a request line', () => 'GARBAGE\r\n\r\n'],
    ['an unknown HTTP version', () => `GET / HTTP/9.9\r\n${host()}\r\n`],
    ['a header without a colon', () => `GET / HTTP/1.1\r\n${host()}no colon here\r\n\r\n`],
    ['a header over the size limit', () => `GET / HTTP/1.1\r\n${host()}X-Big: ${'a'.repeat(40_000)}\r\n\r\n`],
    ['a URL of 100 kB', () => `GET /${'a'.repeat(100_000)} HTTP/1.1\r\n${host()}\r\n`],
    ['a POST with a body', () => `POST / HTTP/1.1\r\n${host()}Authorization: token ${TOKEN}\r\nContent-Length: 5\r\n\r\nhello`],
    ['a negative Content-Length', () => `POST / HTTP/1.1\r\n${host()}Content-Length: -1\r\n\r\n`],
    [
      'both Content-Length and chunked (smuggling)',
      () => `POST / HTTP/1.1\r\n${host()}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
    ],
    ['a broken chunk', () => `POST / HTTP/1.1\r\n${host()}Transfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n`],
    ['no Host header', () => 'GET / HTTP/1.1\r\n\r\n'],
    ['two Host headers', () => `GET / HTTP/1.1\r\n${host()}Host: evil.example\r\n\r\n`],
    ['raw non-ASCII bytes in the path', () => `GET /\xff\xfe HTTP/1.1\r\n${host()}\r\n`],
    [
      'a cookie header of junk',
      () => `GET / HTTP/1.1\r\n${host()}Cookie: ${'=;'.repeat(2000)}sinapsis-session-${server.port}=${'%'.repeat(600)}\r\n\r\n`,
    ],
    ['an Authorization header of junk', () => `GET / HTTP/1.1\r\n${host()}Authorization: token \r\n\r\n`],
    ['the connection closed mid-request', () => `GET / HTTP/1.1\r\n${host()}X-Partial: `],
  ];

  it.each(cases)('%s: an error answer or a closed socket, and the server keeps serving', async (_name, request) => {
    const response = await raw(Buffer.from(request(), 'latin1'), 1000);
    const status = statusOf(response);
    // Either nothing (the socket closed), a refusal, or (a valid token) the redirect that stays on this site;
    // never the app's page, never a 5xx from a thrown error.
    if (status === 302) expect(response).toMatch(/\r\nLocation: \/(?![/\\])/i);
    else if (status !== 0) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    expect(response).not.toContain('root:');
    await stillServes();
  });
});

const HANDSHAKE_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

function handshake(path = '/api', extra = `Authorization: token ${TOKEN}\r\n`): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: http://127.0.0.1:${server.port}\r\n${extra}Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${HANDSHAKE_KEY}\r\nSec-WebSocket-Version: 13\r\n\r\n`;
}

describe('malformed WebSocket upgrades', () => {
  const cases: [string, () => string][] = [
    ['an upgrade to a path that is not a URL', () => handshake('//:99999')],
    ['an upgrade to another path', () => handshake('/other')],
    ['an upgrade without credentials', () => handshake('/api', '')],
    ['an upgrade with a wrong token', () => handshake('/api', 'Authorization: token wrong-wrong-wrong-wrong\r\n')],
    ['an upgrade without a key', () => handshake().replace(/Sec-WebSocket-Key: [^\r]+\r\n/, '')],
    ['an upgrade with a bad version', () => handshake().replace('Sec-WebSocket-Version: 13', 'Sec-WebSocket-Version: 99')],
    ['an upgrade with a malformed key', () => handshake().replace(HANDSHAKE_KEY, '!!!')],
    ['an upgrade cut off mid-headers', () => handshake().slice(0, 120)],
  ];
  it.each(cases)('%s: refused or closed, and the server keeps serving', async (_name, request) => {
    const response = await raw(request(), 1000);
    expect(response.startsWith('HTTP/1.1 101')).toBe(false);
    await stillServes();
  });
});

/** A WebSocket frame as a client would write it (masked unless told otherwise), with any header bits set. */
function frame(options: {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv1?: boolean;
  masked?: boolean;
  declaredLength?: number;
}): Buffer {
  const payload = options.payload ?? Buffer.alloc(0);
  const length = options.declaredLength ?? payload.length;
  const masked = options.masked ?? true;
  const head: number[] = [((options.fin ?? true) ? 0x80 : 0) | (options.rsv1 ? 0x40 : 0) | options.opcode];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65_536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(maskBit | 127, ...big);
  }
  if (!masked) return Buffer.concat([Buffer.from(head), payload]);
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]));
  return Buffer.concat([Buffer.from(head), mask, body]);
}

/**
 * Opens a raw, authenticated WebSocket, writes `bytes`, and reports whether the server closed the connection
 * (or what arrived once `until` holds).
 */
function sendRawFrames(bytes: Buffer, until?: (received: Buffer) => boolean): Promise<{ closedByServer: boolean; received: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = tcpConnect(server.port, '127.0.0.1');
    let upgraded = false;
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closedByServer: false, received });
    }, 5000);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (!upgraded && received.includes('\r\n\r\n')) {
        if (!received.toString('latin1').startsWith('HTTP/1.1 101'))
          return reject(new Error(`handshake refused: ${received.toString('latin1')}`));
        upgraded = true;
        received = received.subarray(received.indexOf('\r\n\r\n') + 4);
        socket.write(bytes);
      } else if (upgraded && until?.(received)) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ closedByServer: false, received });
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closedByServer: upgraded, received });
    });
    socket.write(handshake());
  });
}

describe('malformed WebSocket frames (raw sockets)', () => {
  const text = (value: string): Buffer => Buffer.from(value);
  const closeWith = (code: number): Buffer => {
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    return payload;
  };
  const cases: [string, () => Buffer][] = [
    ['a text frame of invalid UTF-8', () => frame({ opcode: 0x1, payload: Buffer.from([0xff, 0xfe, 0xc3, 0x28]) })],
    [
      'a frame declaring a payload over the limit',
      () => frame({ opcode: 0x1, payload: text('{}'), declaredLength: MAX_MESSAGE_BYTES + 1 }),
    ],
    ['a frame declaring 2^63 bytes', () => frame({ opcode: 0x1, declaredLength: Number.MAX_SAFE_INTEGER })],
    ['a reserved data opcode (0x3)', () => frame({ opcode: 0x3, payload: text('x') })],
    ['a reserved control opcode (0xB)', () => frame({ opcode: 0xb })],
    ['an unmasked client frame', () => frame({ opcode: 0x1, payload: text('{"type":"call"}'), masked: false })],
    ['RSV1 without a negotiated extension', () => frame({ opcode: 0x1, payload: text('{}'), rsv1: true })],
    ['a close frame with code 999', () => frame({ opcode: 0x8, payload: closeWith(999) })],
    ['a close frame with a reserved code (1005)', () => frame({ opcode: 0x8, payload: closeWith(1005) })],
    ['a close frame with a 1-byte payload', () => frame({ opcode: 0x8, payload: Buffer.from([3]) })],
    ['a fragmented control frame', () => frame({ opcode: 0x9, fin: false, payload: text('ping') })],
    ['a ping over 125 bytes', () => frame({ opcode: 0x9, payload: Buffer.alloc(126, 1) })],
    ['a continuation without a first fragment', () => frame({ opcode: 0x0, payload: text('x') })],
    [
      'a new message inside a fragmented one',
      () => Buffer.concat([frame({ opcode: 0x1, fin: false, payload: text('{') }), frame({ opcode: 0x1, payload: text('}') })]),
    ],
  ];
  it.each(cases)('%s: the connection is closed, the server keeps serving', async (_name, bytes) => {
    const { closedByServer } = await sendRawFrames(bytes());
    expect(closedByServer).toBe(true);
    await stillServes();
  });

  it('a valid frame over a raw socket is answered (the harness itself is right)', async () => {
    const call = frame({ opcode: 0x1, payload: text('{"type":"call","id":7,"method":"app.info","payload":{}}') });
    const { received } = await sendRawFrames(call, (bytes) => bytes.includes('"ok":true'));
    expect(received.toString('latin1')).toContain('"id":7');
    expect(received.toString('latin1')).toContain('"ok":true');
  });
});

describe('oversized, nested and flooding messages', () => {
  it('a message over the size limit closes that connection with 1009 before it is read', async () => {
    const socket = await openClient();
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('error', () => undefined);
    socket.send('['.repeat(16) + '1'.repeat(MAX_MESSAGE_BYTES) + ']'.repeat(16));
    expect(await closed).toBe(1009);
    await stillServes();
  });

  it('deeply nested messages are refused unread, with a translated code, and the connection stays usable', async () => {
    const socket = await openClient();
    try {
      const replies: unknown[] = [];
      socket.on('message', (data) => replies.push(JSON.parse(data.toString())));
      socket.send('['.repeat(100_000) + ']'.repeat(100_000));
      socket.send(
        JSON.stringify({
          type: 'call',
          id: 2,
          method: 'app.info',
          payload: { a: { b: { c: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' } } },
        }),
      );
      await expect.poll(() => replies.length, { timeout: 5000 }).toBe(2);
      expect(replies[0]).toMatchObject({ result: { ok: false, error: { code: 'message-too-deep' } } });
      // Brackets inside strings do not count: that call was read (and its unknown field ignored).
      expect(replies[1]).toMatchObject({ id: 2, result: { ok: true } });
    } finally {
      socket.close();
    }
  });

  it('ten clients sending near-limit nested messages at once do not delay another client by seconds', async () => {
    const attackers = await Promise.all(Array.from({ length: 10 }, () => openClient()));
    const bomb = '{"a":'.repeat(1_000_000) + '1' + '}'.repeat(1_000_000);
    expect(bomb.length).toBeLessThan(MAX_MESSAGE_BYTES);
    const bystander = await openClient();
    // The same call without the attack, so that the bound follows how busy the machine is with other jobs.
    let quiet = performance.now();
    expect((await callOn(bystander, 0, 'app.info')).ok).toBe(true);
    quiet = performance.now() - quiet;
    const before = process.memoryUsage().rss;
    for (const attacker of attackers) attacker.send(bomb);
    const started = performance.now();
    expect((await callOn(bystander, 1, 'app.info')).ok).toBe(true);
    const waited = performance.now() - started;
    // Measured here: 0.35-0.83 s and +112-135 MB RSS while ten 7 MB messages are scanned and refused (load average
    // 20 on 2 cores; the issue: seconds, 3.4 GB).
    expect(waited).toBeLessThan(3000 + 50 * quiet);
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
    for (const socket of [...attackers, bystander]) socket.close();
    await stillServes();
  });

  it('a burst of calls on one connection: the first ones are answered, the rest refused as rate-limited, others unaffected', async () => {
    const socket = await openClient();
    try {
      const results: { ok: boolean; error?: { code: string } }[] = [];
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.type === 'result') results.push(message.result);
      });
      for (let i = 0; i < 1000; i++) socket.send(JSON.stringify({ type: 'call', id: i + 1, method: 'app.info', payload: {} }));
      await expect.poll(() => results.length, { timeout: 20_000 }).toBe(1000);
      const refused = results.filter((r) => !r.ok);
      expect(refused.length).toBeGreaterThan(500);
      expect(new Set(refused.map((r) => r.error?.code))).toEqual(new Set(['rate-limited']));
      expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(200);
    } finally {
      socket.close();
    }
    await stillServes();
  }, 30_000);

  it('a burst of connections dropped mid-handshake, and a client that never finishes its headers, do not stop others', async () => {
    const sockets = Array.from({ length: 50 }, (_, i) => {
      const socket = tcpConnect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(handshake().slice(0, 40 + i * 3));
      return socket;
    });
    const slow = tcpConnect(server.port, '127.0.0.1');
    slow.on('error', () => undefined);
    slow.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`);
    await stillServes();
    for (const socket of sockets) socket.destroy();
    await stillServes();
    slow.destroy();
  });

  it('one address opening more WebSockets than allowed: the extra ones are refused (503), the others keep working', async () => {
    const limited = await startServer({ host: '127.0.0.1', port: 0, rendererDir, token: TOKEN, maxSocketsPerAddress: 5 });
    const open = (): Promise<WebSocket> =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${limited.port}/api`, {
          origin: `http://127.0.0.1:${limited.port}`,
          headers: { authorization: `token ${TOKEN}` },
        });
        socket.once('open', () => resolve(socket));
        socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
        socket.once('error', reject);
      });
    try {
      // Handshakes `ws` itself refuses are not counted.
      for (let i = 0; i < 8; i++) {
        const refused = await raw(
          handshake().replace(HANDSHAKE_KEY, '!!!').replaceAll(`:${server.port}`, `:${limited.port}`),
          1000,
          limited.port,
        );
        expect(statusOf(refused)).toBe(400);
      }
      const sockets = await Promise.all(Array.from({ length: 5 }, open));
      await expect(open()).rejects.toThrow(/503/);
      expect((await callOn(sockets[4], 1, 'app.info')).ok).toBe(true);
      sockets[0].close();
      await new Promise((resolve) => sockets[0].once('close', resolve));
      await expect
        .poll(
          async () =>
            open().then(
              (s) => (s.close(), 'opened'),
              () => 'refused',
            ),
          { timeout: 5000 },
        )
        .toBe('opened');
      for (const socket of sockets) socket.close();
    } finally {
      await limited.close();
    }
  });

  it('junk JSON of every shape gets an error reply on the same connection', async () => {
    const socket = await openClient();
    try {
      const samples = [
        '',
        'null',
        '42',
        '"x"',
        '[]',
        '{}',
        '{"type":"call"}',
        '{"type":"call","id":-1,"method":"app.info"}',
        '{"type":"call","id":1e400,"method":"app.info"}',
        '{"type":"call","id":3,"method":{"toString":1}}',
        '{"__proto__":{"polluted":1},"type":"call","id":4,"method":"app.info"}',
        '\u0000',
        '{"type":"call","id":5,"method":"app.info","payload":' + '1'.repeat(10_000) + '}',
      ];
      const replies: { result: { ok: boolean } }[] = [];
      socket.on('message', (data) => replies.push(JSON.parse(data.toString())));
      for (const sample of samples) socket.send(sample);
      socket.send(Buffer.from([1, 2, 3]), { binary: true });
      await expect.poll(() => replies.length, { timeout: 5000 }).toBe(samples.length + 1);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      socket.close();
    }
    await stillServes();
  });
});
