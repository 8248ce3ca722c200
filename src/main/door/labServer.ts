import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { SinapsisError } from '../../shared/contract/errors';
import type { Caller } from '../core/caller';
import type { Core, CoreServices } from '../core';
import { builtinDatasetsDir } from '../core/datasets/builtins';
import { FileAccessPolicy } from '../core/files';
import { workspaceIdOf } from '../core/workspaces/workspaces';
import { parseCookies, secretsMatch, type ServerAuth } from './serverAuth';
import { send } from './staticFiles';

/**
 * A lab server: `sinapsis serve --host 0.0.0.0` (or `--lab`) for a class. The teacher holds the server's token;
 * each student works in a workspace of their own, reached either
 *
 * - by signing in with their name the first time (the teacher shares the class link `/join?code=…`, whose code is
 *   derived from the token; the sign-in gives the browser a session cookie naming the student), or
 * - with a link of their own (`--students list.txt`: one name per line; each student's token is derived from the
 *   server's token and their name, so the links stay the same across restarts with the same `--token`).
 *
 * The server reads only inside the teacher's `--data` folders, the bundled datasets and each student's own folder.
 */
export interface LabServeOptions {
  /** Folders students may open (`--data`, repeatable). */
  dataRoots: string[];
  /** Names from `--students` (sign-in by name is then off), or null for sign-in by name. */
  students: string[] | null;
  /** Where the students' workspaces live (`--workspaces`). */
  workspacesRoot: string;
  /** Loaded datasets each student's workspace may hold, in MB (`--workspace-memory`). */
  datasetBudgetMb: number;
  /** Where a line for the teacher goes (the serve command's output): each new student's return code. */
  tell?: (line: string) => void;
}

export const DEFAULT_WORKSPACE_MEMORY_MB = 1024;

/**
 * What a browser that has not signed in (or lost its cookie, or has a stale link) reads on a lab server, before any
 * page can choose a language: every language at once, saying how to get in.
 */
export const LAB_REFUSED_TEXT = [
  'Sinapsis (servidor de la clase): este navegador todavía no entró. Abre el enlace de la clase que te dio tu docente y escribe tu nombre (si ya entraste antes, también tu código de regreso); si tu docente te dio un enlace propio, ábrelo de nuevo.',
  'Sinapsis (servidor da turma): este navegador ainda não entrou. Abra o link da turma que o professor passou e escreva seu nome (se já entrou antes, também seu código de retorno); se o professor lhe deu um link próprio, abra-o de novo.',
  'Sinapsis (class server): this browser has not joined yet. Open the class link your teacher gave you and type your name (and your return code if you joined before); if your teacher gave you a link of your own, open it again.',
].join('\n');
/** How long a sign-in lasts in that browser (a term). */
const SESSION_SECONDS = 180 * 24 * 3600;
const MAX_SIGNIN_BYTES = 4096;
/** A class fits many times over; this only stops a script from filling the disk with workspaces. */
export const MAX_WORKSPACES = 500;

/** The core services of a lab server: the file policy of its roots and the students' workspaces. */
export function labServices(options: LabServeOptions, serverToken: string): Partial<CoreServices> {
  return {
    files: new FileAccessPolicy({ roots: [...options.dataRoots.map((root) => resolve(root)), builtinDatasetsDir()] }),
    lab: {
      root: resolve(options.workspacesRoot),
      datasetBudgetBytes: options.datasetBudgetMb * 1024 ** 2,
      // Only sign-in by name has return codes (a `--students` student comes back with their own link).
      ...(options.students === null ? { returnCodeOf: (id: string) => returnCode(serverToken, id) } : {}),
    },
  };
}

/** The secret bytes of one purpose, derived from the server's token (HMAC-SHA-256), so nothing needs storing. */
function derivedBytes(token: string, purpose: string): Buffer {
  return createHmac('sha256', token).update(`sinapsis ${purpose}`).digest();
}

function derived(token: string, purpose: string, length: number): string {
  return derivedBytes(token, purpose).toString('base64url').slice(0, length);
}

/** The per-student token of `--students`: derived, so the same `--token` gives the same links after a restart. */
export function studentToken(serverToken: string, studentId: string): string {
  return derived(serverToken, `student token ${studentId}`, 32);
}

/** The code of the class sign-in link. */
export function classCode(serverToken: string): string {
  return derived(serverToken, 'class code', 16);
}

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/**
 * A student's return code: what brings them back to their workspace from a browser without their cookie (a private
 * window, cleared cookies, another lab PC), typed with their name at the class link. Derived from the server's token
 * and the workspace id, so it stays the same across restarts with the same `--token` and needs no storage; shown
 * once to the student when they first sign in and printed on the teacher's terminal. 12 symbols of 31 (59 bits):
 * guessing one over the network is out of reach.
 */
