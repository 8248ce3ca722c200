import { test as base, expect, type Page } from '@playwright/test';

/** A page that fails the test on any console error or CSP violation, so security regressions are visible. */
export const test = base.extend<{ page: Page; consoleErrors: string[] }>({
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, consoleErrors }, use) => {
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
