import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { encodePng, Image } from 'image-js';
import { expect, test } from './fixtures';

/**
 * A student's own colour photos without typing a path: a folder uploaded through the page's chooser, trained as a
 * colour CNN; a .zip dropped onto the page; the recent datasets on Inicio after a reload.
 */

const HUES: Record<string, [number, number, number]> = { rojo: [170, 85, 85], verde: [85, 128, 85], azul: [100, 100, 186] };

/** fotos/<hue>/<n>.png: 16×16 tints of equal grey level with noise, so only colour tells the classes apart. */
function makePhotos(): string {
  const root = mkdtempSync(join(tmpdir(), 'sinapsis-e2e-photos-'));
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 41) - 20;
  for (const [name, colour] of Object.entries(HUES)) {
    mkdirSync(join(root, 'fotos', name), { recursive: true });
    for (let i = 0; i < 12; i++) {
      const data = new Uint8Array(16 * 16 * 3);
      for (let p = 0; p < 256; p++) {
        const noise = random();
        for (let c = 0; c < 3; c++) data[p * 3 + c] = colour[c] + noise;
      }
      writeFileSync(join(root, 'fotos', name, `${i}.png`), encodePng(new Image(16, 16, { colorModel: 'RGB', data })));
    }
  }
  return join(root, 'fotos');
}

test('a colour photo folder uploaded through the chooser trains a colour CNN; recent datasets after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const folder = makePhotos();
  await page.goto('/#/datos');
  await page.getByTestId('upload-folder-input').setInputFiles(folder);
  await expect(page.getByTestId('fingerprint')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: /fotos/ })).toBeVisible();
  await expect(page.getByTestId('data-colour-note')).toContainText('Las imágenes tienen color');
  await page.screenshot({ path: 'test-results/datos-subida.png' });

  // Modelo: a LeNet preset takes the photos as 20×20 RGB and outputs one unit per class, and says so.
  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await page.getByTestId('model-preset').selectOption('lenet20');
  await page.getByTestId('model-preset-apply').click();
  await expect(page.getByTestId('model-input-shape')).toHaveText('[20 × 20 × 3]');
  await expect(page.getByTestId('model-notice')).toContainText(
    'La entrada pasa de [20 × 20 × 1] a [20 × 20 × 3] para coincidir con las características; la salida pasa de 10 a 3 neuronas',
  );
  await expect(page.getByTestId('pixel-color-mode')).toHaveValue('auto');
  await expect(page.getByTestId('pixel-width')).toHaveValue('20');
  await page.getByTestId('pixel-resize-mode').selectOption('crop');
  await expect(page.getByTestId('model-input-mismatch')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/modelo-color.png' });

  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await page.getByTestId('train-optimizer').selectOption('adam');
  await page.getByTestId('train-lr').fill('0.01');
  await page.getByTestId('train-lr').press('Tab');
  await page.getByTestId('train-epochs').fill('4');
  await page.getByTestId('train-epochs').press('Tab');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed', { timeout: 150_000 });

  // Inicio lists the uploaded folder after a reload and reopens it with one click.
  await page.goto('/#/inicio');
  await page.reload();
  const recent = page.getByTestId('recent-datasets');
  await expect(recent).toContainText('fotos');
  await expect(recent).toContainText('36 imágenes, 3 clases');
  await recent.getByTestId('recent-open').first().click();
  await expect(page.getByTestId('fingerprint')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: /fotos/ })).toBeVisible();
});

test('a .zip dropped onto the page opens as a dataset; a class folder alone is refused with what to drop', async ({ page }) => {
  const folder = makePhotos();
  const entries: Record<string, Uint8Array> = {};
  for (const name of Object.keys(HUES))
    for (let i = 0; i < 4; i++) entries[`fotos/${name}/${i}.png`] = new Uint8Array(readFileSync(join(folder, name, `${i}.png`)));
  const zip = Buffer.from(zipSync(entries)).toString('base64');
  await page.goto('/#/datos');
  const drop = async (files: { name: string; base64: string; type: string }[]) => {
    const transfer = await page.evaluateHandle((list) => {
      const data = new DataTransfer();
      for (const file of list)
        data.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }));
      return data;
    }, files);
    await page.getByTestId('upload-drop').dispatchEvent('drop', { dataTransfer: transfer });
  };
  await drop([{ name: 'fotos.zip', base64: zip, type: 'application/zip' }]);
  await expect(page.getByTestId('fingerprint')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: /fotos/ })).toBeVisible();

  // Loose images dropped (no class folders): a translated message, and the dataset stays loaded.
  const png = readFileSync(join(folder, 'rojo', '0.png')).toString('base64');
  await drop([
    { name: 'a.png', base64: png, type: 'image/png' },
    { name: 'b.png', base64: png, type: 'image/png' },
  ]);
  await expect(page.getByTestId('data-error')).toContainText('ninguna subcarpeta');
  await expect(page.getByTestId('fingerprint')).toBeVisible();
});
