import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../serve';
import { parseStudentList, returnCode, studentToken } from './labServer';

const rendererDir = mkdtempSync(join(tmpdir(), 'sinapsis-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sinapsis</title>');
const TOKEN = 'lab-server-unit-token-0123456789';

function labOptions(students: string[] | null) {
  return { dataRoots: [], students, workspacesRoot: mkdtempSync(join(tmpdir(), 'sinapsis-lab-ws-')), datasetBudgetMb: 64 };
}

/** The caller a session cookie gives, asked over the WebSocket as a page would. */
function whoAmI(port: number, cookie: string, method = 'workspace.current'): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api`, { origin: `http://127.0.0.1:${port}`, headers: { Cookie: cookie } });
    socket.once('open', () => socket.send(JSON.stringify({ type: 'call', id: 1, method, payload: {} })));
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
    // Listed students come back with their link: no return code.
    const teacher = await fetch(`http://127.0.0.1:${server.port}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(await whoAmI(server.port, cookiePair(teacher), 'workspace.list')).toMatchObject({
      ok: true,
      value: {
        workspaces: [
          { id: 'ana-garcia', returnCode: null },
          { id: 'bruno', returnCode: null },
        ],
      },
    });
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
    const told: string[] = [];
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      rendererDir,
      token: TOKEN,
      lab: { ...labOptions(null), tell: (line) => told.push(line) },
    });
    servers.push(server);
    const base = `http://127.0.0.1:${server.port}`;
    const classUrl = new URL(server.lab!.classUrl!);
    expect((await fetch(`${base}/api/session`)).status).toBe(401);
    const stranger = await fetch(`${base}/`);
    expect(stranger.status).toBe(401);
    // A browser without its cookie is told, in es / pt / en, how to get back in.
    expect(await stranger.text()).toMatch(/enlace de la clase[\s\S]*link da turma[\s\S]*class link[\s\S]*return code/);
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
    expect(await signed.clone().json()).toEqual({ ok: true, name: 'Ana', code: returnCode(TOKEN, 'ana') });
    expect(signed.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Max-Age=/);
    expect(await whoAmI(server.port, cookiePair(signed))).toMatchObject({ ok: true, value: { role: 'student', workspace: { id: 'ana' } } });
    expect(await (await signIn('ANA', { Origin: base, Cookie: joinCookie })).json()).toMatchObject({
      ok: false,
      error: { code: 'workspace-name-taken' },
    });
    // Ana's return code, shown once to her, brings her back from a browser without her cookie; nothing else does.
    const issued = ((await signed.json()) as { code: string }).code;
    expect(issued).toBe(returnCode(TOKEN, 'ana'));
    expect(issued).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(returnCode(TOKEN, 'bruno')).not.toBe(issued);
    expect(told).toEqual([`Ana joined the class; return code: ${issued}\n`]);
    const back = (name: string, code: string) =>
      fetch(`${base}/api/signin`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: base, Cookie: joinCookie },
        body: JSON.stringify({ name, code }),
      });
    for (const wrong of [
      returnCode(TOKEN, 'bruno'),
      returnCode('another-token-0000000000', 'ana'),
      'ABCD-EFGH-JKMN',
      issued.slice(0, -1),
    ]) {
      const refused = await back('Ana', wrong);
      expect(refused.headers.get('set-cookie')).toBeNull();
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'workspace-code-wrong', params: { name: 'Ana' } } });
    }
    // Typed in lower case with spaces, under another spelling of the name: the same student.
    const returned = await back(' ana ', issued.toLowerCase().replace(/-/g, ' '));
    expect(await returned.clone().json()).toEqual({ ok: true, name: 'Ana', returned: true });
    expect(await whoAmI(server.port, cookiePair(returned))).toMatchObject({
      ok: true,
      value: { role: 'student', workspace: { id: 'ana' } },
    });
    // The teacher reads each student's code in Evaluación (workspace.list), for one who lost theirs.
    const teacher = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(await whoAmI(server.port, cookiePair(teacher), 'workspace.list')).toMatchObject({
      ok: true,
      value: { workspaces: [{ id: 'ana', returnCode: issued }] },
    });
    expect(await whoAmI(server.port, cookiePair(returned), 'workspace.list')).toMatchObject({ ok: false, error: { code: 'teacher-only' } });
    // A code with a new name is just a sign-in (the code is not needed, and not taken as anyone's).
    expect(await (await back('Bruno', issued)).json()).toMatchObject({ ok: true, name: 'Bruno', code: returnCode(TOKEN, 'bruno') });
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
