import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultRunsRoot } from '../src/main/core/services';
import { methods } from '../src/shared/contract';
import { expect, test } from './fixtures';
import { docsScreenshot } from './screenshotPath';

/**
 * The lab session end to end: the bundled digits, HOG features (the lab setting, 320 per image), the MLP
 * 320-18-10 preset, a few epochs of training with live curves, then the evaluation of that run: confusion
 * matrix with real counts and a click-through gallery of test images with their probabilities.
 */
test.setTimeout(300_000);

test('workflow: digits -> HOG -> MLP 320-18-10 -> train -> confusion matrix and gallery', async ({ page }) => {
  // Runs as soon as the experiment pipeline is part of the contract (it is being built alongside this view).
  test.skip(!Object.prototype.hasOwnProperty.call(methods, 'experiment.run'), 'experiment.run is not registered in the contract yet');
  let runId: string | null = null;
  try {
    await page.goto('/#/datos');
    await page.getByTestId('builtin-choice').selectOption('digits');
    await page.getByTestId('builtin-load').click();
    await expect(page.getByTestId('image-total')).toHaveText('5000', { timeout: 120_000 });

    await page.getByRole('button', { name: 'Modelo', exact: true }).click();
    await expect(page.getByTestId('model-input-shape')).toHaveText('[320]');
    await page.getByTestId('model-preset').selectOption('mlp320_18_10');
    await page.getByTestId('model-preset-apply').click();
    await expect(page.getByTestId('model-total-params')).toHaveText('5968');
    await expect(page.getByTestId('layer-0-shape')).toHaveText('[18]');
    await expect(page.getByTestId('layer-1-shape')).toHaveText('[10]');
    await page.getByTestId('model-summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: docsScreenshot('screenshots/modelo.png') });

    await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
    await expect(page.getByTestId('training-model')).toContainText('5968');
    await page.getByTestId('train-optimizer').selectOption('adam');
    await page.getByTestId('train-lr').fill('0.01');
    await page.getByTestId('train-lr').press('Tab');
    await page.getByTestId('train-epochs').fill('6');
    await page.getByTestId('train-epochs').press('Tab');
    await page.getByTestId('train-split').selectOption('train-val-test');
    await page.screenshot({ path: 'test-results/entrenamiento-setup.png' });
    await page.getByTestId('train-start').click();

    // Live: the curves grow while training runs (HOG extraction comes first).
    const curves = page.getByTestId('training-curves');
    await expect(page.locator('[data-testid="training-curves"]:not([data-epochs="0"]), [data-testid="train-error"]').first()).toBeVisible({
      timeout: 180_000,
    });
    expect(await page.getByTestId('train-error').count(), (await page.getByTestId('train-error').allTextContents()).join(' ')).toBe(0);
    await expect(page.getByTestId('train-engine-in-use')).toContainText(/didactic|tfjs/);
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed', { timeout: 180_000 });
    await expect(curves).toHaveAttribute('data-epochs', '6');
    await expect(page.getByTestId('loss-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('accuracy-chart').locator('canvas')).toBeVisible();
    const testAccuracy = await page.getByTestId('train-accuracy-test').textContent();
    expect(testAccuracy).toMatch(/^\d{1,3},\d\s%$/);
    // Six epochs of Adam on HOG digits learn far more than chance (10 %).
    expect(Number(testAccuracy!.replace(/[^\d,]/g, '').replace(',', '.'))).toBeGreaterThan(60);
    runId = await page.getByTestId('train-run-id').textContent();
    await page.getByTestId('training-curves').scrollIntoViewIfNeeded();
    await page.screenshot({ path: docsScreenshot('screenshots/entrenamiento.png') });

    await page.getByTestId('train-open-evaluation').click();
    await expect(page.getByTestId('eval-overview')).toContainText(runId!);
    const matrix = page.getByTestId('confusion-matrix');
    await expect(matrix.locator('tbody tr')).toHaveCount(10);
    // 15 % of 5000 test images, stratified: 750 counts in the matrix.
    const counts = await matrix.locator('tbody td').allTextContents();
    expect(counts).toHaveLength(100);
    expect(counts.reduce((sum, text) => sum + Number(text.replace(/\D/g, '')), 0)).toBe(750);
    await expect(page.getByTestId('eval-per-class').locator('tbody tr')).toHaveCount(12);
    await page.getByTestId('eval-confusion').scrollIntoViewIfNeeded();
    await page.screenshot({ path: docsScreenshot('screenshots/evaluacion.png') });

    // The largest off-diagonal cell (a real confusion), or a diagonal one if the model made no mistake.
    const target = await matrix.evaluate((table) => {
      let best = { id: 'cm-0-0', count: 0 };
      table.querySelectorAll<HTMLTableCellElement>('td[data-testid^="cm-"]').forEach((cell) => {
        const [, i, j] = cell.dataset.testid!.split('-');
        const count = Number(cell.textContent!.replace(/\D/g, ''));
        if (i !== j && count > best.count) best = { id: cell.dataset.testid!, count };
      });
      return best.id;
    });
    await page.getByTestId(target).click();
    const gallery = page.getByTestId('prediction-gallery');
    await expect(gallery.getByTestId('prediction-card').first()).toBeVisible();
    await expect(gallery.locator('img').first()).toBeVisible();
    await expect(gallery.getByTestId('prediction-probability').first()).toHaveText(/\d+(,\d)?\s%/);
    await gallery.scrollIntoViewIfNeeded();
    await page.screenshot({ path: docsScreenshot('screenshots/galeria.png') });
  } finally {
    if (runId) await rm(join(defaultRunsRoot(), runId.trim()), { recursive: true, force: true });
  }
});