export function returnCode(serverToken: string, studentId: string): string {
  const bytes = derivedBytes(serverToken, `return code ${studentId}`);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A return code as typed: case, spaces and dashes do not matter. */
function normalizeCode(typed: string): string {
  const bare = typed.toUpperCase().replace(/[\s-]+/g, '');
  return bare.length === CODE_LENGTH ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}` : bare;
}

/** Reads the requests's body, at most `limit` bytes (a larger one is refused without reading on). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => done(null));
  });
}

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', extra);
}

export class LabDoor {
  private readonly joinCookie: string;
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly options: LabServeOptions,
    private readonly core: Core,
    private readonly serverToken: string,
    port: number,
  ) {
    this.joinCookie = `sinapsis-join-${port}`;
  }

  /** Creates the listed students' workspaces; returns each one's name and token. */
  async prepareStudents(): Promise<{ name: string; id: string; token: string }[]> {
    const listed: { name: string; id: string; token: string }[] = [];
    for (const name of this.options.students ?? []) {
      const workspace = await this.core.workspaces.create(name, 'reuse');
      const token = studentToken(this.serverToken, workspace.id);
      this.tokens.set(token, workspace.id);
      listed.push({ name: workspace.name, id: workspace.id, token });
    }
    return listed;
  }

  /** For ServerAuth: the student a presented per-student token belongs to. */
  readonly studentOf = (presented: string): Caller | null => {
    for (const [token, studentId] of this.tokens) if (secretsMatch(token, presented)) return { role: 'student', studentId };
    return null;
  };

  get signInByName(): boolean {
    return this.options.students === null;
  }

  /** The link the teacher shares with the class (sign-in by name), or null when `--students` gives each their own. */
  classPath(): string | null {
    return this.signInByName ? `/join?code=${classCode(this.serverToken)}` : null;
  }

  /** A browser that followed the class link (may load the page to sign in, nothing else). */
  isGuest(req: IncomingMessage): boolean {
    return this.signInByName && secretsMatch(classCode(this.serverToken), parseCookies(req.headers.cookie).get(this.joinCookie));
  }

  /**
   * The lab server's own routes: `/join` (class link -> join cookie, then the page), `/api/session` (does this
   * browser still have to sign in?) and `/api/signin` (POST a name). Returns false for any other path.
   */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, auth: ServerAuth, signedIn: boolean): boolean {
    if (url.pathname === '/join') {
      if (!this.signInByName || !secretsMatch(classCode(this.serverToken), url.searchParams.get('code'))) {
        send(res, 401, LAB_REFUSED_TEXT);
        return true;
      }
      const cookie = `${this.joinCookie}=${classCode(this.serverToken)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}`;
      send(res, 302, '', 'text/plain; charset=utf-8', { 'Set-Cookie': cookie, Location: '/' });
      return true;
    }
    if (url.pathname === '/api/session') {
      if (req.method !== 'GET') return (send(res, 405, 'Method not allowed', undefined, { Allow: 'GET' }), true);
      if (signedIn) json(res, 200, { state: 'signed-in' });
      else if (this.isGuest(req)) json(res, 200, { state: 'sign-in' });
      else send(res, 401, LAB_REFUSED_TEXT);
      return true;
    }
    if (url.pathname === '/api/signin') {
      void this.signIn(req, res, auth);
      return true;
    }
    return false;
  }

  private async signIn(req: IncomingMessage, res: ServerResponse, auth: ServerAuth): Promise<void> {
    // Only our own page may sign in (a form on another site cannot: it has neither the Origin nor the join cookie).
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed', undefined, { Allow: 'POST' });
    if (req.headers.origin !== `http://${req.headers.host ?? ''}` || !this.isGuest(req)) return send(res, 403, 'Forbidden');
    const body = await readBody(req, MAX_SIGNIN_BYTES);
    let fields: { name?: unknown; code?: unknown } = {};
    try {
      fields = body === null ? {} : ((JSON.parse(body) as typeof fields | null) ?? {});
    } catch {
      fields = {};
    }
    const { name, code } = fields;
    try {
      if (typeof name !== 'string') throw new SinapsisError('workspace-name-invalid', 'Type your name to sign in.', { max: 60 });
      const id = workspaceIdOf(name);
      const exists = await this.core.workspaces.exists(id);
      const cookieFor = (studentId: string): Record<string, string> => ({
        'Set-Cookie': auth.sessionCookie({ role: 'student', studentId }, { maxAgeSeconds: SESSION_SECONDS }),
      });
      if (exists && typeof code === 'string' && code.trim()) {
        // Coming back without the cookie: the name's own return code, and nothing else, reopens that workspace.
        const workspace = await this.core.workspaces.student(id);
        if (!secretsMatch(returnCode(this.serverToken, id), normalizeCode(code))) {
          throw new SinapsisError(
            'workspace-code-wrong',
            `That is not the return code of "${workspace.name}". Check it (it was shown when you first signed in, e.g. ABCD-EFGH-JKMN) or ask your teacher for it.`,
            { name: workspace.name },
          );
        }
        return json(res, 200, { ok: true, name: workspace.name, returned: true }, cookieFor(id));
      }
      if (!exists && (await this.core.workspaces.list()).length >= MAX_WORKSPACES) {
        throw new SinapsisError('workspace-limit', `This server already has ${MAX_WORKSPACES} workspaces, its limit. Ask your teacher.`, {
          limit: MAX_WORKSPACES,
        });
      }
      const workspace = await this.core.workspaces.create(name, 'refuse');
      const issued = returnCode(this.serverToken, workspace.id);
      // The teacher's copy, for a student who lost theirs.
      this.options.tell?.(`${workspace.name} joined the class; return code: ${issued}\n`);
      json(res, 200, { ok: true, name: workspace.name, code: issued }, cookieFor(workspace.id));
    } catch (error) {
      if (error instanceof SinapsisError) return json(res, 200, { ok: false, error: error.toContract() });
      console.error('[sinapsis] sign-in failed:', error);
      json(res, 500, { ok: false, error: { code: 'internal', message: 'Sign-in failed on the server.' } });
    }
  }
}

/** Reads a `--students` file: one name per line; blank lines and lines starting with # are skipped. */
export function parseStudentList(text: string): string[] {
  const names = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const seen = new Map<string, string>();
  for (const [index, name] of names.entries()) {
    const id = workspaceIdOf(name);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new SinapsisError(
        'students-duplicate',
        `Line ${index + 1} of the students list ("${name}") is the same student as "${earlier}". Give each student a different name.`,
        { line: index + 1 },
      );
    }
    seen.set(id, name);
  }
  return names;
}
