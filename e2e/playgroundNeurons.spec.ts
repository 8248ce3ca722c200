import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { docsScreenshot } from './screenshotPath';

/** The pixels of a neuron's picture as a data URL: two different moments of learning give two different strings. */
const pixels = (canvas: Locator) => canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());

/** A lab number as the Spanish page shows it ("−0,523", "0,31 (exactitud 98 %)"). */
const number = (text: string | null) => Number((text ?? '').split(' ')[0].replace('−', '-').replace(',', '.'));

async function openPlayground(page: Page): Promise<Locator> {
  await page.goto('/#/laboratorios/playground');
  const lab = page.getByTestId('lab-playground');
  await expect(lab).toBeVisible();
  return lab;
}

test.describe('Playground: neurons as pictures', () => {
  test('with x₁² and x₂² the circles are learnt, each neuron picture changes while training, and a clicked neuron shows its weights', async ({
    page,
  }) => {
    const lab = await openPlayground(page);
    await expect(lab.getByTestId('playground-dataset')).toHaveValue('circles');
    const network = lab.getByTestId('playground-network');
    await expect(network).toContainText('La red por dentro');
    // Seven features in the column, two ticked; four and two hidden neurons, one output.
    await expect(network.locator('input[type=checkbox]')).toHaveCount(7);
    await expect(network.locator('input[type=checkbox]:checked')).toHaveCount(2);
    await expect(network.locator('[data-testid^=playground-neuron-]')).toHaveCount(7);

    await lab.getByTestId('playground-feature-x1Squared').check();
    await lab.getByTestId('playground-feature-x2Squared').check();
    await expect(lab.getByTestId('playground-features-notice')).toContainText('Cambiaste las entradas');
    await expect(lab.getByTestId('playground-epoch')).toHaveText('0');
    const lossBefore = number(await lab.getByTestId('playground-test-loss').textContent());

    const neuron = lab.getByTestId('playground-neuron-0-0').locator('canvas');
    const atStart = await pixels(neuron);
    await lab.getByTestId('playground-play').click();
    await expect.poll(async () => Number(await lab.getByTestId('playground-epoch').textContent()), { timeout: 30_000 }).toBeGreaterThan(5);
    const whileTraining = await pixels(neuron);
    expect(whileTraining).not.toBe(atStart);
    await expect.poll(async () => Number(await lab.getByTestId('playground-epoch').textContent()), { timeout: 60_000 }).toBeGreaterThan(60);
    expect(await pixels(neuron)).not.toBe(whileTraining);
    await lab.getByTestId('playground-pause').click();
    await expect(lab.getByTestId('playground-features-notice')).toHaveCount(0);

    const lossAfter = number(await lab.getByTestId('playground-test-loss').textContent());
    expect(lossAfter).toBeLessThan(lossBefore / 2);
    await expect(lab.getByTestId('playground-test-loss')).toContainText(/exactitud (9\d|100)\s%/);

    // The first hidden neuron listens to the four ticked features, in the column's order, plus its bias.
    await lab.getByTestId('playground-neuron-0-0').click();
    const details = lab.getByTestId('playground-neuron-details');
    await expect(details.getByTestId('playground-neuron-name')).toHaveText('Neurona 1 de la capa 1');
    const rows = details.getByTestId('playground-neuron-weights').locator('tbody tr');
    await expect(rows).toHaveCount(5);
    await expect(rows.locator('td:first-child')).toHaveText(['x₁', 'x₂', 'x₁²', 'x₂²', 'Sesgo b']);
    // Spanish numbers: a decimal comma, a true minus sign, at most 3 decimals (trailing zeros dropped).
    const numbers = await rows.locator('td.number').allTextContents();
    for (const text of numbers) expect(text).toMatch(/^−?\d+(,\d{1,3})?$/);
    expect(numbers.some((text) => text.includes(','))).toBe(true);
    // A second-layer neuron names the first layer's neurons as its sources.
    await lab.getByTestId('playground-neuron-1-1').click();
    await expect(rows.first().locator('td').first()).toHaveText('Neurona 1 de la capa 1');
    await expect(rows).toHaveCount(5);
    await lab.getByTestId('playground-neuron-0-0').click();
    // Tall enough that the status bar at the bottom of the window does not cover the panel.
    await page.setViewportSize({ width: 1280, height: 1800 });
    // The diagram beside the decision map and the loss curves, as the lab lays them out.
    await lab.locator('.lab-body').screenshot({ path: docsScreenshot('screenshots/playground-neuronas.png') });
  });

  test('stays responsive with 3 hidden layers of 8 neurons and all seven features', async ({ page }) => {
    const lab = await openPlayground(page);
    await lab.getByTestId('playground-add-layer').click();
    const layers = lab.getByTestId('playground-layer');
    await expect(layers).toHaveCount(3);
    for (let l = 0; l < 3; l++) {
      const units = layers.nth(l).locator('input').first();
      await units.fill('8');
      await units.press('Tab');
    }
    for (const id of ['x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2']) await lab.getByTestId(`playground-feature-${id}`).check();
    await expect(lab.locator('[data-testid^=playground-neuron-]')).toHaveCount(25);
    await lab.getByTestId('playground-play').click();
    // The gaps between animation frames while it trains and redraws 25 pictures: the page must keep painting.
    const gaps = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const times: number[] = [];
          const tick = (time: number) => {
            times.push(time);
            if (times.length < 60) requestAnimationFrame(tick);
            else resolve(times.slice(1).map((t, i) => t - times[i]));
          };
          requestAnimationFrame(tick);
        }),
    );
    await lab.getByTestId('playground-pause').click();
    const sorted = [...gaps].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    test.info().annotations.push({
      type: 'frame gap (ms)',
      description: `median ${median.toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)}`,
    });
    console.log(`playground 3×8, 7 features: frame gap median ${median.toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
    expect(Number(await lab.getByTestId('playground-epoch').textContent())).toBeGreaterThan(0);
    // The pause button answered at once (no long task in the way) and the last neuron was drawn.
    await expect(lab.getByTestId('playground-play')).toBeVisible();
    const last = lab.getByTestId('playground-neuron-2-7').locator('canvas');
    const blank = await last.evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      return Array.from(data).every((v) => v === 0);
    });
    expect(blank).toBe(false);
  });
});
