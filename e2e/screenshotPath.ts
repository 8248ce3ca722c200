/**
 * Where an e2e test saves a picture the docs show. Running the tests must not change tracked files, so by default
 * the pictures go to the ignored `test-results/docs/`; `UPDATE_SCREENSHOTS=1 npx playwright test` writes them over
 * the ones in `docs/` (then commit them).
 */
export function docsScreenshot(relativePath: string): string {
  return process.env.UPDATE_SCREENSHOTS === '1' ? `docs/${relativePath}` : `test-results/docs/${relativePath}`;
}
