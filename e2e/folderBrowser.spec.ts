import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { encodePng, Image } from 'image-js';
import { expect, test } from './fixtures';
import { docsScreenshot } from './screenshotPath';

/**
 * The page's own folder browser (browser mode on this machine): start at home, breadcrumbs, hidden folders left out,
 * dataset folders marked, keyboard use, and a dataset opened from it without typing its path.
 */

function png(value: number): Uint8Array {
  return encodePng(new Image(8, 8, { colorModel: 'RGB', data: new Uint8Array(8 * 8 * 3).fill(value) }));
}

/** base/{.oculta, colores/{rojo,azul}/n.png, suelta/1.png, tabla.csv} */
function makeTree(): string {
  const base = mkdtempSync(join(tmpdir(), 'sinapsis-e2e-browse-'));
  for (const [name, value] of [
    ['rojo', 200],
    ['azul', 40],
  ] as const) {
    mkdirSync(join(base, 'colores', name), { recursive: true });
    for (let i = 0; i < 3; i++) writeFileSync(join(base, 'colores', name, `${i}.png`), png(value + i));
  }
  mkdirSync(join(base, 'suelta'));
  writeFileSync(join(base, 'suelta', '1.png'), png(9));
  mkdirSync(join(base, '.oculta'));
  writeFileSync(join(base, 'tabla.csv'), 'x,clase\n1,a\n2,b\n');
  return base;
}

test('Explorar… starts at home; a typed folder, breadcrumbs, marks and the keyboard lead to a dataset that opens', async ({ page }) => {
  const base = makeTree();
  await page.goto('/#/datos');

  await page.getByTestId('pick-image-folder').click();
  const browser = page.getByTestId('folder-browser');
  await expect(browser).toBeVisible();
  await expect(browser.getByTestId('browse-crumb').last()).toHaveText(basename(homedir()) || '/');
  await expect(browser.getByRole('heading')).toHaveText('Elige la carpeta del conjunto');
  await page.keyboard.press('Escape');
  await expect(browser).toHaveCount(0);

  // From the folder typed in the field: hidden folder left out, the dataset and the class folder marked, no CSV here.
  await page.getByTestId('folder-path').fill(base);
  await page.getByTestId('pick-image-folder').click();
  const entries = browser.getByTestId('browse-entry');
  await expect(entries).toHaveText([/colores.*conjunto de imágenes/, /suelta.*carpeta de una clase/]);
  await expect(browser.getByTestId('browse-list')).not.toContainText('.oculta');
  await page.screenshot({ path: docsScreenshot('screenshots/datos-explorar.png') });

  // Keyboard: the first entry has focus; ArrowDown + Enter goes into "suelta", which says it is one class; Backspace goes up.
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(browser.getByTestId('browse-class-note')).toContainText('parece una sola clase');
  await expect(browser.getByTestId('browse-crumb').last()).toHaveText('suelta');
  await page.keyboard.press('Backspace');
  await expect(browser.getByTestId('browse-crumb').last()).toHaveText(basename(base));
  // Back up, the folder just left has the focus: ArrowUp, then Enter goes into the dataset.
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(browser.getByTestId('browse-crumb').last()).toHaveText('colores');
  await expect(entries).toHaveText([/azul.*carpeta de una clase/, /rojo.*carpeta de una clase/]);
  // A breadcrumb goes back up; "Abrir" on the marked dataset opens it.
  await browser
    .getByTestId('browse-crumb')
    .filter({ hasText: basename(base) })
    .click();
  await browser.getByTestId('browse-open-entry').click();
  await expect(browser).toHaveCount(0);
  await expect(page.getByTestId('fingerprint')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /colores/ })).toBeVisible();
  await expect(page.getByTestId('folder-path')).toHaveValue(join(base, 'colores'));

  // The CSV chooser lists tables too, and a click on one opens it.
  await page.getByTestId('csv-path').fill(base);
  await page.getByTestId('pick-csv').click();
  await expect(browser.getByRole('heading')).toHaveText('Elige un archivo CSV o TSV');
  await browser.getByTestId('browse-entry').filter({ hasText: 'tabla.csv' }).click();
  await expect(page.getByTestId('csv-path')).toHaveValue(join(base, 'tabla.csv'));
  await expect(page.getByTestId('csv-target')).toBeVisible({ timeout: 30_000 });
});

test('the folder browser is translated and a folder gone meanwhile is refused with what to do, the listing kept', async ({ page }) => {
  const base = makeTree();
  await page.goto('/#/datos');
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('folder-path').fill(base);
  await page.getByTestId('pick-image-folder').click();
  const browser = page.getByTestId('folder-browser');
  await expect(browser.getByRole('heading')).toHaveText('Choose the dataset folder');
  await expect(browser.getByTestId('browse-entry')).toHaveText([/colores.*image dataset/, /suelta.*one class folder/]);
  rmSync(join(base, 'suelta'), { recursive: true });
  await browser.getByTestId('browse-entry').filter({ hasText: 'suelta' }).click();
  await expect(browser.getByTestId('browse-error')).toHaveText(
    `"${join(base, 'suelta')}" is not a folder that exists. Go up to a folder that exists, or start again from the first one.`,
  );
  await expect(browser.getByTestId('browse-crumb').last()).toHaveText(basename(base));
  await browser.getByTestId('browse-cancel').click();
  await expect(browser).toHaveCount(0);
});
