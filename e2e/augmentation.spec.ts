import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultRunsRoot } from '../src/main/core/services';
import { expect, test } from './fixtures';

/** Augmentation set in Datos reaches training: Entrenamiento says so, and the run records it. */
test.setTimeout(180_000);

test('Datos -> Entrenamiento: augmented training images, recorded in the run', async ({ page }) => {
  let runId: string | null = null;
  try {
    await page.goto('/#/datos');
    await page.getByTestId('builtin-choice').selectOption('digits');
    await page.getByTestId('builtin-load').click();
    await expect(page.getByTestId('image-total')).toHaveText('5000', { timeout: 60_000 });
    await page.getByTestId('augment-use').check();
    await page.getByTestId('augment-copies').fill('2');
    await page.getByTestId('augment-copies').press('Tab');
    await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
    await expect(page.getByTestId('training-augmentation')).toHaveText('Aumento de datos: 2 copias por imagen de entrenamiento');
    await page.getByTestId('train-epochs').fill('1');
    await page.getByTestId('train-epochs').press('Tab');
    await page.getByTestId('train-start').click();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed', { timeout: 120_000 });
    runId = (await page.getByTestId('train-run-id').textContent())!.trim();
    const config = JSON.parse(await readFile(join(defaultRunsRoot(), runId, 'config.json'), 'utf8')) as {
      augmentation: { copies: number; options: { rotationDegrees: number } };
    };
    expect(config.augmentation).toMatchObject({ copies: 2, options: { rotationDegrees: 10 } });
  } finally {
    if (runId) await rm(join(defaultRunsRoot(), runId), { recursive: true, force: true });
  }
});
