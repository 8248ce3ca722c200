import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { modelPresets } from '../src/shared/models/presets';
import { defaultRunsRoot } from '../src/main/core/services';
import { expect, test } from './fixtures';
import { docsScreenshot } from './screenshotPath';
import { loadDigitsInDatos, openRun, SMALL_CNN_RUN, trainOnDigits } from './digitsFlows';

/**
 * Prediction with a trained run in Evaluación: a real run is trained through the server's own contract (the
 * WebSocket the page uses), then the student picks a dataset image, drops a file and imports the run's model,
 * and the top-k bars show the probabilities the run wrote for that image.
 */

interface StoredPrediction {
  index: number;
  file: string | null;
  trueClass: number;
  probabilities: number[];
}

const DIGITS = resolve('resources/datasets/digits-opencv');

function predictions(dir: string): StoredPrediction[] {
  return (JSON.parse(readFileSync(join(dir, 'predictions.json'), 'utf8')) as { predictions: StoredPrediction[] }).predictions;
}

/** The expected bars: labels best first with their probabilities written as the page writes them (es). */
function expectedTop(sample: StoredPrediction, k = 5): { labels: string[]; percents: string[] } {
  const format = new Intl.NumberFormat('es', { style: 'percent', maximumFractionDigits: 1 });
  const top = sample.probabilities
    .map((probability, index) => ({ probability, index }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, k);
  return { labels: top.map((entry) => String(entry.index)), percents: top.map((entry) => format.format(entry.probability)) };
}

test('Evaluación: "Probar una imagen" shows the top-k probabilities the run wrote for a dataset image, for a dropped file and after importing the model', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const made: string[] = [];
  try {
    await loadDigitsInDatos(page);
    const run = await trainOnDigits(page, {
      features: { kind: 'hog' },
      model: modelPresets.mlp320_18_10,
      training: { optimizer: 'adam', learningRate: 0.01, epochs: 3, batchSize: 32, seed: 1 },
    });
    made.push(run.dir);
    // A test sample among the first page of thumbnails (class 0's first images).
    const sample = predictions(run.dir).find((p) => p.file !== null && /^0\/0[01]\d\.png$/.test(p.file))!;
    const expected = expectedTop(sample);

    await openRun(page, run.runId);
    const panel = page.getByTestId('predict-panel');
    await panel.scrollIntoViewIfNeeded();
    await panel.locator(`img[alt="${sample.file}"]`).click();
    await expect(panel.getByTestId('predict-bar')).toHaveCount(5);
    await expect(panel.getByTestId('predict-label')).toHaveText(expected.labels);
    await expect(panel.getByTestId('predict-probability')).toHaveText(expected.percents);
    await expect(panel.getByTestId('predict-true')).toHaveText('Clase real: 0');
    await expect(panel).toContainText('320 características de entrada');
    await expect(page.getByTestId('conv-panel')).toHaveCount(0);
    await panel.screenshot({ path: docsScreenshot('screenshots/probar-imagen.png') });

    // The same image file chosen from disk is decoded in the page and predicts the same.
    await panel.getByTestId('predict-file').setInputFiles(join(DIGITS, sample.file!));
    await expect(panel.locator('.predict-image img')).toHaveAttribute('src', /^blob:/);
    await expect(panel.getByTestId('predict-probability')).toHaveText(expected.percents);

    // Another test image dropped on the panel (a drag from the file manager).
    const other = predictions(run.dir).find((p) => p.file !== null && p.file.startsWith('5/'))!;
    const bytes = readFileSync(join(DIGITS, other.file!)).toString('base64');
    const dataTransfer = await page.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'dropped.png', { type: 'image/png' }));
      return transfer;
    }, bytes);
    await panel.getByTestId('predict-drop').dispatchEvent('drop', { dataTransfer });
    await expect(panel.getByTestId('predict-probability')).toHaveText(expectedTop(other).percents);

    // Import the run's model folder: a new run that predicts the same.
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-path').fill(join(run.dir, 'model'));
    await page.getByTestId('import-name').fill('MLP importado e2e');
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    const importedId = (await page.getByTestId('import-done').textContent())!.match(/ejecución (\S+)\./)![1];
    made.push(join(defaultRunsRoot(), importedId));
    await expect(page.getByTestId('eval-imported')).toContainText(join(run.dir, 'model'));
    await expect(page.getByTestId('eval-confusion')).toHaveCount(0);
    await page.getByTestId('predict-panel').locator(`img[alt="${sample.file}"]`).click();
    await expect(page.getByTestId('predict-probability')).toHaveText(expected.percents);

    // Thumbnails of one class: a test image of class 9 predicts as the run wrote it.
    const nine = predictions(run.dir).find((p) => p.file !== null && /^9\/0[01]\d\.png$/.test(p.file))!;
    await page.getByTestId('predict-class').selectOption('9');
    await page.getByTestId('predict-panel').locator(`img[alt="${nine.file}"]`).click();
    await expect(page.getByTestId('predict-true')).toHaveText('Clase real: 9');
    await expect(page.getByTestId('predict-probability')).toHaveText(expectedTop(nine).percents);

    // A folder without a model is refused with the reason, in the UI language.
    await page.getByTestId('import-path').fill(DIGITS);
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('import-error')).toContainText('no contiene model.json');

    // A bare model.json (no preprocessing.json): the scaling is asked for, never assumed.
    const bare = mkdtempSync(join(tmpdir(), 'sinapsis-e2e-bare-'));
    made.push(bare);
    cpSync(join(run.dir, 'model'), bare, { recursive: true });
    await page.getByTestId('import-path').fill(bare);
    await page.getByTestId('import-features').selectOption('hog');
    await expect(page.getByTestId('import-scaling-note')).toContainText('las predicciones dependen de ello');
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('import-error')).toContainText('nada dice cómo se escalaron sus entradas');
    await page.getByTestId('import-scaling').selectOption('standard');
    await page.getByTestId('import-scaling-first').fill('0.1 abc');
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('import-scaling-problem')).toContainText('«abc» en Medias no es un número');
    await page.getByTestId('import-scaling').selectOption('none');
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    made.push(join(defaultRunsRoot(), (await page.getByTestId('import-done').textContent())!.match(/ejecución (\S+)\./)![1]));
  } finally {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  }
});

