import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { modelPresets } from '../src/shared/models/presets';
import { callCore } from './callCore';
import { expect, test } from './fixtures';
import { docsScreenshot } from './screenshotPath';

/**
 * Evaluación's "Exportar modelo" and "Clasificar una carpeta" as a student uses them: a run trained through the
 * page's own contract, a PyTorch export downloaded as a .zip whose predict.py (run on Debian's PyTorch) gives
 * the run's probabilities, and the run's test images classified as a folder with the run's test accuracy.
 */

const DIGITS = resolve('resources/datasets/digits-opencv');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const HAS_TORCH = spawnSync(PYTHON, ['-c', 'import torch, cv2, skimage']).status === 0;

interface StoredPrediction {
  file: string;
  predictedClass: number;
  probabilities: number[];
}

test('Evaluación: "Exportar modelo" downloads a PyTorch .zip that predicts as the run, and "Clasificar una carpeta" gives its test accuracy', async ({
  page,
}) => {
  test.setTimeout(300_000);
  let runDir = '';
  const work = mkdtempSync(join(tmpdir(), 'sinapsis-e2e-export-'));
  try {
    await page.goto('/');
    const { datasetId } = await callCore<{ datasetId: string }>(page, 'dataset.builtin', {
      taskId: `e2e-digits-${Date.now()}`,
      id: 'digits',
      options: {},
    });
    const run = await callCore<{ runId: string; dir: string }>(page, 'experiment.run', {
      taskId: `e2e-export-${Date.now()}`,
      datasetId,
      split: { method: 'holdout', train: 0.8, test: 0.2 },
      features: { kind: 'hog' },
      model: modelPresets.mlp320_18_10,
      training: { optimizer: 'adam', learningRate: 0.01, epochs: 2, batchSize: 32, seed: 4 },
    });
    runDir = run.dir;
    const stored = JSON.parse(readFileSync(join(run.dir, 'predictions.json'), 'utf8')) as {
      labels: string[];
      predictions: StoredPrediction[];
    };
    const metrics = JSON.parse(readFileSync(join(run.dir, 'metrics.json'), 'utf8')) as { accuracy: { test: number } };

    await page.getByRole('button', { name: 'Evaluación', exact: true }).click();
    await page.getByTestId('eval-search').fill(run.runId);
    await page.getByTestId('eval-runs').locator('tbody tr').filter({ hasText: run.runId }).click();

    // Export as PyTorch: the .zip arrives as a download with the model, predict.py and a Spanish README.
    const panel = page.getByTestId('export-model');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByRole('heading')).toHaveText('Exportar modelo');
    await panel.getByTestId('export-format-pytorch').check();
    const download = page.waitForEvent('download');
    await panel.getByTestId('export-model-submit').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${run.runId}-export-pytorch.zip`);
    await expect(panel.getByTestId('export-model-done')).toContainText('model.py');
    await panel.screenshot({ path: docsScreenshot('screenshots/exportar-modelo.png') });
    const entries = unzipSync(new Uint8Array(readFileSync(await file.path())));
    const top = `${run.runId}-pytorch`;
    expect(Object.keys(entries).sort()).toEqual(
      ['README.md', 'model.py', 'predict.py', 'preprocessing.json', 'weights.npz'].map((n) => `${top}/${n}`),
    );
    expect(new TextDecoder().decode(entries[`${top}/README.md`])).toContain('## Entrada');
    if (HAS_TORCH) {
      const unpacked = join(work, top);
      mkdirSync(unpacked);
      for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(work, name), bytes);
      const samples = stored.predictions.slice(0, 20);
      const result = spawnSync(PYTHON, ['predict.py', '--json', ...samples.map((p) => join(DIGITS, p.file))], {
        cwd: unpacked,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      const lines = result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { index: number; probabilities: number[] });
      lines.forEach((line, i) => {
        expect(line.index).toBe(samples[i].predictedClass);
        line.probabilities.forEach((p, c) => expect(Math.abs(p - samples[i].probabilities[c])).toBeLessThanOrEqual(1e-4));
      });
    }

    // Classify the run's test images laid out in class subfolders: the run's own test accuracy.
    const folder = join(work, 'imágenes de prueba');
    for (const p of stored.predictions) {
      mkdirSync(dirname(join(folder, p.file)), { recursive: true });
      copyFileSync(join(DIGITS, p.file), join(folder, p.file));
    }
    writeFileSync(join(folder, 'notas.txt'), 'no es una imagen');
    const classify = page.getByTestId('folder-predict');
    await classify.getByTestId('folder-predict-path').fill(folder);
    await classify.getByTestId('folder-predict-submit').click();
    await expect(classify.getByTestId('folder-predict-summary')).toHaveText(`Imágenes clasificadas: ${stored.predictions.length}`, {
      timeout: 120_000,
    });
    const percent = new Intl.NumberFormat('es', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      metrics.accuracy.test,
    );
    await expect(classify.getByTestId('folder-predict-accuracy')).toContainText(percent);
    await expect(classify.getByTestId('folder-predict-problems')).toContainText('Archivos omitidos: 1');
    await classify.screenshot({ path: docsScreenshot('screenshots/clasificar-carpeta.png') });
    const csvDownload = page.waitForEvent('download');
    await classify.getByTestId('folder-predict-csv').click();
    const csv = readFileSync(await (await csvDownload).path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0].startsWith('file,true_class,predicted,probability,top,p_0')).toBe(true);
    expect(csv).toHaveLength(stored.predictions.length + 1);

    // A folder classification can be cancelled from the panel (the 5000 bundled digits take several seconds).
    await classify.getByTestId('folder-predict-path').fill(DIGITS);
    await classify.getByTestId('folder-predict-submit').click();
    await expect(classify.getByTestId('folder-predict-progress')).toBeVisible({ timeout: 30_000 });
    await classify.getByTestId('folder-predict-cancel').click();
    await expect(classify.getByTestId('folder-predict-error')).toHaveText('Clasificación cancelada.');
    await expect(classify.getByTestId('folder-predict-submit')).toBeEnabled();

    // The panels speak the interface language.
    await page.getByTestId('language').selectOption('pt');
    await expect(page.getByTestId('folder-predict').getByRole('heading').first()).toHaveText('Classificar uma pasta');
    await expect(page.getByTestId('export-model').getByRole('heading')).toHaveText('Exportar modelo');
    await expect(page.getByTestId('export-format-tfjs').locator('..')).toContainText('TensorFlow.js padrão');

    // In Informe the README follows the report language: a tfjs export in English.
    await page.goto('/#/informe');
    await page.getByTestId('runs-search').fill(run.runId);
    await page.getByTestId('runs-table').locator('tbody tr').first().click();
    await page.getByTestId('report-language').selectOption('en');
    const reportPanel = page.getByTestId('export-model');
    await reportPanel.getByTestId('export-format-tfjs').check();
    const tfjsDownload = page.waitForEvent('download');
    await reportPanel.getByTestId('export-model-submit').click();
    const tfjsEntries = unzipSync(new Uint8Array(readFileSync(await (await tfjsDownload).path())));
    const readme = new TextDecoder().decode(tfjsEntries[`${run.runId}-tfjs/README.md`]);
    expect(readme).toContain('## Input');
    expect(new TextDecoder().decode(tfjsEntries[`${run.runId}-tfjs/model.json`])).not.toMatch(/Sinapsis(Dropout|Activation)/);
  } finally {
    if (runDir) await rm(runDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
});
