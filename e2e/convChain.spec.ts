import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readMatrix, rgbPng } from './labFixtures';
import { findOverflows } from './overflow';
import { docsScreenshot } from './screenshotPath';

async function openConvolutionLab(page: Page): Promise<Locator> {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('button', { name: 'Laboratorios' }).click();
  await page.getByTestId('lab-tab-convolution').click();
  return page.getByTestId('conv-chain');
}

const cell = (chain: Locator, layer: number, filter: number, slice: number, row: number, col: number) =>
  chain.getByTestId(`chain-slice-${layer}-${filter}-${slice}`).getByLabel(`(${row}, ${col})`);

test.describe('Cadena de convoluciones', () => {
  test('a 2-layer chain built by hand on an own picture: every map, one enlarged, layers reordered, kept after a reload', async ({
    page,
  }) => {
    const chain = await openConvolutionLab(page);
    // It starts as the course's cat-ear detector on the class matrix: the second layer's map of seed 004.
    await expect(chain.getByTestId('chain-layer')).toHaveCount(2);
    await expect(chain.getByTestId('chain-map-values-1-0').locator('tr').nth(1).locator('td')).toHaveText(['13', '−64', '−54']);

    // By hand: layer 1 = Sobel Gx and Sobel Gy (ReLU, 2x2 pooling); layer 2 = one 3D filter 0,5·map 1 + 0,25·map 2.
    await chain.getByTestId('chain-layer-remove-1').click();
    await expect(chain.getByTestId('chain-layer')).toHaveCount(1);
    await chain.getByTestId('chain-preset-0-0-0').selectOption('sobelX');
    await chain.getByTestId('chain-preset-0-1-0').selectOption('sobelY');
    await expect(cell(chain, 0, 0, 0, 2, 1)).toHaveValue('-2');
    await chain.getByTestId('chain-add-layer').click();
    await expect(chain.getByTestId('chain-layer')).toHaveCount(2);
    for (const slice of [0, 1]) for (let r = 1; r <= 3; r++) for (let c = 1; c <= 3; c++) await cell(chain, 1, 0, slice, r, c).fill('0');
    await cell(chain, 1, 0, 0, 2, 2).fill('0,5');
    await cell(chain, 1, 0, 1, 2, 2).fill('0,25');
    await cell(chain, 1, 0, 1, 2, 2).blur();
    await expect(cell(chain, 1, 0, 1, 2, 2)).toHaveValue('0,25');
    await expect(chain.getByTestId('chain-map')).toHaveCount(3);
    const first = await readMatrix(chain.getByTestId('chain-map-values-0-0'));
    const second = await readMatrix(chain.getByTestId('chain-map-values-0-1'));
    const expected = first.map((row, r) => row.map((v, c) => 0.5 * v + 0.25 * second[r][c]));
    const combined = await readMatrix(chain.getByTestId('chain-map-values-1-0'));
    combined.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(expected[r][c], 1)));

    // An own picture, 400 x 300 (a bright disc on a dark gradient): shrunk to 160 x 120, said so.
    const png = rgbPng(400, 300, (x, y) => ((x - 200) ** 2 + (y - 150) ** 2 < 90 ** 2 ? [240, 200, 60] : [20, Math.round(x / 4), 40]));
    await chain.getByTestId('chain-picture-input').setInputFiles({ name: 'mi-foto.png', mimeType: 'image/png', buffer: png });
    await expect(chain.getByTestId('chain-picture-shrunk')).toContainText('400 × 300');
    await expect(chain.getByTestId('chain-picture-shrunk')).toContainText('160 × 120');
    await expect(chain.getByTestId('chain-source-picture')).toBeChecked();
    await expect(chain).toContainText('Entrada, 120 × 160 × 1');
    const shapes = chain.getByTestId('chain-layer-shape');
    await expect(shapes).toHaveText(['120 × 160 × 1 → 60 × 80 × 2', '60 × 80 × 2 → 60 × 80 × 1']);
    // Every map of every layer is drawn (a PNG at one pixel per value).
    await expect(chain.getByTestId('chain-map')).toHaveCount(3);
    for (const id of ['chain-map-picture-0-0', 'chain-map-picture-0-1', 'chain-map-picture-1-0']) {
      const size = await chain
        .getByTestId(id)
        .locator('img')
        .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
      expect(size, id).toEqual([80, 60]);
    }
    await expect(chain.getByTestId('chain-map-range-0-0')).toContainText('…');
    // Before ReLU and pooling the Sobel maps are signed (diverging scale) and full size.
    await chain.getByTestId('chain-stage').selectOption('conv');
    await expect(chain.getByTestId('chain-map-range-0-0')).toContainText('−');
    expect(
      await chain
        .getByTestId('chain-map-picture-0-0')
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(160);
    // The README's picture: the whole chain panel, in a window tall enough to hold it.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await chain.screenshot({ path: docsScreenshot('screenshots/laboratorio-cadena-convoluciones.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await chain.getByTestId('chain-stage').selectOption('output');

    // Enlarged with square pixels, then closed with Esc.
    await chain.getByTestId('chain-map-picture-1-0').click();
    const zoom = page.getByTestId('pixel-zoom');
    await expect(zoom).toBeVisible();
    await expect(page.getByTestId('pixel-zoom-caption')).toContainText('Capa 2, mapa 1');
    const shown = await page.getByTestId('pixel-zoom-image').evaluate((img: HTMLImageElement) => ({
      ratio: img.width / img.naturalWidth,
      rendering: getComputedStyle(img).imageRendering,
    }));
    expect(Number.isInteger(shown.ratio) && shown.ratio > 1).toBe(true);
    expect(shown.rendering).toBe('pixelated');
    await page.keyboard.press('Escape');
    await expect(zoom).toBeHidden();
    // A filter slice enlarges too.
    await chain.getByTestId('chain-slice-picture-1-0-0').click();
    await expect(page.getByTestId('pixel-zoom-caption')).toContainText('Capa 2, filtro 1');
    await page.getByTestId('pixel-zoom-close').click();

    // Reorder: the 3D layer goes first (keeping its first channel), Sobel second; the result changes.
    const before = await chain.getByTestId('chain-map-picture-1-0').locator('img').getAttribute('src');
    await chain.getByTestId('chain-layer-up-1').click();
    await expect(shapes).toHaveText(['120 × 160 × 1 → 120 × 160 × 1', '120 × 160 × 1 → 60 × 80 × 2']);
    await expect(chain.getByTestId('chain-map-picture-1-0').locator('img')).not.toHaveAttribute('src', before ?? '');
    // The keyboard stays on the moved layer: Enter on its "Bajar" moves it back.
    await expect(chain.getByTestId('chain-layer-down-0')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(shapes).toHaveText(['120 × 160 × 1 → 60 × 80 × 2', '60 × 80 × 2 → 60 × 80 × 1']);
    await expect(cell(chain, 1, 0, 0, 2, 2)).toHaveValue('0,5');

    // A reload keeps the hand-made chain.
    await page.reload();
    const again = await openConvolutionLab(page);
    await expect(again.getByTestId('chain-layer')).toHaveCount(2);
    await expect(cell(again, 1, 0, 0, 2, 2)).toHaveValue('0,5');
    await expect(cell(again, 0, 1, 0, 1, 2)).toHaveValue('-2');
  });

  test('exports the chain as JSON, imports it back, and says what is wrong in a bad file', async ({ page }) => {
    const chain = await openConvolutionLab(page);
    await cell(chain, 0, 0, 0, 1, 1).fill('1,5');
    const download = page.waitForEvent('download');
    await chain.getByTestId('chain-export').click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'sinapsis-conv-chain', version: 1 });

    await chain.getByTestId('chain-class').click();
    await expect(cell(chain, 0, 0, 0, 1, 1)).toHaveValue('-1');
    await chain.getByTestId('chain-import').setInputFiles({ name: 'cadena.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(cell(chain, 0, 0, 0, 1, 1)).toHaveValue('1,5');

    const bad = JSON.parse(text) as { layers: { stride: number }[] };
    bad.layers[0].stride = 9;
    await chain
      .getByTestId('chain-import')
      .setInputFiles({ name: 'mala.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect(chain.getByTestId('chain-import-error')).toHaveText(
      'No se pudo importar «mala.json»: El campo layers[0].stride está fuera de rango: el paso va de 1 a 4, el relleno de 0 a 3 y los pesos entre −1 000 000 y 1 000 000.',
    );
    await chain
      .getByTestId('chain-import')
      .setInputFiles({ name: 'texto.json', mimeType: 'application/json', buffer: Buffer.from('hola') });
    await expect(chain.getByTestId('chain-import-error')).toContainText('«texto.json»: El archivo no es JSON.');
    // The chain in use is still the good one.
    await expect(cell(chain, 0, 0, 0, 1, 1)).toHaveValue('1,5');

    // A picture dropped onto the box is used as it is when it is small (no shrinking notice).
    const bytes = [...rgbPng(50, 40, (x) => [x * 5, x * 5, x * 5])];
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'soltada.png', { type: 'image/png' }));
      return dt;
    }, bytes);
    await chain.getByTestId('chain-drop').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(chain).toContainText('Entrada, 40 × 50 × 1 · «soltada.png»');
    await expect(chain.getByTestId('chain-picture-shrunk')).toHaveCount(0);
    await expect(chain.getByTestId('chain-layer-shape').first()).toHaveText('40 × 50 × 1 → 20 × 25 × 2');

    // A kept chain that cannot be read (another version, edited by hand) gives the class's chain, and says so.
    await page.evaluate(() => localStorage.setItem('sinapsis.labs.convolutionChain', '{"format":"otra-cosa"}'));
    await page.reload();
    const fresh = await openConvolutionLab(page);
    await expect(fresh.getByTestId('chain-notice')).toHaveText(
      'La cadena guardada en este navegador no se pudo leer; se ha cargado la cadena de clase.',
    );
    await expect(cell(fresh, 0, 0, 0, 1, 1)).toHaveValue('-1');
  });
});

