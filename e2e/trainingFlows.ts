import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Datos -> Modelo -> Entrenamiento with a bundled two-feature set and the rule-of-thumb network, ready to start. */
export async function openTrainingOnBlobs(
  page: Page,
  settings: { optimizer: string; epochs: number; learningRate?: number },
): Promise<void> {
  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('blobs');
  await page.getByTestId('builtin-load').click();
  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await expect(page.getByTestId('model-input-shape')).toHaveText('[2]');
  await page.getByTestId('model-suggest').click();
  await expect(page.getByTestId('model-suggestion')).toBeVisible();
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await page.getByTestId('train-optimizer').selectOption(settings.optimizer);
  if (settings.learningRate !== undefined) {
    await page.getByTestId('train-lr').fill(String(settings.learningRate));
    await page.getByTestId('train-lr').press('Tab');
  }
  await page.getByTestId('train-epochs').fill(String(settings.epochs));
  await page.getByTestId('train-epochs').press('Tab');
}
