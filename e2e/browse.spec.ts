import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { loadDigitsInDatos } from './digitsFlows';

test.setTimeout(180_000);

test('Características: jump to a class, find a file by name, the label follows an opened file; the vector chart has axes and fills its box', async ({
  page,
}) => {
  await loadDigitsInDatos(page);
  await page.goto('/#/caracteristicas');
  const label = page.getByTestId('hog-source-label');
  await expect(label).toHaveText('Imagen 1 de 5000: 0/000.png (clase 0)');

  // The 7s start at image 3501 of the whole set: one choice instead of 3500 "Siguiente".
  await page.getByTestId('hog-browse-class').selectOption('7');
  await expect(label).toHaveText('Imagen 1 de 500: 7/000.png (clase 7)');
  await expect(page.getByTestId('hog-browse-count')).toHaveText('500 imágenes');
  await page.getByTestId('hog-next').click();
  await expect(label).toHaveText('Imagen 2 de 500: 7/001.png (clase 7)');
  await page.getByTestId('hog-previous').click();
  await page.getByTestId('hog-previous').click();
  await expect(label).toHaveText('Imagen 500 de 500: 7/499.png (clase 7)');

  // A part of the name, within the class; then in every class.
  await page.getByTestId('hog-browse-search').fill('12');
  await expect(page.getByTestId('hog-browse-count')).toHaveText('15 imágenes');
  await expect(label).toHaveText('Imagen 1 de 15: 7/012.png (clase 7)');
  await page.getByTestId('hog-browse-class').selectOption('');
  await expect(page.getByTestId('hog-browse-count')).toHaveText('150 imágenes');
  await page.getByTestId('hog-browse-search').fill('no-such-file');
  await expect(page.getByTestId('hog-browse-count')).toHaveText('Ninguna imagen');
  await expect(page.getByText('Ninguna imagen de la selección tiene «no-such-file» en su nombre.')).toBeVisible();
  await page.getByTestId('hog-browse-search').fill('');
  await expect(label).toHaveText('Imagen 1 de 5000: 0/000.png (clase 0)');

  // An opened file is named as such, not as "Imagen 1 de 5000".
  await page.getByTestId('hog-file').setInputFiles(resolve('resources/datasets/digits-opencv/3/004.png'));
  await expect(label).toHaveText('Archivo abierto: 004.png (no es del conjunto de datos)');
  await page.getByTestId('hog-sample').click();
  await expect(label).toHaveText('Imagen de ejemplo: un 3 dibujado por Sinapsis');

  // The vector chart is as wide as its panel (not a fixed 640 px canvas) and keeps following it.
  const vector = page.getByTestId('hog-vector');
  const widths = async () =>
    vector.evaluate((box) => ({
      box: box.clientWidth,
      canvas: (box.querySelector('canvas') as HTMLCanvasElement).getBoundingClientRect().width,
    }));
  await expect.poll(async () => (await widths()).canvas).toBeGreaterThan(900);
  expect(Math.abs((await widths()).box - (await widths()).canvas)).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect
    .poll(async () => {
      const w = await widths();
      return Math.abs(w.box - w.canvas);
    })
    .toBeLessThanOrEqual(1);
  await vector.screenshot({ path: 'test-results/caracteristicas-vector.png' });
});

test('Datos: the gallery finds images by class and by part of the file name', async ({ page }) => {
  await loadDigitsInDatos(page);
  const gallery = page.getByTestId('gallery');
  await expect(page.getByTestId('gallery-count')).toHaveText('5000 imágenes');
  await page.getByTestId('gallery-class').selectOption('3');
  await page.getByTestId('gallery-search').fill('04');
  await expect(page.getByTestId('gallery-count')).toHaveText('15 imágenes');
  const titles = await gallery.locator('button.thumb img').evaluateAll((images) => images.map((image) => image.getAttribute('alt')));
  expect(titles).toHaveLength(15);
  expect(titles.every((title) => title?.startsWith('3/') && title.includes('04'))).toBe(true);
  await gallery.locator('img[alt="3/104.png"]').click();
  await expect(page.getByTestId('image-viewer')).toContainText('3/104.png');
});
