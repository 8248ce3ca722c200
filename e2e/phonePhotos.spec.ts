import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/**
 * Done means (issue 13): a student drops a folder of colour phone photos onto the page, trains a colour CNN on it and
 * sees colour, without typing a path. The photos are what phones make: 12-megapixel JPEGs in landscape and portrait,
 * one stored sideways with an EXIF orientation tag, and smaller ones of other sizes. A headless Chromium cannot put
 * folder entries into a DataTransfer, so the drop carries FileSystemEntry look-alikes over the real files (chosen
 * through a file input), walked by the page's real drop code (src/renderer/src/composables/folderDrop.ts).
 */

const PYTHON = '/usr/bin/python3';
const hasPil = spawnSync(PYTHON, ['-c', 'import PIL.Image, numpy'], { stdio: 'ignore' }).status === 0;

/**
 * fotos-movil/{calido,frio}/: smooth warm or cool noise (so the classes differ by colour), JPEG quality 90.
 * girada.jpg is stored 1600×1200 with its top half red and bottom half green and EXIF orientation 6: upright it is
 * 1200×1600 (portrait) with the red half on the right.
 */
const SCRIPT = `
import sys, numpy as np
from PIL import Image
root = sys.argv[1]
rng = np.random.default_rng(3)
def photo(w, h, tint):
    small = rng.normal(0, 40, (max(2, h // 64), max(2, w // 64), 3))
    noise = np.asarray(Image.fromarray(np.clip(small + 128, 0, 255).astype(np.uint8)).resize((w, h), Image.BILINEAR), np.float32) - 128
    return Image.fromarray(np.clip(np.array(tint, np.float32) + noise, 0, 255).astype(np.uint8))
import os
for name, tint, big in (('calido', (200, 120, 60), (4032, 3024)), ('frio', (60, 120, 200), (3024, 4032))):
    os.makedirs(f'{root}/fotos-movil/{name}')
    photo(*big, tint).save(f'{root}/fotos-movil/{name}/grande.jpg', quality=90)
    for i, size in enumerate(((640, 480), (480, 640), (1024, 768), (300, 300), (800, 800), (1280, 720))):
        photo(*size, tint).save(f'{root}/fotos-movil/{name}/foto-{i}.jpg', quality=90)
sideways = np.zeros((1200, 1600, 3), np.uint8); sideways[:600] = (220, 30, 30); sideways[600:] = (30, 200, 30)
exif = Image.Exif(); exif[0x0112] = 6
Image.fromarray(sideways).save(f'{root}/fotos-movil/calido/girada.jpg', quality=92, exif=exif)
# Bad input a phone folder can hold: a CMYK JPEG (loads as RGB), a 1-pixel image (loads, with a note), and a PNG whose
# header says 20,000 x 20,000 (refused from the header, before decoding).
Image.new('CMYK', (64, 48), (0, 120, 200, 0)).save(f'{root}/fotos-movil/calido/cmyk.jpg')
Image.new('RGB', (1, 1), (200, 120, 60)).save(f'{root}/fotos-movil/calido/pixel.png')
import struct, zlib
ihdr = struct.pack('>IIBBBBB', 20000, 20000, 8, 2, 0, 0, 0)
chunk = lambda kind, body: struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body))
open(f'{root}/fotos-movil/frio/enorme.png', 'wb').write(bytes.fromhex('89504e470d0a1a0a') + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(bytes(1000))) + chunk(b'IEND', b''))
`;

test.skip(!hasPil, 'Debian python3 with PIL and numpy makes the phone photos');

