import { rm } from 'node:fs/promises';
import { loadDigitsInDatos, openRun, trainOnDigits } from './digitsFlows';
import { expect, test } from './fixtures';

/**
 * Evaluación's inspection views on a real CNN run with 24 filters: the thumbnails found by class and file name,
 * top-k labels whole, every feature map reachable page by page, filters and maps enlarged with square pixels.
 */
test.setTimeout(240_000);

test('Evaluación: find a test image by name, whole top-k labels, 24 feature maps in pages, click to enlarge with square pixels', async ({
  page,
}) => {
  let dir = '';
  try {
    await loadDigitsInDatos(page);
    const run = await trainOnDigits(page, {
      features: { kind: 'pixels', resize: { width: 28, height: 28 }, keepShape: true },
      scaling: 'none',
      model: {
        name: 'CNN 24 filtros',
        inputShape: [28, 28, 1],
        layers: [
          { type: 'conv2d', filters: 24, kernelSize: 3, activation: 'relu' },
          { type: 'maxPool', poolSize: 2 },
          { type: 'flatten' },
          { type: 'output', units: 10, activation: 'softmax' },
        ],
      },
      training: { optimizer: 'adam', learningRate: 0.001, epochs: 1, batchSize: 64, seed: 5 },
    });
    dir = run.dir;
    await openRun(page, run.runId);

    // Thumbnails by class and part of the file name.
    const panel = page.getByTestId('predict-panel');
    await page.getByTestId('predict-class').selectOption('4');
    await page.getByTestId('predict-search').fill('123');
    await expect(page.getByTestId('predict-count')).toHaveText('1 imagen');
    await expect(panel.getByTestId('predict-thumb')).toHaveCount(1);
    await panel.locator('img[alt="4/123.png"]').click();
    await expect(page.getByTestId('predict-true')).toHaveText('Clase real: 4');
    // Every top-k label is shown whole (wrapped if long, never clipped).
    await expect(panel.getByTestId('predict-label')).toHaveCount(5);
    const clipped = await panel
      .getByTestId('predict-label')
      .evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth + 1).length);
    expect(clipped).toBe(0);

    // All 24 maps of the layer, 16 per page.
    const conv = page.getByTestId('conv-panel');
    await expect(conv.getByTestId('conv-layer')).toHaveCount(1);
    await expect(conv.getByTestId('conv-maps-page')).toHaveText('Canales 1–16 de 24');
    await expect(conv.getByTestId('conv-map')).toHaveCount(16);
    await conv.getByTestId('conv-maps-next').click();
    await expect(conv.getByTestId('conv-maps-page')).toHaveText('Canales 17–24 de 24');
    await expect(conv.getByTestId('conv-map')).toHaveCount(8);
    await expect(conv.getByTestId('conv-map').first()).toContainText('Canal 17');
    await expect(conv.getByTestId('conv-map').last()).toContainText('Canal 24');
    await expect(conv.getByTestId('conv-maps-next')).toBeDisabled();

    // Filters are drawn at a whole-number scale, far larger than 20 px: a 3×3 kernel at 18× is 54 px.
    const filterSize = await conv
      .getByTestId('conv-filter-slice')
      .first()
      .locator('img')
      .evaluate((image) => ({ width: image.getBoundingClientRect().width, rendering: getComputedStyle(image).imageRendering }));
    expect(filterSize).toEqual({ width: 54, rendering: 'pixelated' });

    // A map enlarged: 26×26 values at the largest whole scale that fits, pixels kept square.
    await conv.getByTestId('conv-map').first().locator('button').click();
    const zoom = page.getByTestId('pixel-zoom');
    await expect(zoom).toBeVisible();
    const zoomed = await page.getByTestId('pixel-zoom-image').evaluate(
      (image) =>
        ({ ...image.getBoundingClientRect().toJSON(), rendering: getComputedStyle(image).imageRendering }) as {
          width: number;
          height: number;
          rendering: string;
        },
    );
    expect(zoomed.rendering).toBe('pixelated');
    expect(zoomed.width % 26).toBe(0);
    expect(zoomed.width).toBe(zoomed.height);
    expect(zoomed.width / 26).toBeGreaterThanOrEqual(10);
    await expect(page.getByTestId('pixel-zoom-caption')).toContainText(`Canal 17 · 26×26 píxeles, ampliado ×${zoomed.width / 26}`);
    await zoom.screenshot({ path: 'test-results/filtros-mapas-zoom.png' });
    await page.keyboard.press('Escape');
    await expect(zoom).toHaveCount(0);

    // A filter enlarged: its 3×3 weights as 3×3 equal squares.
    await conv.getByTestId('conv-filter-slice').nth(2).click();
    const kernel = await page.getByTestId('pixel-zoom-image').evaluate((image) => image.getBoundingClientRect().width);
    expect(kernel % 3).toBe(0);
    await expect(page.getByTestId('pixel-zoom-caption')).toContainText('Filtro 3 · 1 · 3×3 píxeles');
    await page.getByTestId('pixel-zoom-close').click();
    await expect(page.getByTestId('pixel-zoom')).toHaveCount(0);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});