test('a wide chain (RGB picture, 7×7 filters, several filters, long values) fits a 1280×720 projector in es, pt and en', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const chain = await openConvolutionLab(page);
  await page.getByTestId('projector').click();
  await chain.getByTestId('chain-picture-input').setInputFiles({
    name: 'una-foto-con-un-nombre-de-archivo-muy-largo-de-verdad.png',
    mimeType: 'image/png',
    buffer: rgbPng(300, 200, (x, y) => [x % 256, y, 128]),
  });
  await chain.getByTestId('chain-input').selectOption('rgb');
  await chain.getByTestId('chain-kernel-0').selectOption('7');
  await chain.getByTestId('chain-add-filter-0').click();
  await chain.getByTestId('chain-preset-0-0-0').selectOption('gaussian5');
  await cell(chain, 0, 1, 2, 7, 7).fill('-1234,5678');
  await chain.getByTestId('chain-padding-0').fill('3');
  await chain.getByTestId('chain-stage').selectOption('conv');
  await expect(chain.getByTestId('chain-map')).toHaveCount(4);
  for (const language of ['es', 'pt', 'en']) {
    await page.getByTestId('language').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const faults = (await findOverflows(page)).map((o) => `${language}: ${o.kind} overflow by ${o.pixels}px in ${o.element} «${o.text}»`);
    expect(faults).toEqual([]);
  }
});
