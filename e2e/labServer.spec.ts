import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from './fixtures';

/**
 * Lab-server mode as a class meets it: `sinapsis serve --host 0.0.0.0 --token T`, opened from the token URL
 * (through 127.0.0.1, the address this machine can reach). The token becomes a cookie and leaves the address bar;
 * every asset and the WebSocket work with the cookie alone, also after a reload.
 */

const TOKEN = 'lab-server-e2e-token-0123456789';
let server: ChildProcess;
let port = 0;

test.beforeAll(async () => {
  server = spawn(process.execPath, ['out/main/cli.js', 'serve', '--host', '0.0.0.0', '--port', '0', '--token', TOKEN], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the lab server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /at http:\/\/0\.0\.0\.0:(\d+)\/\?token=/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
  });
});

test.afterAll(() => {
  server.kill('SIGTERM');
});

test('lab-server mode: the page loads from the token URL, the token leaves the address bar, the app works after a reload', async ({
  page,
  context,
}) => {
  const base = `http://127.0.0.1:${port}`;
  await page.goto(`${base}/?token=${TOKEN}`);
  await expect(page).toHaveURL(`${base}/`);
  await expect(page.getByRole('heading', { name: 'Bienvenido a Sinapsis' })).toBeVisible();
  // Backend and demo come over the WebSocket: it was accepted with the cookie.
  await expect(page.getByTestId('status-backend')).toHaveText(/Backend: wasm/);

  const session = (await context.cookies(base)).find((cookie) => cookie.name === `sinapsis-session-${port}`);
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(session?.value).not.toContain(TOKEN);
  // HttpOnly: the page's own scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('sinapsis-session');

  await page.reload();
  await expect(page).toHaveURL(`${base}/`);
  await page.getByRole('navigation').getByRole('button', { name: 'Acerca de' }).click();
  await page.getByTestId('demo-start').click();
  await expect(page.getByTestId('demo-outcome')).toHaveText(/20 eventos recibidos/);
});

test('lab-server mode: a link to the token URL from another page also signs the browser in', async ({ page }) => {
  const base = `http://127.0.0.1:${port}`;
  // A page of another origin (an LMS, a file:// page): the SameSite=Strict cookie must still work after the hop.
  await page.setContent(`<a id="class" href="${base}/?token=${TOKEN}">Clase</a>`);
  await page.click('#class');
  await expect(page).toHaveURL(`${base}/`);
  await expect(page.getByTestId('status-backend')).toHaveText(/Backend: wasm/);
});

test('lab-server mode: a browser without the token gets neither the page nor the API', async ({ browser }) => {
  const stranger = await browser.newContext();
  try {
    const page = await stranger.newPage();
    const response = await page.goto(`http://127.0.0.1:${port}/`);
    expect(response?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('access token is required');
    // A student who lost the cookie is told how to get back in, in each language.
    await expect(page.locator('body')).toContainText('Abre el enlace de la clase que te dio tu docente');
    await expect(page.locator('body')).toContainText('your return code');
    const wrong = await page.goto(`http://127.0.0.1:${port}/?token=not-the-token-0000000`);
    expect(wrong?.status()).toBe(401);
  } finally {
    await stranger.close();
  }
});
