import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDigitLikeFolder, buildMessyDataset, CATS, DOGS } from '../src/main/core/datasets/testing/messyDataset';
import { expect, test } from './fixtures';

test('Datos: the built-in digits load with a class chart, a virtualized gallery and a stratified split', async ({ page }) => {
  await page.goto('/#/datos');
  await expect(page.getByRole('heading', { name: 'Datos', level: 1 })).toBeVisible();
  await page.getByTestId('builtin-choice').selectOption('digits');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('image-total')).toHaveText('5000', { timeout: 60_000 });
  await expect(page.getByTestId('class-chart')).toBeVisible();
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('problems')).toContainText('LICENSE.txt');
  await page.getByTestId('image-summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/datos-summary.png' });

  // Only the visible rows of the 5000 thumbnails are in the page.
  const thumbs = page.locator('.gallery .thumb img');
  await expect(thumbs.first()).toBeVisible();
  expect(await page.locator('.gallery .thumb').count()).toBeLessThan(200);
  await page.getByTestId('gallery-class').selectOption('7');
  await expect(page.getByTestId('gallery')).toContainText('500 imágenes');
  await thumbs.first().click();
  await expect(page.getByTestId('image-viewer')).toContainText('7/000.png');
  await page.locator('.gallery-scroller').evaluate((el) => (el.scrollTop = 2000));
  await expect(page.locator('.gallery .thumb img[alt="7/400.png"]')).toBeVisible();

  await page.getByTestId('augment-rotation').fill('45');
  await page.getByTestId('augment-flip').check();
  await page.getByTestId('augment-preview').click();
  await expect(page.getByTestId('augment-grid').locator('img')).toHaveCount(13);
  await expect(page.getByTestId('augment-warning')).toHaveCount(2);
  await expect(page.getByTestId('augment-warning').first()).toContainText('espejo');

  await page.getByTestId('split-method').selectOption('train-val-test');
  await page.getByTestId('split-run').click();
  await expect(page.getByTestId('split-result')).toHaveText('Entrenamiento: 3500 · Validación: 750 · Prueba: 750');
  await page.screenshot({ path: 'test-results/datos-digits.png', fullPage: true });
});

test('Datos: a messy folder loads what it can and lists every problem', async ({ page }) => {
  const root = await buildMessyDataset();
  try {
    await page.goto('/#/datos');
    await page.getByTestId('folder-path').fill(root);
    await page.getByTestId('folder-open').click();
    await expect(page.getByTestId('image-total')).toHaveText('13');
    const problems = page.getByTestId('problems');
    await expect(problems).toContainText(`${CATS}/truncated.png`);
    await expect(problems).toContainText('dañado o truncado');
    await expect(problems).toContainText('enlace en bucle');
    await expect(problems).toContainText(`${DOGS}/copia de bueno.png`);
    // Each reason in the page's language, with its file names and values.
    await expect(problems.locator('tr', { hasText: `${CATS}/zero.png` })).toContainText('el archivo está vacío (0 bytes)');
    await expect(problems.locator('tr', { hasText: `${CATS}/notes.png` })).toContainText(
      'se llama .png pero su contenido no es una imagen (empieza con el texto «label,value cat,»)',
    );
    await expect(problems.locator('tr', { hasText: `${DOGS}/copia de bueno.png` })).toContainText(
      `mismo contenido que ${CATS}/bueno.png, en otra clase`,
    );
    await expect(problems.locator('tr', { hasText: 'suelta.png' })).toContainText(
      'pon cada imagen en la subcarpeta con el nombre de su clase',
    );
    await expect(problems).not.toContainText('hidden file');
    await expect(problems).not.toContainText('could not be decoded');
    await problems.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/datos-messy.png' });
    await page.getByTestId('problem-filter').selectOption('empty-file');
    await expect(problems.locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('gallery-class')).toContainText(CATS);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('Datos: a missing folder gives a translated message and keeps the loaded dataset', async ({ page }) => {
  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('xor');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('table-rows')).toHaveText('4');
  await expect(page.getByTestId('points-plot')).toBeVisible();
  await page.getByTestId('folder-path').fill('/no/existe/carpeta');
  await page.getByTestId('folder-open').click();
  await expect(page.getByTestId('data-error')).toHaveText('La carpeta «/no/existe/carpeta» no existe. Revisa la ruta.');
  await expect(page.getByTestId('table-rows')).toHaveText('4');
});

test('Datos: a CSV is inspected, a bad feature column is named, and another target makes it valid', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'sinapsis-e2e-csv-'));
  try {
    const file = join(dir, 'mezcla.csv');
    await writeFile(file, 'a;color;y\n1,5;2;0\n3;rojo;1\n4;azul;1\n');
    await page.goto('/#/datos');
    await page.getByTestId('csv-path').fill(file);
    await page.getByTestId('csv-open').click();
    await expect(page.getByTestId('csv-chooser')).toContainText('línea 3: «rojo»');
    await page.getByTestId('csv-apply').click();
    await expect(page.getByTestId('data-error')).toContainText('«mezcla.csv», línea 3, columna «color»: «rojo» no es un número');
    await page.getByTestId('csv-target').selectOption({ label: 'color' });
    await page.getByTestId('csv-apply').click();
    await expect(page.getByTestId('table-task')).toContainText('clasificación');

    await page.getByTestId('csv-path').fill(resolve('resources/datasets/wine/wine.csv'));
    await page.getByTestId('csv-open').click();
    await page.getByTestId('csv-apply').click();
    await expect(page.getByTestId('table-rows')).toHaveText('178');
    await page.getByTestId('split-method').selectOption('holdout');
    await page.getByTestId('split-run').click();
    await expect(page.getByTestId('split-result')).toHaveText('Entrenamiento: 124 · Validación: 0 · Prueba: 54');

    // The split chosen here is the one Entrenamiento trains with (method, ratios and seed), and it stays when coming back.
    await page.getByTestId('data-split-train').fill('60');
    await page.getByTestId('data-split-test').fill('40');
    await page.getByTestId('data-split-seed').fill('7');
    await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
    await expect(page.getByTestId('train-split')).toHaveValue('holdout');
    await expect(page.locator('#split-train')).toHaveValue('0,6');
    await expect(page.locator('#split-test')).toHaveValue('0,4');
    await expect(page.locator('#opt-seed')).toHaveValue('7');
    await page.getByRole('button', { name: 'Datos', exact: true }).click();
    await expect(page.getByTestId('data-split-train')).toHaveValue('60');
    await expect(page.getByTestId('data-split-seed')).toHaveValue('7');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('Datos: loading shows files/s and can be cancelled, keeping the dataset loaded before', async ({ page }) => {
  const root = await buildDigitLikeFolder(10, 600, 128);
  try {
    await page.goto('/#/datos');
    await page.getByTestId('builtin-choice').selectOption('and');
    await page.getByTestId('builtin-load').click();
    await expect(page.getByTestId('table-rows')).toHaveText('4');
    await page.getByTestId('folder-path').fill(root);
    await page.getByTestId('folder-open').click();
    await expect(page.getByTestId('data-progress')).toContainText(/de 6000 archivos · [\d.]+ archivos\/s/);
    await page.getByTestId('data-cancel').click();
    await expect(page.getByTestId('data-error')).toHaveText('Carga cancelada. El conjunto cargado antes no cambió.');
    await expect(page.getByTestId('table-rows')).toHaveText('4');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
