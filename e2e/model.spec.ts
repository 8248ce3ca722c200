import { expect, test } from './fixtures';

test.setTimeout(120_000);

test('Modelo: the digits set gives a 320-feature input; layers update shapes and parameters live', async ({ page }) => {
  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('digits');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('image-total')).toHaveText('5000', { timeout: 60_000 });

  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Modelo', level: 1 })).toBeVisible();
  await expect(page.getByTestId('model-input-shape')).toHaveText('[320]');
  await page.getByTestId('model-preset').selectOption('mlp320_18_10');
  await page.getByTestId('model-preset-apply').click();
  await expect(page.getByTestId('layer-0-shape')).toHaveText('[18]');
  await expect(page.getByTestId('model-total-params')).toHaveText('5968');

  // A wider hidden layer: 320 x 32 + 32 + 32 x 10 + 10.
  await page.getByTestId('layer-0-units').fill('32');
  await page.getByTestId('layer-0-units').press('Enter');
  await expect(page.getByTestId('model-total-params')).toHaveText('10.602');

  // Without bias the hidden layer loses its 32 parameters.
  await page.getByTestId('layer-0-bias').uncheck();
  await expect(page.getByTestId('layer-0-params')).toContainText('10.240');

  // A convolution on a vector input is pinned to its layer with a translated reason.
  await page.getByTestId('layer-add-type').selectOption('conv2d');
  await page.getByTestId('layer-add').click();
  await expect(page.getByTestId('layer-1-error')).toContainText('necesita una imagen');
  await page.getByTestId('layer-1-remove').click();
  await expect(page.getByTestId('layer-1-error')).toHaveCount(0);

  // The rule of thumb: 320 features, 10 classes -> 128 and 64 hidden neurons.
  await page.getByTestId('model-suggest').click();
  await expect(page.getByTestId('model-suggestion')).toContainText('128×(320+1) + 64×(128+1)');
  await expect(page.getByTestId('layer-1-shape')).toHaveText('[64]');

  // A LeNet preset on images switches the features to pixels resized to its 28x28 input.
  await page.getByTestId('model-preset').selectOption('lenet28');
  await page.getByTestId('model-preset-apply').click();
  await expect(page.getByTestId('model-feature-kind')).toHaveValue('pixels-image');
  await expect(page.getByTestId('model-input-shape')).toHaveText('[28 × 28 × 1]');
  await expect(page.getByTestId('model-input-mismatch')).toHaveCount(0);
  await expect(page.getByTestId('layer-0-shape')).toHaveText('[24 × 24 × 6]');
  await expect(page.getByTestId('layer-4-shape')).toHaveText('[256]');
  await page.getByTestId('layer-0-kernel').fill('6');
  await page.getByTestId('layer-0-kernel').press('Enter');
  await expect(page.getByTestId('layer-1-error')).toContainText('(23 + 2·0 − 2) / 2 + 1');

  // Back to HOG by hand: the CNN now gets a vector and says so at its first layer.
  await page.getByTestId('model-feature-kind').selectOption('hog');
  await expect(page.getByTestId('model-input-shape')).toHaveText('[320]');
  await expect(page.getByTestId('layer-0-error')).toContainText('necesita una imagen');
  await page.screenshot({ path: 'test-results/modelo.png' });
});
