import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';

/** A lab server of its own for a spec: `sinapsis serve --host 0.0.0.0 --port 0 --token T`, reached through 127.0.0.1. */
export interface LabServer {
  process: ChildProcess;
  base: string;
  classUrl: string;
  /** Everything the server printed so far (the teacher's terminal). */
  output: () => string;
}

export async function startLabServer(token: string): Promise<LabServer> {
  const scratch = mkdtempSync(join(tmpdir(), 'sinapsis-lab-e2e-'));
  const server = spawn(process.execPath, ['out/main/cli.js', 'serve', '--host', '0.0.0.0', '--port', '0', '--token', token], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SINAPSIS_RUNS_DIR: join(scratch, 'teacher-runs'),
      SINAPSIS_WORKSPACES_DIR: join(scratch, 'workspaces'),
      SINAPSIS_CACHE_DIR: join(scratch, 'cache'),
    },
  });
  let output = '';
  const found = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the lab server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /at: http:\/\/0\.0\.0\.0:(\d+)(\/join\?code=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
  });
  const base = `http://127.0.0.1:${found[1]}`;
  return { process: server, base, classUrl: `${base}${found[2]}`, output: () => output };
}

/** One contract call from a page's own origin and cookies, as a tampered page could make it. */
export async function callFrom(
  page: Page,
  method: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return page.evaluate(
    ([name, body]) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/api`);
        socket.onopen = () => socket.send(JSON.stringify({ type: 'call', id: 7, method: name, payload: body }));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; id?: number; result?: unknown };
          if (message.type !== 'result' || message.id !== 7) return;
          socket.close();
          resolve(message.result as { ok: boolean });
        };
        socket.onerror = () => reject(new Error('socket refused'));
      }),
    [method, payload] as const,
  );
}

/**
 * A student signs in with their name through the class link in a browser of their own (a new context), is shown
 * their return code once, and enters. Returns the page and that code.
 */
export async function signIn(browser: Browser, lab: LabServer, name: string): Promise<{ page: Page; code: string }> {
  const context = await browser.newContext({ baseURL: lab.base, locale: 'es-ES', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(lab.classUrl);
  await expect(page.getByRole('heading', { name: 'Entrar a la clase' })).toBeVisible();
  await page.getByTestId('signin-name').fill(name);
  await page.getByTestId('signin-submit').click();
  const code = (await page.getByTestId('signin-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\w{4}-\w{4}-\w{4}$/);
  await page.getByTestId('signin-continue').click();
  await expect(page.getByRole('heading', { name: 'Bienvenido a Sinapsis' })).toBeVisible();
  const session = (await context.cookies(lab.base)).find((cookie) => cookie.name.startsWith('sinapsis-session-'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  return { page, code };
}