test('a dropped folder of colour phone photos (12 MP, EXIF-rotated, mixed sizes) opens upright, in colour, and trains a colour CNN', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const base = mkdtempSync(join(tmpdir(), 'sinapsis-e2e-phone-'));
  execFileSync(PYTHON, ['-c', SCRIPT, base]);
  // A file dropped on another view is not opened by the browser (which would leave Sinapsis).
  await page.goto('/#/inicio');
  const prevented = await page.evaluate(() => {
    const stray = new Event('drop', { bubbles: true, cancelable: true });
    document.querySelector('main')?.dispatchEvent(stray);
    return stray.defaultPrevented;
  });
  expect(prevented).toBe(true);
  await page.goto('/#/datos');

  // The real files into the page, then a drop of a folder entry over them (reader batches of 3, as Chromium's of 100).
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), {
      type: 'file',
      multiple: true,
      webkitdirectory: true,
      id: 'e2e-files',
      hidden: true,
    });
    document.body.append(input);
  });
  await page.setInputFiles('#e2e-files', join(base, 'fotos-movil'));
  await page.evaluate(() => {
    type Node = { files: Map<string, File>; folders: Map<string, Node> };
    const tree: Node = { files: new Map(), folders: new Map() };
    for (const file of Array.from((document.getElementById('e2e-files') as HTMLInputElement).files ?? [])) {
      const parts = file.webkitRelativePath.split('/');
      let node = tree;
      for (const part of parts.slice(0, -1)) {
        if (!node.folders.has(part)) node.folders.set(part, { files: new Map(), folders: new Map() });
        node = node.folders.get(part) as Node;
      }
      node.files.set(parts[parts.length - 1], file);
    }
    const entryOf = (name: string, node: Node, parent: string): unknown => {
      const fullPath = `${parent}/${name}`;
      const children = [
        ...[...node.folders].map(([child, sub]) => entryOf(child, sub, fullPath)),
        ...[...node.files].map(([child, file]) => ({
          isFile: true,
          isDirectory: false,
          name: child,
          fullPath: `${fullPath}/${child}`,
          file: (done: (f: File) => void) => setTimeout(() => done(file)),
        })),
      ];
      return {
        isFile: false,
        isDirectory: true,
        name,
        fullPath,
        createReader: () => {
          let at = 0;
          return { readEntries: (done: (entries: unknown[]) => void) => setTimeout(() => done(children.slice(at, (at += 3)))) };
        },
      };
    };
    const [[top, node]] = [...tree.folders];
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { items: [{ webkitGetAsEntry: () => entryOf(top, node, '') }], files: [] } });
    // Dropped on the page's title, not on the upload zone: Datos takes a drop anywhere.
    document.querySelector('.data-view h1')?.dispatchEvent(drop);
  });

  await expect(page.getByTestId('fingerprint')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('heading', { name: /fotos-movil/ })).toBeVisible();
  // 15 photos, the CMYK JPEG and the 1-pixel image; the 20,000 × 20,000 one is skipped with the reason.
  await expect(page.getByTestId('image-total')).toHaveText('17');
  const problems = page.getByTestId('problems');
  await expect(problems.locator('tr', { hasText: 'frio/enorme.png' })).toContainText(
    '20000×20000 píxeles supera el límite de 50 megapíxeles; reduce la imagen',
  );
  await expect(problems.locator('tr', { hasText: 'calido/pixel.png' })).toContainText('solo 1×1 píxeles');
  await expect(problems).not.toContainText('cmyk.jpg');
  await expect(page.getByTestId('data-colour-note')).toContainText('Las imágenes tienen color');
  // The two 12 MP photos and the five others over 800 pixels on a side are shrunk while decoding, and said so.
  await expect(page.getByTestId('data-downscaled')).toContainText('7 imágenes grandes se redujeron al cargarlas a 800 píxeles');

  // The sideways photo shows upright: portrait, with its red half on the right.
  await page.getByTestId('gallery-class').selectOption('calido');
  await page.getByRole('img', { name: 'calido/girada.jpg' }).click();
  const viewer = page.getByTestId('image-viewer');
  await expect(viewer).toContainText('600×800 píxeles');
  const sides = await viewer.locator('img').evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight });
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(img, 0, 0);
    const at = (x: number, y: number) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3));
    return { left: at(img.naturalWidth * 0.25, img.naturalHeight / 2), right: at(img.naturalWidth * 0.75, img.naturalHeight / 2) };
  });
  expect(sides.right[0]).toBeGreaterThan(180);
  expect(sides.right[1]).toBeLessThan(80);
  expect(sides.left[1]).toBeGreaterThan(160);
  expect(sides.left[0]).toBeLessThan(80);

  // Modelo: the pixel size field (suggested from the median size), a colour LeNet, trained.
  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await page.getByTestId('model-preset').selectOption('lenet20');
  await page.getByTestId('model-preset-apply').click();
  await page.getByTestId('pixel-width').fill('24');
  await page.getByTestId('pixel-width').press('Tab');
  await page.getByTestId('pixel-height').fill('24');
  await page.getByTestId('pixel-height').press('Tab');
  await page.getByTestId('pixel-resize-mode').selectOption('crop');
  await expect(page.getByTestId('model-input-shape')).toHaveText('[24 × 24 × 3]');
  await expect(page.getByTestId('model-input-mismatch')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/modelo-fotos-movil.png' });
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await page.getByTestId('train-epochs').fill('3');
  await page.getByTestId('train-epochs').press('Tab');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed', { timeout: 150_000 });
});
