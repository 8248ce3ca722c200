import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { startOwnServer, stopOwnServer } from './ownServer';

/**
 * The server restarts under an open page (a lab PC's `sinapsis serve` stopped and started again): the page
 * reconnects, the new core (which lost the loaded dataset) gets it again from the page's session, and training works.
 */
const TOKEN = 'restart-e2e-token-0123456789abc';
const PORT = Number(process.env.SINAPSIS_E2E_PORT ?? 5187) + 1;
const state = mkdtempSync(join(tmpdir(), 'sinapsis-restart-'));

const startServer = () => startOwnServer(PORT, TOKEN, join(state, 'runs'));
const stopServer = stopOwnServer;

test.afterAll(() => rmSync(state, { recursive: true, force: true }));

test('the server restarts under the page: it reconnects and the dataset is loaded again in the new core', async ({
  page,
  consoleErrors,
}) => {
  let server = await startServer();
  try {
    await page.goto(`http://127.0.0.1:${PORT}/?token=${TOKEN}`);
    await page.getByRole('button', { name: 'Datos', exact: true }).click();
    await page.getByTestId('builtin-choice').selectOption('blobs');
    await page.getByTestId('builtin-load').click();
    await expect(page.getByTestId('table-rows')).toBeVisible();
    await stopServer(server);
    server = await startServer();
    // The page retries with a growing pause (at most 5 s), then opens the dataset again in the new core.
    await page.waitForTimeout(7_000);
    await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
    await page.getByTestId('train-epochs').fill('3');
    await page.getByTestId('train-epochs').press('Tab');
    await page.getByTestId('train-start').click();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', /completed|failed/, { timeout: 60_000 });
    await expect(page.getByTestId('train-error')).toHaveCount(0);
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed');
  } finally {
    await stopServer(server);
    // While the server was down the page kept trying to reconnect: Chromium logs each refused attempt.
    for (const message of consoleErrors.filter((text) => text.includes('net::ERR_CONNECTION_REFUSED')))
      consoleErrors.splice(consoleErrors.indexOf(message), 1);
  }
});
