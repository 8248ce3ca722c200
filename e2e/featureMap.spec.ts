import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { formatDecimal } from '../src/shared/i18n/formatNumber';
import { modelPresets } from '../src/shared/models/presets';
import { loadDigitsInDatos, openRun, trainOnDigits } from './digitsFlows';
import { expect, test } from './fixtures';
import { docsScreenshot } from './screenshotPath';

/**
 * "Mapa de características" on the bundled digits: the HOG map in Características (and its Cancel), then a small
 * MLP's run in Evaluación with its HOG inputs and its hidden layer side by side, the sample under the pointer with
 * its thumbnail, the misclassified test samples ringed (as many as predictions.json holds), a clicked sample opened
 * with its prediction.
 */
test.setTimeout(360_000);

const DIGITS = 5000;

/** Moves the pointer over a grid of places on the map until the sample under it shows its tooltip. */
async function hoverSomePoint(page: Page, scatter: Locator): Promise<void> {
  const canvas = scatter.getByTestId('embedding-canvas');
  const box = (await canvas.boundingBox())!;
  for (let row = 1; row < 10; row++) {
    for (let column = 1; column < 10; column++) {
      await page.mouse.move(box.x + (box.width * column) / 10, box.y + (box.height * row) / 10);
      if (await scatter.getByTestId('embedding-tooltip').isVisible()) return;
    }
  }
  throw new Error('no sample found under the pointer anywhere on the map');
}

test('Mapa de características: HOG digits in Características, HOG vs hidden layer side by side in Evaluación, thumbnails, rings, cancel', async ({
  page,
}) => {
  let dir = '';
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await loadDigitsInDatos(page);

    // Características: the lab's HOG (320 values) of every digit, by PCA.
    await page.getByRole('button', { name: 'Características', exact: true }).click();
    const featuresMap = page.getByTestId('features-map');
    await featuresMap.scrollIntoViewIfNeeded();
    await expect(featuresMap.getByTestId('features-map-features')).toContainText('HOG (320 valores)');
    await featuresMap.getByTestId('embedding-method').selectOption('pca');
    await featuresMap.getByTestId('embedding-compute').click();
    const hogScatter = featuresMap.getByTestId('features-map-features-scatter');
    await expect(hogScatter).toHaveAttribute('data-points', String(DIGITS), { timeout: 180_000 });
    await expect(featuresMap.getByTestId('embedding-summary')).toContainText(`PCA: ${formatDecimal(DIGITS, 'es')} muestras de 320 valores`);
    await expect(featuresMap.getByTestId('embedding-summary')).toContainText('de la varianza');
    await expect(hogScatter.getByTestId('embedding-legend').locator('li')).toHaveCount(10);
    // A dataset's map has no predictions: nothing ringed, no ring in the legend.
    await expect(hogScatter).toHaveAttribute('data-ringed', '0');
    await expect(hogScatter.getByTestId('embedding-ring-legend')).toHaveCount(0);
    await hoverSomePoint(page, hogScatter);
    await expect(hogScatter.getByTestId('embedding-tooltip')).toContainText('Clase:');
    await expect(hogScatter.getByTestId('embedding-thumbnail')).toHaveAttribute('src', /^data:image\//);

    // t-SNE of 5,000 samples takes seconds: Cancel stops it and says so.
    await featuresMap.getByTestId('embedding-method').selectOption('tsne');
    await featuresMap.getByTestId('embedding-compute').click();
    await expect(featuresMap.getByTestId('embedding-progress')).toBeVisible();
    await featuresMap.getByTestId('embedding-cancel').click();
    await expect(featuresMap.getByTestId('embedding-cancelled')).toBeVisible({ timeout: 60_000 });
    await expect(featuresMap.getByTestId('embedding-progress')).toHaveCount(0);
    await expect(featuresMap.getByTestId('embedding-compute')).toBeEnabled();

    // A small MLP on the same HOG features, then its maps in Evaluación.
    const run = await trainOnDigits(page, {
      features: { kind: 'hog' },
      model: modelPresets.mlp320_18_10,
      training: { optimizer: 'adam', learningRate: 0.01, epochs: 3, batchSize: 32, seed: 1 },
    });
    dir = run.dir;
    const predictions = (
      JSON.parse(readFileSync(join(dir, 'predictions.json'), 'utf8')) as { predictions: { trueClass: number; predictedClass: number }[] }
    ).predictions;
    const wrong = predictions.filter((p) => p.trueClass !== p.predictedClass).length;

    await openRun(page, run.runId);
    const pair = page.getByTestId('eval-map');
    await pair.scrollIntoViewIfNeeded();
    await expect(pair.getByTestId('eval-map-input')).toContainText('HOG (320 valores)');
    // The last hidden layer is the default: the 18 neurons of the MLP 320-18-10.
    await expect(pair.getByTestId('embedding-layer').locator('option:checked')).toContainText('18 valores');
    await pair.getByTestId('embedding-method').selectOption('pca');
    await pair.getByTestId('embedding-compute').click();
    const inputScatter = pair.getByTestId('eval-map-input-scatter');
    const layerScatter = pair.getByTestId('eval-map-layer-scatter');
    await expect(inputScatter).toHaveAttribute('data-points', String(DIGITS), { timeout: 180_000 });
    await expect(layerScatter).toHaveAttribute('data-points', String(DIGITS), { timeout: 180_000 });
    // Side by side at 1280×720: the two maps share a row.
    const [left, right] = [(await inputScatter.boundingBox())!, (await layerScatter.boundingBox())!];
    expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    expect(right.x).toBeGreaterThan(left.x + left.width - 1);

    // Every misclassified test sample is ringed on both maps (none when the model got every test sample right).
    await expect(layerScatter).toHaveAttribute('data-ringed', String(wrong));
    await expect(inputScatter).toHaveAttribute('data-ringed', String(wrong));
    await expect(layerScatter.getByTestId('embedding-ring-legend')).toContainText(`(${formatDecimal(wrong, 'es')})`);

    // Hiding the training part leaves the test samples (20 % of 5,000).
    await layerScatter.getByTestId('embedding-part-train').uncheck();
    await expect(layerScatter).toHaveAttribute('data-points', String(predictions.length));
    await layerScatter.getByTestId('embedding-part-train').check();

    // The panel's top at the top of the window: the picture in the README shows its title and controls.
    await pair.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    // The sample under the pointer: its thumbnail, class and prediction; a click opens it with its probabilities.
    await hoverSomePoint(page, layerScatter);
    const tooltip = layerScatter.getByTestId('embedding-tooltip');
    await expect(tooltip).toContainText('Predicción:');
    await expect(layerScatter.getByTestId('embedding-thumbnail')).toHaveAttribute('src', /^data:image\//);
    await page.screenshot({ path: docsScreenshot('screenshots/evaluacion-mapa.png') });
    // The keyboard reaches the samples too: N chooses one and shows it.
    await layerScatter.getByTestId('embedding-canvas').focus();
    await page.keyboard.press('n');
    await expect(tooltip).toBeVisible();
    await page.keyboard.press('Enter');
    const opened = pair.getByTestId('embedding-opened');
    await expect(opened).toBeVisible();
    await expect(opened.getByTestId('embedding-opened-predicted')).not.toBeEmpty();
    await expect(opened.locator('img')).toHaveAttribute('src', /^data:image\//);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});
