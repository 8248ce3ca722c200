import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { loadDigitsInDatos } from './digitsFlows';
import { docsScreenshot } from './screenshotPath';

test.setTimeout(180_000);

/** Boxes of the diagram's texts as the browser lays them out (real font metrics), and any pair that overlaps. */
async function overlappingTexts(diagram: Locator): Promise<string[]> {
  return diagram.evaluate((element) => {
    const texts = [...element.querySelectorAll('svg text')].map((node) => ({
      text: node.textContent ?? '',
      box: node.getBoundingClientRect(),
    }));
    const overlaps: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].box;
        const b = texts[j].box;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
          overlaps.push(`${texts[i].text} / ${texts[j].text}`);
      }
    }
    return overlaps;
  });
}

const roleTexts = (diagram: Locator, role: string) => diagram.locator(`svg text[data-role="${role}"]`).allTextContents();

test('Modelo: the diagram draws each layer with its shape and parameters, a real HOG sample, live, without overlapping labels', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loadDigitsInDatos(page);

  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await page.getByTestId('model-preset').selectOption('mlp320_18_10');
  await page.getByTestId('model-preset-apply').click();
  const diagram = page.getByTestId('model-diagram');
  await expect.poll(() => roleTexts(diagram, 'shape')).toEqual(['[320]', '[18]', '[10]']);
  await expect.poll(() => roleTexts(diagram, 'params')).toEqual(['5778 parámetros', '190 parámetros']);
  // The input is the HOG picture of the dataset's first image: white strokes on black, one per non-empty bin.
  await expect.poll(() => diagram.locator('svg line[stroke="#ffffff"]').count()).toBeGreaterThan(20);
  await expect(page.getByTestId('model-diagram-caption')).toContainText('la imagen HOG de');
  expect(await overlappingTexts(diagram)).toEqual([]);
  await diagram.screenshot({ path: docsScreenshot('screenshots/modelo-diagrama-mlp.png') });

  // Live: a wider hidden layer is redrawn at once, with summarizeModel's count (320 × 32 + 32).
  await page.getByTestId('layer-0-units').fill('32');
  await page.getByTestId('layer-0-units').press('Enter');
  await expect.poll(() => roleTexts(diagram, 'shape')).toEqual(['[320]', '[32]', '[10]']);
  await expect.poll(() => roleTexts(diagram, 'params')).toEqual(['10.272 parámetros', '330 parámetros']);

  // LeNet on the same digits: raw pixels, so the input is the image itself, then stacks of maps and columns of neurons.
  await page.getByTestId('model-preset').selectOption('lenet28');
  await page.getByTestId('model-preset-apply').click();
  await expect
    .poll(() => roleTexts(diagram, 'shape'))
    .toEqual(['[28 × 28 × 1]', '[24 × 24 × 6]', '[12 × 12 × 6]', '[8 × 8 × 16]', '[4 × 4 × 16]', '[256]', '[120]', '[84]', '[10]']);
  await expect(diagram.locator('svg image')).toHaveCount(1);
  await expect(page.getByTestId('model-diagram-caption')).toContainText('la imagen');
  expect(await roleTexts(diagram, 'params')).toEqual([
    '156 parámetros',
    'sin parámetros',
    '2416 parámetros',
    'sin parámetros',
    'sin parámetros',
    '30.840 parámetros',
    '10.164 parámetros',
    '850 parámetros',
  ]);
  expect(await overlappingTexts(diagram)).toEqual([]);
  // The picture fits its box: no horizontal scroll.
  expect(await diagram.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  await diagram.screenshot({ path: docsScreenshot('screenshots/modelo-diagrama-cnn.png') });

  // A layer that cannot be built turns red and the ones after it lose their shape.
  await page.getByTestId('layer-0-kernel').fill('6');
  await page.getByTestId('layer-0-kernel').press('Enter');
  await expect
    .poll(() => roleTexts(diagram, 'shape'))
    .toEqual(['[28 × 28 × 1]', '[23 × 24 × 6]', '[?]', '[?]', '[?]', '[?]', '[?]', '[?]', '[?]']);
  await expect(diagram.locator('svg text[data-role="type"][fill="#b3261e"]').first()).toBeVisible();

  // The labels follow the language.
  await page.getByTestId('layer-0-kernel').fill('5');
  await page.getByTestId('layer-0-kernel').press('Enter');
  await page.getByTestId('language').selectOption('en');
  await expect.poll(() => roleTexts(diagram, 'params')).toContain('30,840 parameters');
  expect(await overlappingTexts(diagram)).toEqual([]);
});
