import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function trainTwoEpochs(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await page.getByTestId('train-epochs').fill('2');
  await page.getByTestId('train-epochs').press('Tab');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  await expect(page.getByTestId('train-error')).toHaveCount(0);
}

/**
 * Images with raw pixels and a CNN, then a table, then a regression: each time the choices made for the previous
 * data are made valid (features, model, output, loss), a notice says what changed and why (in the interface
 * language), and training works at once, with no reload.
 */
test('changing the kind of data resets the dependent choices with a notice, and training works', async ({ page }) => {
  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('digits');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('image-summary')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await page.getByTestId('model-preset').selectOption('lenet28');
  await page.getByTestId('model-preset-apply').click();
  await expect(page.getByTestId('model-input-shape')).toHaveText('[28 × 28 × 1]');
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await expect(page.getByTestId('training-setup')).toContainText('píxeles');

  // A table: pixels and the CNN cannot stay.
  await page.getByRole('button', { name: 'Datos', exact: true }).click();
  await page.getByTestId('builtin-choice').selectOption('wine');
  await page.getByTestId('builtin-load').click();
  const notice = page.getByTestId('dataset-fit-notice');
  await expect(notice).toContainText(
    '«wine.csv» es una tabla de 13 columnas con 3 clases; lo elegido antes era para un conjunto de imágenes con 10 clases.',
  );
  await expect(page.getByTestId('dataset-fit-change')).toHaveText([
    'Características: ahora se usan las 13 columnas de la tabla (los píxeles y el HOG solo existen en imágenes).',
    'Modelo: una red convolucional necesita imágenes; ahora es la red de la regla empírica 13-8-4-3.',
  ]);
  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('model-input-shape')).toHaveText('[13]');
  await expect(page.getByTestId('model-output-mismatch')).toHaveCount(0);
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await expect(page.getByTestId('training-setup')).toContainText('columnas de la tabla');
  await expect(page.getByTestId('training-input-mismatch')).toHaveCount(0);
  await trainTwoEpochs(page);

  // The same table as a regression on "alcohol": one linear output and MSE.
  await page.getByRole('button', { name: 'Datos', exact: true }).click();
  await page.getByTestId('csv-path').fill(resolve('resources/datasets/wine/wine.csv'));
  await page.getByTestId('csv-open').click();
  await page.getByTestId('csv-target').selectOption({ label: 'alcohol' });
  await page.getByTestId('csv-task').selectOption('regression');
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('dataset-fit-change')).toHaveText([
    'Capa de salida: 3 → 1 neurona, el valor que se predice.',
    'Activación de salida: softmax → identidad (lineal): una regresión necesita una salida sin límites (softmax solo da valores acotados).',
    'Pérdida: entropía cruzada categórica → error cuadrático medio (MSE), la que corresponde a una regresión.',
  ]);
  await page.getByTestId('language').selectOption('pt');
  await expect(notice).toContainText('Ajustado aos dados novos');
  await expect(page.getByTestId('dataset-fit-change').last()).toHaveText(
    'Perda: entropia cruzada categórica → erro quadrático médio (MSE), a que corresponde a uma regressão.',
  );
  await page.getByTestId('language').selectOption('es');
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await expect(page.getByTestId('train-loss')).toHaveValue('mse');
  await trainTwoEpochs(page);
  await page.getByTestId('dataset-fit-dismiss').click();
  await expect(notice).toHaveCount(0);
});
