import type { Page } from '@playwright/test';
import { modelPresets } from '../src/shared/models/presets';
import { callCore } from './callCore';
import { expect } from './fixtures';

/** Steps several specs share: the bundled digits loaded in Datos, a run trained on them, that run opened in Evaluación. */

export async function loadDigitsInDatos(page: Page): Promise<void> {
  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('digits');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('image-total')).toHaveText('5000', { timeout: 120_000 });
}

/** A small CNN on 28×28 digit pixels, one epoch: the run the CNN specs train (accurate enough, some digits wrong). */
export const SMALL_CNN_RUN = {
  features: { kind: 'pixels', resize: { width: 28, height: 28 }, keepShape: true },
  scaling: 'none',
  model: modelPresets.cnnDesign28,
  training: { optimizer: 'adam', learningRate: 0.001, epochs: 1, batchSize: 64, seed: 2 },
};

/** A run on the digits through the server's own contract (80/20 hold-out); `request` gives features, model, training. */
export async function trainOnDigits(page: Page, request: Record<string, unknown>): Promise<{ runId: string; dir: string }> {
  const { datasetId } = await callCore<{ datasetId: string }>(page, 'dataset.builtin', {
    taskId: `e2e-digits-${Date.now()}`,
    id: 'digits',
    options: {},
  });
  return callCore(page, 'experiment.run', {
    taskId: `e2e-infer-${Date.now()}`,
    datasetId,
    split: { method: 'holdout', train: 0.8, test: 0.2 },
    ...request,
  });
}

export async function openRun(page: Page, runId: string): Promise<void> {
  await page.getByRole('button', { name: 'Evaluación', exact: true }).click();
  await page.getByTestId('eval-search').fill(runId);
  await page.getByTestId('eval-runs').locator('tbody tr').filter({ hasText: runId }).click();
  await expect(page.getByTestId('eval-overview')).toContainText(runId);
}
