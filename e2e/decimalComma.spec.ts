import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ locale: 'es-ES' });

/** Every number field on screen (the one NumberInput renders each as a text field with a decimal keyboard). */
const numberFields = (page: Page) => page.locator('main input[inputmode="decimal"]:visible:enabled');

/**
 * Types `0,05` into every number field of the view and leaves it. A field that allows 0.05 must keep it and show
 * `0,05` (it once became `005`, then 5); one that does not (a whole number, a range above it) must say so beside
 * the field instead of taking another number. Returns the indices of the fields that took 0.05.
 */
async function typeDecimalCommaEverywhere(page: Page, view: string): Promise<number[]> {
  const fields = numberFields(page);
  const count = await fields.count();
  const accepted: number[] = [];
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    await field.fill('0,05');
    await field.press('Tab');
    const problem = field.locator('xpath=..').getByTestId('number-input-problem');
    if (await problem.count()) {
      await expect(problem, `${view} field ${i}`).toHaveText(/\S/);
      continue;
    }
    await expect(field, `${view} field ${i}`).toHaveValue('0,05');
    accepted.push(i);
  }
  return accepted;
}

/** The language switches; each field that took 0.05 still holds it, written the new language's way. */
async function switchAndCheck(page: Page, view: string, accepted: number[]): Promise<void> {
  const fields = numberFields(page);
  for (const [language, shown] of [
    ['pt', '0,05'],
    ['en', '0.05'],
    ['es', '0,05'],
  ] as const) {
    await page.getByTestId('language').selectOption(language);
    for (const i of accepted) await expect(fields.nth(i), `${view} field ${i} in ${language}`).toHaveValue(shown);
  }
}

const VIEWS: { path: string; atLeast: number; fieldsAtLeast?: number; prepare?: (page: Page) => Promise<void> }[] = [
  {
    path: '/#/datos',
    // A generated set's size, classes and seed, and the split's percentages: whole numbers or percentages, so 0,05
    // must be refused beside the field with the allowed range, or kept as 0,05 where a fraction is allowed.
    atLeast: 0,
    fieldsAtLeast: 3,
    prepare: async (page) => {
      await page.getByTestId('builtin-choice').selectOption('blobs');
    },
  },
  {
    path: '/#/entrenamiento',
    // η, momentum, L2, train/validation/test fractions, the early-stopping minimum improvement.
    atLeast: 6,
    prepare: async (page) => {
      await page.getByTestId('train-optimizer').selectOption('minibatch');
      await page.getByTestId('train-split').selectOption('train-val-test');
      await page.getByTestId('train-early').check();
    },
  },
  {
    path: '/#/modelo',
    // Dropout rate, batch-norm momentum and epsilon, leaky ReLU's α.
    atLeast: 3,
    prepare: async (page) => {
      await page.getByTestId('model-preset').selectOption('cnnDesign28');
      await page.getByTestId('model-preset-apply').click();
      await page.getByTestId('layer-add-type').selectOption('batchNorm');
      await page.getByTestId('layer-add').click();
    },
  },
  { path: '/#/laboratorios/perceptron', atLeast: 2 },
  { path: '/#/laboratorios/xor', atLeast: 2 },
  { path: '/#/laboratorios/playground', atLeast: 1 },
  { path: '/#/laboratorios/convolution', atLeast: 2 },
  { path: '/#/laboratorios/activations', atLeast: 1 },
];

for (const view of VIEWS) {
  test(`decimal comma in ${view.path}: 0,05 stays 0.05 in every field, shown 0,05 / 0.05 as the language changes`, async ({ page }) => {
    await page.goto('/#/datos');
    await page.getByTestId('builtin-choice').selectOption('blobs');
    await page.getByTestId('builtin-load').click();
    await expect(page.getByTestId('table-summary')).toBeVisible();
    await page.goto(view.path);
    await expect(page.locator('h1')).toBeVisible();
    await view.prepare?.(page);
    expect(await numberFields(page).count(), `${view.path}: number fields`).toBeGreaterThanOrEqual(view.fieldsAtLeast ?? 1);
    const accepted = await typeDecimalCommaEverywhere(page, view.path);
    expect(accepted.length, `${view.path}: fields that took 0,05`).toBeGreaterThanOrEqual(view.atLeast);
    await switchAndCheck(page, view.path, accepted);
  });
}
