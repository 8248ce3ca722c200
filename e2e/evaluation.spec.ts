import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleRun } from '../src/main/core/reports/sampleRun.testdata';
import { writeFileAtomic, writeJsonAtomic } from '../src/main/core/runs/atomicWrite';
import { toCsv } from '../src/main/core/runs/historyCsv';
import { createRunFolder, finishRun } from '../src/main/core/runs/runFolder';
import { HISTORY_COLUMNS } from '../src/shared/contract/runs';
import { modelSpecSchema } from '../src/shared/models/modelSpec';
import { defaultRunsRoot } from '../src/main/core/services';
import { expect, test } from './fixtures';

/** Two finished runs in the server's runs folder: one holdout, one with k-fold results and a slower learning rate. */
async function seedRuns(): Promise<string[]> {
  const root = defaultRunsRoot();
  const ids = [`e2e-eval-${Date.now()}-a`, `e2e-eval-${Date.now()}-b`];
  for (const [i, runId] of ids.entries()) {
    const { config, metrics, history } = sampleRun();
    config.runId = runId;
    config.model.spec = modelSpecSchema.parse({
      name: i === 0 ? 'MLP e2e A' : 'MLP e2e B',
      inputShape: [320],
      layers: [
        { type: 'dense', units: 18, activation: 'sigmoid', useBias: i === 0 },
        { type: 'output', units: 3, activation: 'softmax' },
      ],
    });
    config.training.learningRate = i === 0 ? 0.1 : 0.01;
    if (i === 1) {
      metrics.kfold = {
        folds: [1, 2, 3].map((fold) => ({ fold, accuracy: 0.8 + 0.05 * fold, loss: 0.5 - 0.1 * fold })),
        accuracy: { mean: 0.9, std: 0.0408 },
      };
      history.forEach((row) => (row.valLoss = (row.valLoss ?? 0) * 1.2));
    }
    const { dir } = await createRunFolder(root, runId);
    await writeJsonAtomic(join(dir, 'config.json'), config);
    await writeJsonAtomic(join(dir, 'metrics.json'), metrics);
    await writeFileAtomic(join(dir, 'history.csv'), toCsv(HISTORY_COLUMNS, history));
    await finishRun(dir, 'completed');
  }
  return ids;
}

test('Evaluación: a run opens with accuracy, per-class metrics, confusion matrix, k-fold table and comparison', async ({ page }) => {
  const ids = await seedRuns();
  try {
    await page.goto('/#/evaluacion');
    await expect(page.getByRole('heading', { name: 'Evaluación', level: 1 })).toBeVisible();
    await page.getByTestId('eval-search').fill('e2e-eval');
    const rows = page.getByTestId('eval-runs').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    // The list shows the model name typed in Modelo and finds a run by it, by its dataset and by its status as shown.
    await expect(page.getByTestId('eval-run-model')).toHaveText(['MLP e2e B', 'MLP e2e A']);
    await page.getByTestId('eval-search').fill('mlp E2E b');
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(ids[1]);
    await page.getByTestId('eval-search').fill('e2e-eval digits completada');
    await expect(rows).toHaveCount(2);
    await page.getByTestId('eval-search').fill('e2e-eval fallida');
    await expect(page.getByTestId('eval-no-match')).toHaveText('Ninguna ejecución coincide con «e2e-eval fallida».');
    await page.getByTestId('eval-search').fill('e2e-eval');
    await expect(rows).toHaveCount(2);

    await rows.filter({ hasText: ids[0] }).click();
    await expect(page.getByTestId('eval-accuracy-train')).toHaveText('97,0 %');
    await expect(page.getByTestId('eval-accuracy-test')).toHaveText('83,3 %');
    await expect(page.getByTestId('eval-per-class').locator('tbody tr')).toHaveCount(5);
    await expect(page.getByTestId('eval-bias-variance')).toContainText('Varianza alta');
    await expect(page.getByTestId('cm-0-0')).toHaveText('3');
    await expect(page.getByTestId('cm-2-0')).toHaveText('1');
    await page.getByTestId('cm-normalized').check();
    await expect(page.getByTestId('cm-0-0')).toHaveText('75 %');
    await expect(page.getByTestId('eval-diagnosis')).toContainText('Sobreajuste desde la época');
    await expect(page.getByTestId('eval-loss-chart')).toBeVisible();

    // The run's model goes back to Modelo.
    await page.getByTestId('eval-reuse').click();
    await expect(page.getByTestId('eval-reused')).toBeVisible();
    await page.getByRole('button', { name: 'Modelo', exact: true }).click();
    await expect(page.getByTestId('model-name')).toHaveValue('MLP e2e A');
    await expect(page.getByTestId('model-total-params')).toHaveText('5835');
    await page.getByRole('button', { name: 'Evaluación', exact: true }).click();

    await rows.filter({ hasText: ids[1] }).click();
    await expect(page.getByTestId('eval-kfold-mean')).toHaveText('90,0 % ± 4,1 %');

    const boxes = page.getByTestId('eval-compare');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect(page.getByTestId('run-comparison')).toContainText('Comparación de 2 ejecuciones');
    await expect(page.getByTestId('compare-table')).toContainText('MLP e2e A');
    await expect(page.getByTestId('compare-table')).toContainText('0,01');
    await expect(page.getByTestId('compare-table')).toContainText('Densa 18 (sigmoide) sin bias → Capa de salida 3 (softmax)');
    await expect(page.getByTestId('compare-chart')).toBeVisible();
    // Runs differ by line pattern (not only colour); training is thick and validation thin.
    await expect(page.getByTestId('compare-chart')).toHaveAttribute('data-line-styles', 'solid/2.6 solid/1.2 10,5/2.6 10,5/1.2');
    await expect(page.getByTestId('compare-legend-hint')).toContainText('la línea gruesa es el entrenamiento');
    await page.getByTestId('compare-metric').selectOption('valLoss');
    await expect(page.getByTestId('compare-chart')).toHaveAttribute('data-line-styles', 'solid/2.6 10,5/2.6');
    await page.screenshot({ path: 'test-results/evaluacion-seeded.png' });
  } finally {
    for (const id of ids) await rm(join(defaultRunsRoot(), id), { recursive: true, force: true });
  }
});

