import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultRunsRoot } from '../src/main/core/services';
import { expect, test } from './fixtures';
import { openTrainingOnBlobs } from './trainingFlows';
import { docsScreenshot } from './screenshotPath';

/**
 * Inspection while training, with the real core: a two-feature built-in set, the rule-of-thumb model, and the
 * weight histograms and decision regions that the trainer sends after its epochs.
 */
test.setTimeout(120_000);

test('Entrenamiento: weight histograms per layer and decision regions for a 2D dataset', async ({ page }) => {
  let runId: string | null = null;
  try {
    await openTrainingOnBlobs(page, { optimizer: 'adam', learningRate: 0.05, epochs: 40 });
    await page.getByTestId('train-start').click();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed', { timeout: 90_000 });
    runId = await page.getByTestId('train-run-id').textContent();

    const inspection = page.getByTestId('training-inspection');
    await expect(inspection).toBeVisible();
    const regions = page.getByTestId('decision-regions');
    await expect(regions.locator('canvas')).toBeVisible();
    expect(Number(await regions.getAttribute('data-points'))).toBeGreaterThan(50);
    // The canvas really is painted with more than one class colour.
    const colours = await regions.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add(`${data[i] >> 5},${data[i + 1] >> 5},${data[i + 2] >> 5}`);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(3);
    await expect(page.getByTestId('weight-histogram')).toHaveAttribute('data-epoch', /^[1-9]\d*$/);
    await expect(page.getByTestId('weight-stats')).toContainText('media');
    await page.getByTestId('weight-layer').selectOption({ index: 1 });
    await expect(page.getByTestId('weight-stats')).toBeVisible();
    await inspection.scrollIntoViewIfNeeded();
    await page.screenshot({ path: docsScreenshot('screenshots/inspeccion.png') });

    // Every chart re-labels itself on a language switch, without a reload (the histogram's titles once stayed Spanish).
    const histogramAxes = page.getByTestId('weight-histogram').locator('.bar-chart');
    const lossChart = page.getByTestId('loss-chart');
    await expect(histogramAxes).toHaveAttribute('data-axes', 'Valor del peso | Número de pesos');
    await expect(lossChart).toHaveAttribute('data-axes', 'Época | Pérdida');
    await page.getByTestId('language').selectOption('en');
    await expect(histogramAxes).toHaveAttribute('data-axes', 'Weight value | Number of weights');
    await expect(lossChart).toHaveAttribute('data-axes', 'Epoch | Loss');
    await expect(lossChart).toHaveAttribute('data-legend', /^training loss( \| validation loss)?$/);
    await page.getByTestId('language').selectOption('pt');
    await expect(histogramAxes).toHaveAttribute('data-axes', 'Valor do peso | Número de pesos');
    await expect(lossChart).toHaveAttribute('data-axes', 'Época | Perda');
    await page.getByTestId('language').selectOption('es');
    await expect(histogramAxes).toHaveAttribute('data-axes', 'Valor del peso | Número de pesos');

    // The same inspection comes back with the run in Evaluación.
    await page.getByTestId('train-open-evaluation').click();
    const stored = page.getByTestId('eval-inspection');
    await expect(stored.getByTestId('weight-histogram')).toBeVisible();
    await expect(stored.getByTestId('decision-regions')).toHaveAttribute('data-points', /^[1-9]\d*$/);
    await expect(stored.getByTestId('weight-stats')).toContainText('desviación');
  } finally {
    if (runId) await rm(join(defaultRunsRoot(), runId.trim()), { recursive: true, force: true });
  }
});
