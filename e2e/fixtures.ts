import WebSocket from 'ws';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { TEACHER } from '../src/main/core/caller';
import { ServerAuth } from '../src/main/door/serverAuth';
import { E2E_PORT, E2E_TOKEN } from '../playwright.config';

/**
 * The session cookie a browser gets by opening the server's token URL, given to every context up front so each
 * test can start at any address (e2e/labServer.spec.ts goes through the token URL itself).
 */
export function teacherCookie(port = E2E_PORT, token = E2E_TOKEN) {
  const [pair] = new ServerAuth(token, port).sessionCookie(TEACHER).split(';');
  const equals = pair.indexOf('=');
  return {
    name: pair.slice(0, equals),
    value: pair.slice(equals + 1),
    domain: '127.0.0.1',
    path: '/',
    httpOnly: true,
    sameSite: 'Strict' as const,
  };
}

/**
 * The core keeps the session of its workspace between page loads; each test starts from a forgotten one, as
 * each starts from a clean browser profile.
 */
export async function resetKeptSession(): Promise<void> {
  const cookie = teacherCookie();
  await new Promise<void>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${E2E_PORT}/api`, {
      origin: `http://127.0.0.1:${E2E_PORT}`,
      headers: { Cookie: `${cookie.name}=${cookie.value}` },
    });
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'call', id: 1, method: 'session.reset', payload: { pageId: 'e2e-fixture' } })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; result?: { ok: boolean } };
      if (message.type !== 'result') return;
      socket.close();
      if (message.result?.ok) resolve();
      else reject(new Error(`session.reset failed: ${String(data)}`));
    });
    socket.on('error', reject);
  });
}

/** A page that fails the test on any console error or CSP violation, so security regressions are visible. */
export const test = base.extend<{ page: Page; context: BrowserContext; consoleErrors: string[] }>({
  context: async ({ context }, use) => {
    await context.addCookies([teacherCookie()]);
    await use(context);
  },
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, consoleErrors }, use) => {
    await resetKeptSession();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // Start each test from a clean profile, but keep what the test itself stores across reloads.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('sinapsis.e2e')) {
        localStorage.clear();
        sessionStorage.setItem('sinapsis.e2e', '1');
      }
    });
    await use(page);
    expect(consoleErrors, 'console errors / CSP violations').toEqual([]);
  },
});

export { expect };
