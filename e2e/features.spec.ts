import { rm } from 'node:fs/promises';
import { buildMessyDataset, CATS, DOGS } from '../src/main/core/datasets/testing/messyDataset';
import { expect, test } from './fixtures';

test('Características: live HOG preview of the sample digit, live length, and the lab settings', async ({ page }) => {
  await page.goto('/#/caracteristicas');
  await expect(page.getByRole('heading', { name: 'Características: HOG', level: 1 })).toBeVisible();
  // The sample digit at the lab setting: 12x24, 8 bins, 4x4 cells, 2x2 blocks.
  await expect(page.getByTestId('hog-length-value')).toHaveText('320');
  await expect(page.getByTestId('hog-figures').locator('canvas')).toHaveCount(4);
  await expect(page.getByTestId('hog-vector-title')).toContainText('320 valores');
  await expect(page.getByTestId('hog-figures')).toContainText('Lo que ve HOG (12×24)');
  await page.getByTestId('hog-figures').screenshot({ path: 'test-results/caracteristicas-figures.png' });

  await page.getByTestId('hog-orientations').fill('9');
  await expect(page.getByTestId('hog-length-value')).toHaveText('360');
  await expect(page.getByTestId('hog-vector-title')).toContainText('360 valores');

  // 8-pixel cells do not fit 2x2 blocks into 12 pixels of width: say so instead of failing silently.
  await page.getByTestId('hog-cell-w').fill('8');
  await page.getByTestId('hog-cell-h').fill('8');
  await expect(page.getByTestId('hog-length')).toContainText('no alcanza para un bloque (16×16 px)');
  await expect(page.getByTestId('hog-error')).toContainText('más pequeña que un bloque HOG');

  await page.getByTestId('hog-lab').click();
  await expect(page.getByTestId('hog-length-value')).toHaveText('320');
  await expect(page.getByTestId('hog-error')).toHaveCount(0);
  await expect(page.getByTestId('hog-figures').locator('canvas')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/caracteristicas-sample.png', fullPage: true });

  // The explanation of the steps follows the language.
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByText('What does HOG do, step by step?')).toBeVisible();
  await expect(page.getByText(/Overlapping blocks: neighbouring cells/)).toBeVisible();
});

test('Características: HOG of the built-in digits dataset in worker threads, then from the cache', async ({ page }) => {
  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('digits');
  await page.getByTestId('builtin-load').click();
  // Decoding 5000 PNGs takes about 1 s, several on a busy 2-core machine.
  await expect(page.getByTestId('image-total')).toHaveText('5000', { timeout: 30_000 });

  await page.goto('/#/caracteristicas');
  await expect(page.getByTestId('hog-source-label')).toContainText('Imagen 1 de 5000');
  await expect(page.getByTestId('hog-length-value')).toHaveText('320');
  await page.getByTestId('hog-extract').click();
  await expect(page.getByTestId('hog-extract-result')).toContainText('5000 vectores de 320 valores', { timeout: 60_000 });
  await page.getByTestId('hog-extract').click();
  await expect(page.getByTestId('hog-extract-result')).toContainText('5000 desde la caché', { timeout: 30_000 });
  // Served from the cache on this thread: the count agrees with its noun.
  await expect(page.getByTestId('hog-extract-result')).toContainText('img/s, 1 hilo);');
  await page.screenshot({ path: 'test-results/caracteristicas-digits.png', fullPage: true });
});

test('Características: bad images in a messy folder are listed one by one with the reason, and the rest are extracted', async ({
  page,
}) => {
  const root = await buildMessyDataset();
  try {
    await page.goto('/#/datos');
    await page.getByTestId('folder-path').fill(root);
    await page.getByTestId('folder-open').click();
    await expect(page.getByTestId('image-total')).toHaveText('13');

    // Without a resize, only the 8x8 images fit one block (4x4-pixel cells, 2x2 blocks); the 16x8 one gives a longer vector.
    await page.goto('/#/caracteristicas');
    await page.getByTestId('hog-resize-on').uncheck();
    await page.getByTestId('hog-extract').click();
    const result = page.getByTestId('hog-extract-result');
    await expect(result).toContainText('5 vectores de 32 valores', { timeout: 30_000 });
    const failures = page.getByTestId('hog-failures');
    await failures.locator('summary').click();
    await expect(failures).toContainText('Imágenes omitidas (8)');
    await expect(failures.locator('tbody tr')).toHaveCount(8);
    // The kind and the whole reason in the page's language, with the numbers behind it.
    await expect(failures.locator('tr', { hasText: `${CATS}/one.png` })).toContainText('menor que un bloque');
    await expect(failures.locator('tr', { hasText: `${CATS}/one.png` })).toContainText(
      'Una imagen de 1×1 es más pequeña que un bloque HOG (8×8 px)',
    );
    await expect(failures.locator('tr', { hasText: `${DOGS}/cmyk.jpg` })).toContainText('otro tamaño');
    await expect(failures.locator('tr', { hasText: `${DOGS}/cmyk.jpg` })).toContainText(
      `Su HOG tiene 96 valores y el de «${CATS}/bueno.png» tiene 32`,
    );
    await expect(failures).not.toContainText('smaller than one HOG block');
    await failures.screenshot({ path: 'test-results/caracteristicas-failures.png' });

    // With the lab's 12x24 resize every image is described.
    await page.getByTestId('hog-resize-on').check();
    await page.getByTestId('hog-extract').click();
    await expect(result).toContainText('13 vectores de 320 valores', { timeout: 30_000 });
    await expect(failures).toHaveCount(0);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
