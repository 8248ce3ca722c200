import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../serve';
import { parseStudentList, studentToken } from './labServer';

const rendererDir = mkdtempSync(join(tmpdir(), 'sinapsis-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sinapsis</title>');
const TOKEN = 'lab-server-unit-token-0123456789';

function labOptions(students: string[] | null) {
  return { dataRoots: [], students, workspacesRoot: mkdtempSync(join(tmpdir(), 'sinapsis-lab-ws-')), datasetBudgetMb: 64 };
}

/** The caller a session cookie gives, asked over the WebSocket as a page would. */
function whoAmI(port: number, cookie: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api`, { origin: `http://127.0.0.1:${port}`, headers: { Cookie: cookie } });
    socket.once('open', () => socket.send(JSON.stringify({ type: 'call', id: 1, method: 'workspace.current', payload: {} })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; result?: unknown };
      if (message.type !== 'result') return;
      socket.close();
      resolve(message.result);
    });
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

const cookiePair = (res: Response): string => (res.headers.get('set-cookie') ?? '').split(';')[0];

describe('lab server doors', () => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it('--students: each listed student has a link of their own that opens their workspace; sign-in by name is off', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, rendererDir, token: TOKEN, lab: labOptions(['Ana García', 'Bruno']) });
    servers.push(server);
    expect(server.lab?.classUrl).toBeNull();
    expect(server.lab?.students.map((s) => s.name)).toEqual(['Ana García', 'Bruno']);
    const anaUrl = new URL(server.lab!.students[0].url);
    expect(anaUrl.searchParams.get('token')).toBe(studentToken(TOKEN, 'ana-garcia'));
    const first = await fetch(`http://127.0.0.1:${server.port}/?token=${anaUrl.searchParams.get('token')}`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(await whoAmI(server.port, cookiePair(first))).toEqual({
      ok: true,
      value: { mode: 'lab', role: 'student', workspace: { id: 'ana-garcia', name: 'Ana García' } },
    });
    expect((await fetch(`http://127.0.0.1:${server.port}/join?code=anything`)).status).toBe(401);
    // A made-up student token is no one.
    expect(
      (
        await fetch(`http://127.0.0.1:${server.port}/?token=${studentToken('another-token-0000000000', 'ana-garcia')}`, {
          redirect: 'manual',
        })
      ).status,
    ).toBe(401);
  });

  it('sign-in by name: only through the class link, only from our own page, and a name only once', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, rendererDir, token: TOKEN, lab: labOptions(null) });
    servers.push(server);
    const base = `http://127.0.0.1:${server.port}`;
    const classUrl = new URL(server.lab!.classUrl!);
    expect((await fetch(`${base}/api/session`)).status).toBe(401);
    expect((await fetch(`${base}/`)).status).toBe(401);
    const join = await fetch(`${base}${classUrl.pathname}${classUrl.search}`, { redirect: 'manual' });
    expect(join.status).toBe(302);
    const joinCookie = cookiePair(join);
    expect(join.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    // With the class link's cookie: the page (to sign in) and the session state, not the API.
    expect((await fetch(`${base}/`, { headers: { Cookie: joinCookie } })).status).toBe(200);
    expect(await (await fetch(`${base}/api/session`, { headers: { Cookie: joinCookie } })).json()).toEqual({ state: 'sign-in' });
    await expect(whoAmI(server.port, joinCookie)).rejects.toThrow(/403/);

    const signIn = (name: string, headers: Record<string, string>) =>
      fetch(`${base}/api/signin`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ name }),
      });
    expect((await signIn('Ana', { Cookie: joinCookie })).status).toBe(403);
    expect((await signIn('Ana', { Origin: 'http://evil.example', Cookie: joinCookie })).status).toBe(403);
    expect((await signIn('Ana', { Origin: base })).status).toBe(403);
    const signed = await signIn('Ana', { Origin: base, Cookie: joinCookie });
    expect(await signed.clone().json()).toEqual({ ok: true, name: 'Ana' });
    expect(signed.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Max-Age=/);
    expect(await whoAmI(server.port, cookiePair(signed))).toMatchObject({ ok: true, value: { role: 'student', workspace: { id: 'ana' } } });
    expect(await (await signIn('ANA', { Origin: base, Cookie: joinCookie })).json()).toMatchObject({
      ok: false,
      error: { code: 'workspace-name-taken' },
    });
    expect(await (await signIn('', { Origin: base, Cookie: joinCookie })).json()).toMatchObject({
      ok: false,
      error: { code: 'workspace-name-invalid' },
    });
  });

  it('reads a students list: one name a line, comments and blanks skipped, the same student twice refused', () => {
    expect(parseStudentList('# 2º A\nAna García\n\n  Bruno  \n')).toEqual(['Ana García', 'Bruno']);
    expect(() => parseStudentList('Ana García\nana garcia\n')).toThrow(/Line 2/);
  });
});
