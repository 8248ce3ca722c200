import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The machine's network is closed: keep Chromium from trying to reach Google at start (a spec adding flags keeps these). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const E2E_PORT = Number(process.env.SINAPSIS_E2E_PORT ?? 5187);
/** The server's access token (as a teacher would pass it): fixed, so fixtures can give every context its cookie. */
export const E2E_TOKEN = process.env.SINAPSIS_E2E_TOKEN ?? 'e2e-access-token-0123456789';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['./e2e/skipReasonReporter.ts']],
  outputDir: 'test-results',
  // Browser mode from the built bundle: the same files a release ships.
  webServer: {
    command: `node out/main/cli.js serve --port ${E2E_PORT}`,
    // Any answer (401 without the cookie) means the server is up.
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    // A short grace period, so that "close the tab while paused" sees the training stopped within the test; the
    // token through the environment, as a teacher would keep it out of the process list.
    env: { ...process.env, SINAPSIS_TASK_GRACE_SECONDS: '2', SINAPSIS_TOKEN: E2E_TOKEN } as Record<string, string>,
  },
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
    viewport: { width: 1280, height: 800 },
  },
});