test('Evaluación: a confusion-matrix cell opens the gallery of those test images with their probabilities', async ({ page }) => {
  // runs.predictions is scripted (the experiment pipeline writes predictions.json); images come from the real dataset.
  const runId = `e2e-gallery-${Date.now()}`;
  const labels = Array.from({ length: 10 }, (_, i) => String(i));
  const probabilities = (top: number, second: number) => labels.map((_, i) => (i === top ? 0.7 : i === second ? 0.25 : 0.05 / 8));
  const predictions = [
    { index: 3500, file: '7/000.png', trueClass: 7, predictedClass: 1, probabilities: probabilities(1, 7) },
    { index: 3501, file: '7/001.png', trueClass: 7, predictedClass: 1, probabilities: probabilities(1, 7) },
    { index: 3502, file: '7/002.png', trueClass: 7, predictedClass: 7, probabilities: probabilities(7, 1) },
  ];
  await page.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message));
      if (call.type === 'call' && call.method === 'runs.predictions') {
        ws.send(JSON.stringify({ type: 'result', id: call.id, result: { ok: true, value: { labels, predictions } } }));
        return;
      }
      server.send(message);
    });
  });

  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('digits');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('image-total')).toHaveText('5000', { timeout: 120_000 });
  const fingerprint = (await page.getByTestId('fingerprint').textContent())!;

  const { config, metrics, history } = sampleRun();
  config.runId = runId;
  config.dataset.fingerprint = fingerprint;
  config.dataset.classes = labels;
  const matrix = labels.map((_, i) => labels.map((__, j): number => (i === j ? 70 : 0)));
  matrix[7][1] = 2;
  matrix[7][7] = 68;
  metrics.confusionMatrix = { labels, matrix, split: 'test' };
  metrics.perClass = labels.map((label) => ({ label, precision: 0.97, recall: 0.97, f1: 0.97, support: 70 }));
  const dir = join(defaultRunsRoot(), runId);
  try {
    await createRunFolder(defaultRunsRoot(), runId);
    await writeJsonAtomic(join(dir, 'config.json'), config);
    await writeJsonAtomic(join(dir, 'metrics.json'), metrics);
    await writeFileAtomic(join(dir, 'history.csv'), toCsv(HISTORY_COLUMNS, history));
    await finishRun(dir, 'completed');

    await page.getByRole('button', { name: 'Evaluación', exact: true }).click();
    await page.getByTestId('eval-search').fill(runId);
    await page.getByTestId('eval-runs').locator('tbody tr').first().click();
    await expect(page.getByTestId('cm-7-1')).toHaveText('2');
    await page.getByTestId('cm-7-1').click();
    const gallery = page.getByTestId('prediction-gallery');
    await expect(gallery).toContainText('Real «7», predicha «1» (2)');
    await expect(gallery.getByTestId('prediction-card')).toHaveCount(2);
    await expect(gallery.locator('img[alt="7/001.png"]')).toBeVisible();
    await expect(gallery.getByTestId('prediction-probability').first()).toHaveText('70 %');
    await gallery.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/evaluacion-galeria.png' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
