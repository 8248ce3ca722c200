import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { modelPresets } from '../src/shared/models/presets';
import { expect, test } from './fixtures';
import { docsScreenshot } from './screenshotPath';
import { loadDigitsInDatos, openRun, SMALL_CNN_RUN, trainOnDigits } from './digitsFlows';

/**
 * "¿Dónde mira la red?" on the bundled digits: a small CNN's misclassified test digit opened from the confusion
 * matrix's gallery shows Grad-CAM and occlusion over the image, and the opacity slider redraws the overlay; a HOG
 * run's "Probar una imagen" shows the HOG-cell weights on the HOG picture.
 */

interface StoredPrediction {
  index: number;
  file: string | null;
  trueClass: number;
  predictedClass: number;
}

function predictions(dir: string): StoredPrediction[] {
  return (JSON.parse(readFileSync(join(dir, 'predictions.json'), 'utf8')) as { predictions: StoredPrediction[] }).predictions;
}

const pixelsOf = (canvas: Locator) => canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());

test('Evaluación: Grad-CAM and occlusion on a misclassified digit of a CNN, with the opacity slider; HOG-cell weights for a HOG run', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // Tall enough for the gallery card and the whole panel in the README's picture.
  await page.setViewportSize({ width: 1280, height: 1200 });
  const made: string[] = [];
  try {
    await loadDigitsInDatos(page);
    const cnn = await trainOnDigits(page, SMALL_CNN_RUN);
    made.push(cnn.dir);
    const stored = predictions(cnn.dir).filter((p) => p.file !== null);
    // A misclassified test digit if the run has one, else any test digit.
    const sample = stored.find((p) => p.trueClass !== p.predictedClass) ?? stored[0];

    await openRun(page, cnn.runId);
    await page.getByTestId(`cm-${sample.trueClass}-${sample.predictedClass}`).click();
    const gallery = page.getByTestId('prediction-gallery');
    await expect(gallery.getByTestId('prediction-card').first()).toBeVisible();
    await expect(gallery).toContainText('Haz clic en una imagen para ver dónde mira la red.');
    await gallery.locator(`[data-testid="prediction-explain"]:has(img[alt="${sample.file}"])`).click();

    const panel = gallery.getByTestId('saliency-panel');
    const canvas = panel.getByTestId('saliency-canvas');
    await expect(panel.getByTestId('saliency-method').locator('option')).toHaveText([
      'Grad-CAM (capa convolucional)',
      'Gradiente de la entrada',
      'SmoothGrad',
      'Oclusión',
    ]);
    await expect(canvas).toHaveAttribute('data-method', 'gradcam');
    await expect(panel.getByTestId('saliency-explain')).toContainText('Señala regiones, no píxeles');
    await expect(panel.getByTestId('saliency-class')).toContainText(`Explica la clase ${sample.predictedClass}`);
    await expect(panel.getByTestId('saliency-legend')).toContainText('bajo');
    await expect(panel.getByTestId('saliency-legend')).toContainText('alto');
    // The Grad-CAM layer can be chosen: the model has two conv layers.
    await expect(panel.getByTestId('saliency-layer').locator('option')).toHaveCount(2);

    // The overlay redraws as the slider moves.
    await expect.poll(() => canvas.evaluate((element) => (element as HTMLCanvasElement).width)).toBe(224);
    const before = await pixelsOf(canvas);
    await panel.getByTestId('saliency-opacity').fill('10');
    await expect.poll(() => pixelsOf(canvas)).not.toBe(before);
    await panel.getByTestId('saliency-opacity').fill('60');

    // The true class explained instead of the predicted one.
    await panel.getByTestId('saliency-target').selectOption(String(sample.trueClass));
    await expect(panel.getByTestId('saliency-class')).toContainText(`Explica la clase ${sample.trueClass}`);
    await panel.getByTestId('saliency-target').selectOption({ index: 0 });

    await panel.getByTestId('saliency-method').selectOption('occlusion');
    await expect(canvas).toHaveAttribute('data-method', 'occlusion');
    await expect(panel).toContainText('copias clasificadas de una vez');
    await expect(panel.getByTestId('saliency-explain')).toContainText('sirve para cualquier modelo');
    const occluded = await pixelsOf(canvas);
    await panel.getByTestId('saliency-opacity').fill('90');
    await expect.poll(() => pixelsOf(canvas)).not.toBe(occluded);
    await panel.getByTestId('saliency-method').selectOption('gradcam');
    await expect(canvas).toHaveAttribute('data-method', 'gradcam');
    await panel.getByTestId('saliency-opacity').fill('60');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: docsScreenshot('screenshots/donde-mira-la-red.png') });

    // A HOG run: "Probar una imagen" offers the HOG-cell weights (first) and occlusion, not gradients over pixels.
    const hog = await trainOnDigits(page, {
      features: { kind: 'hog' },
      model: modelPresets.mlp320_18_10,
      training: { optimizer: 'adam', learningRate: 0.01, epochs: 3, batchSize: 32, seed: 1 },
    });
    made.push(hog.dir);
    await openRun(page, hog.runId);
    const predict = page.getByTestId('predict-panel');
    await predict.scrollIntoViewIfNeeded();
    await predict.getByTestId('predict-thumb').first().click();
    const hogPanel = predict.getByTestId('saliency-panel');
    await expect(hogPanel.getByTestId('saliency-method').locator('option')).toHaveText(['Celdas y orientaciones HOG', 'Oclusión']);
    await expect(hogPanel.getByTestId('saliency-canvas')).toHaveAttribute('data-method', 'hogCells');
    await expect(hogPanel.getByTestId('saliency-bin')).toHaveCount(8);
    await expect(hogPanel).toContainText('naranja si esos bordes hablan a favor de la clase');
    await hogPanel.screenshot({ path: docsScreenshot('screenshots/donde-mira-la-red-hog.png') });
  } finally {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  }
});