test('Evaluación: a CNN run shows its learned filters and the feature maps of the chosen image', async ({ page }) => {
  test.setTimeout(240_000);
  let dir = '';
  try {
    await loadDigitsInDatos(page);
    const run = await trainOnDigits(page, SMALL_CNN_RUN);
    dir = run.dir;
    const sample = predictions(run.dir).find((p) => p.file !== null && /^0\/0[01]\d\.png$/.test(p.file))!;

    await openRun(page, run.runId);
    const conv = page.getByTestId('conv-panel');
    await expect(conv).toContainText('Elige o suelta una imagen');
    await page.getByTestId('predict-panel').locator(`img[alt="${sample.file}"]`).click();
    await expect(page.getByTestId('predict-probability')).toHaveText(expectedTop(sample).percents);
    await expect(conv.getByTestId('conv-layer')).toHaveCount(2);
    await expect(conv.getByTestId('conv-layer').first()).toContainText('8 filtros de 3×3×1');
    await expect(conv.getByTestId('conv-layer').nth(1)).toContainText('16 filtros de 3×3×8');
    await expect(conv.getByTestId('conv-filter')).toHaveCount(8 + 16);
    await expect(conv.getByTestId('conv-map')).toHaveCount(8 + 16);
    await expect(conv.getByTestId('conv-layer').first()).toContainText('8 canales de 28×28');
    await conv.screenshot({ path: docsScreenshot('screenshots/filtros-mapas.png') });
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});
