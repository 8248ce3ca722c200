import { expect, test } from './fixtures';
import { readMatrix, rgbPng } from './labFixtures';
import { docsScreenshot } from './screenshotPath';

/** A tiny RGB PNG (a bright diagonal on black) built in memory, so the test needs no fixture file. */
function diagonalPng(size: number): Buffer {
  return rgbPng(size, size, (x, y) => (x === y ? [255, 255, 255] : [0, 0, 0]));
}

/** Independent reference for the explorer: zero-pad the image explicitly, then slide the window by the stride. */
function directCrossCorrelation(image: number[][], filter: number[][], stride: number, padding: number): number[][] {
  const padded = Array.from({ length: image.length + 2 * padding }, (_, r) =>
    Array.from({ length: image[0].length + 2 * padding }, (_, c) => image[r - padding]?.[c - padding] ?? 0),
  );
  const out: number[][] = [];
  for (let r = 0; r + filter.length <= padded.length; r += stride) {
    const row: number[] = [];
    for (let c = 0; c + filter[0].length <= padded[0].length; c += stride) {
      let sum = 0;
      filter.forEach((filterRow, i) => filterRow.forEach((weight, j) => (sum += padded[r + i][c + j] * weight)));
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}

test.describe('Laboratorios', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation').getByRole('button', { name: 'Laboratorios' }).click();
    await expect(page.getByRole('heading', { name: 'Laboratorios', level: 1 })).toBeVisible();
  });

  test('steps the OR perceptron of seed 001 and fills the iteration table by the perceptron rule', async ({ page }) => {
    const lab = page.getByTestId('lab-perceptron');
    await expect(lab.getByTestId('perceptron-gate')).toHaveValue('or');
    const table = lab.getByTestId('perceptron-table');
    const step = lab.getByTestId('perceptron-step');

    await step.click();
    await step.click();
    await step.click();
    await step.click();
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(4);
    // It | (x1, x2) | Σ | output | target | new w | new b, worked by hand from w = (0.5, 0.5), b = 1, η = 1.
    await expect(rows.nth(0).locator('td')).toHaveText(['1', '(0; 0)', '1', '1', '0', '–', '0']);
    await expect(rows.nth(1).locator('td')).toHaveText(['2', '(0; 0)', '0', '1', '0', '–', '−1']);
    await expect(rows.nth(2).locator('td')).toHaveText(['3', '(0; 0)', '−1', '0', '0', '–', '–']);
    await expect(rows.nth(3).locator('td')).toHaveText(['4', '(0; 1)', '−0,5', '0', '1', '(0,5; 1,5)', '0']);
    await expect(lab.getByTestId('perceptron-line')).toContainText('0,5·x₁ + 1,5·x₂ + 0 = 0');

    await lab.getByTestId('perceptron-run').click();
    await expect(rows).toHaveCount(18);
    await expect(rows.nth(17).locator('td')).toHaveText(['18', '(1; 1)', '2', '1', '1', '–', '–']);
    await expect(lab.getByTestId('perceptron-status')).toHaveText('Convergió: todos los patrones se clasifican bien (18 iteraciones).');
    await expect(lab.getByTestId('perceptron-line')).toContainText('1,5·x₁ + 1,5·x₂ − 1 = 0');

    // One neuron cannot learn XOR: the run stops at the iteration limit with errors in the last epoch.
    await lab.getByTestId('perceptron-try-xor').click();
    await expect(lab.getByTestId('perceptron-status')).toContainText('No convergió tras 200 iteraciones');
    await expect(rows).toHaveCount(200);

    // A half-typed number does not restart the run with garbage; it says what is wrong.
    await lab.getByTestId('perceptron-w1').fill('');
    await lab.getByTestId('perceptron-w1').press('Tab');
    await expect(lab.getByTestId('number-input-problem')).toHaveText('No es un número; escribe p. ej. 0,05.');
    await expect(rows).toHaveCount(200);
  });

  test('trains XOR with backprop: the loss falls and the default weights converge faster than x0.1', async ({ page }) => {
    await page.getByTestId('lab-tab-xor').click();
    const lab = page.getByTestId('lab-xor');
    const loss = lab.getByTestId('xor-loss');
    const initial = Number(await loss.getAttribute('data-loss'));
    expect(initial).toBeGreaterThan(0.3);

    await lab.getByTestId('xor-step').click();
    await expect(lab.getByTestId('xor-iteration')).toHaveText('Iteración 1');
    const afterOne = Number(await loss.getAttribute('data-loss'));
    expect(afterOne).toBeLessThan(initial);

    await lab.getByTestId('xor-run-count').fill('200');
    await lab.getByTestId('xor-run-n').click();
    await expect(lab.getByTestId('xor-iteration')).toHaveText('Iteración 201');
    const after201 = Number(await loss.getAttribute('data-loss'));
    expect(after201).toBeLessThan(afterOne);

    await lab.getByTestId('xor-run').click();
    await expect(lab.getByTestId('xor-converged')).toHaveText('Convergió en la iteración 475 (J < 0.01).');
    await expect(lab.getByTestId('xor-iteration')).toHaveText('Iteración 475');
    expect(Number(await loss.getAttribute('data-loss'))).toBeLessThan(0.01);
    await expect(lab.getByTestId('xor-chart-loss').locator('canvas')).toBeVisible();
    // The README's picture of the labs: decision regions, weights, loss and sensitivities after convergence.
    await page.setViewportSize({ width: 1280, height: 1800 });
    await lab.locator('.lab-body').screenshot({ path: docsScreenshot('screenshots/laboratorios.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });

    await lab.getByTestId('xor-small-init').check();
    await expect(lab.getByTestId('xor-iteration')).toHaveText('Iteración 0');
    await lab.getByTestId('xor-run').click();
    await expect(lab.getByTestId('xor-converged')).toHaveText('Convergió en la iteración 2702 (J < 0.01).', { timeout: 30_000 });
  });

  test('computes the seed 004 convolution cell by cell and explains an impossible output size', async ({ page }) => {
    await page.getByTestId('lab-tab-convolution').click();
    const lab = page.getByTestId('lab-convolution');
    await expect(lab.getByTestId('conv-size')).toContainText('La salida mide 5 × 5.');
    await lab.getByTestId('conv-step').click();
    await expect(lab.getByTestId('conv-cell-sum')).toContainText('= 3');
    await lab.getByTestId('conv-complete').click();
    await expect(lab.getByTestId('conv-output').locator('tr').first().locator('td')).toHaveText(['3', '−13', '−13', '10', '−6']);
    await expect(lab.getByTestId('conv-pool').locator('tr').first().locator('td')).toHaveText(['3', '10', '10']);
    await expect(lab.getByTestId('conv-second-layer').locator('tr').nth(1).locator('td')).toHaveText(['13', '−64', '−54']);

    await lab.getByTestId('conv-padding').fill('0');
    await lab.getByTestId('conv-stride').fill('3');
    await lab.getByRole('combobox').first().selectOption('7');
    await expect(lab.getByTestId('conv-size-error')).toContainText('no es entero');
  });

  test('the explorer output equals a direct computation for another filter, a stride of 2 and an edited image', async ({ page }) => {
    await page.getByTestId('lab-tab-convolution').click();
    const lab = page.getByTestId('lab-convolution');
    await lab.getByTestId('conv-filter').selectOption('sobelY');
    await lab.getByTestId('conv-stride').fill('2');
    const cell = lab.getByTestId('conv-image').getByLabel('(1, 1)');
    await cell.fill('7');
    await cell.press('Tab');
    await expect(lab.getByTestId('conv-size')).toContainText('La salida mide 3 × 3.');
    await lab.getByTestId('conv-complete').click();

    const image = [
      [7, 0, 0, 3, 0],
      [0, 0, 10, 0, 3],
      [0, 10, 3, 10, 0],
      [10, 3, 3, 3, 10],
      [3, 3, 3, 3, 3],
    ];
    const sobelY = [
      [-1, -2, -1],
      [0, 0, 0],
      [1, 2, 1],
    ];
    const direct = directCrossCorrelation(image, sobelY, 2, 1);
    expect(direct).toHaveLength(3);
    expect(await readMatrix(lab.getByTestId('conv-output'))).toEqual(direct);
    const relu = direct.map((row) => row.map((v) => Math.max(0, v)));
    expect(await readMatrix(lab.getByTestId('conv-relu'))).toEqual(relu);
    // 3x3 -> 2x2 with the partial windows at the edge kept.
    const pooled = [0, 2].map((r) =>
      [0, 2].map((c) => Math.max(...[0, 1].flatMap((dr) => [0, 1].map((dc) => relu[r + dr]?.[c + dc] ?? -Infinity)))),
    );
    expect(await readMatrix(lab.getByTestId('conv-pool'))).toEqual(pooled);

    // The last cell's sum, term by term, is the one of the direct computation.
    await lab.getByRole('button', { name: 'Reiniciar' }).click();
    for (let i = 0; i < 9; i++) await lab.getByTestId('conv-step').click();
    await expect(lab.getByTestId('conv-cell-sum')).toContainText(`Celda (3, 3):`);
    await expect(lab.getByTestId('conv-cell-sum')).toContainText(`= ${String(direct[2][2]).replace('-', '−').replace('.', ',')}`);
  });

  test('applies the selected filter to a picture the user opens', async ({ page }) => {
    await page.getByTestId('lab-tab-convolution').click();
    const lab = page.getByTestId('lab-convolution');
    await lab.getByTestId('conv-filter').selectOption('sobelX');
    await lab.getByTestId('conv-picture').setInputFiles({ name: 'diagonal.png', mimeType: 'image/png', buffer: diagonalPng(32) });
    await expect(lab.getByText('Escala de grises, 32 × 32')).toBeVisible();
    // Padding 1 and stride 1 keep the size.
    await expect(lab.getByText(/Filtrada, 32 × 32/)).toBeVisible();
    const output = lab.getByTestId('conv-picture-output');
    const shown = await output.evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      return { gray: Array.from(data.filter((_, i) => i % 4 === 0)), width: canvas.width, height: canvas.height };
    });
    expect([shown.width, shown.height]).toEqual([32, 32]);
    // The same Sobel Gx computed directly on the picture (white diagonal = 255), shown with its min..max stretched to 0..255.
    const picture = Array.from({ length: 32 }, (_, y) => Array.from({ length: 32 }, (_, x) => (x === y ? 255 : 0)));
    const sobelX = [
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ];
    const direct = directCrossCorrelation(picture, sobelX, 1, 1).flat();
    const min = Math.min(...direct);
    const span = Math.max(...direct) - min;
    const expected = direct.map((v) => Math.round(((v - min) / span) * 255));
    // Sobel responds with both signs on each side of the diagonal: several gray levels, not a flat image.
    expect(new Set(expected).size).toBeGreaterThan(2);
    const worst = Math.max(...expected.map((v, i) => Math.abs(v - shown.gray[i])));
    expect(worst, 'largest gray-level difference from the direct computation').toBeLessThanOrEqual(1);

    // ReLU keeps only the positive side of the edge.
    await lab.getByText('Aplicar ReLU').click();
    const afterRelu = await output.evaluate((canvas: HTMLCanvasElement) =>
      Array.from(
        canvas
          .getContext('2d')
          ?.getImageData(0, 0, canvas.width, canvas.height)
          .data.filter((_, i) => i % 4 === 0) ?? [],
      ),
    );
    const positive = direct.map((v) => Math.max(0, v));
    const top = Math.max(...positive);
    expect(Math.max(...positive.map((v, i) => Math.abs(Math.round((v / top) * 255) - afterRelu[i])))).toBeLessThanOrEqual(1);
  });

  test("plots f and f' of the lecture table, with alpha for ELU", async ({ page }) => {
    await page.getByTestId('lab-tab-activations').click();
    const lab = page.getByTestId('lab-activations');
    const probe = lab.getByTestId('activation-probe');
    // Sigmoid at 0 (the default): f = 1/2, f' = f (1 - f) = 1/4.
    await expect(probe).toHaveText("f(x) = 0,5; f'(x) = 0,25");
    await lab.getByRole('radio', { name: 'ELU', exact: true }).click();
    await lab.getByTestId('activation-alpha').fill('0.5');
    await lab.getByLabel('x =').fill('-1');
    // α (e^x − 1) = 0.5 (e^−1 − 1) = −0.31606; f' = f + α = 0.5 e^−1 = 0.18394.
    await expect(probe).toHaveText("f(x) = −0,3161; f'(x) = 0,1839");
    await lab.getByRole('radio', { name: 'ReLU', exact: true }).click();
    await expect(lab.getByTestId('activation-alpha')).toHaveCount(0);
    // The dying ReLU: no gradient for a negative net input.
    await expect(probe).toHaveText("f(x) = 0; f'(x) = 0");
    await expect(lab.locator('canvas')).toBeVisible();
    await expect(lab.getByText('para |x| grande')).toBeVisible();
  });

  test('renders the formulas as MathML with the bundled math font, so they stretch offline', async ({ page }) => {
    const lab = page.getByTestId('lab-perceptron');
    await page.evaluate(() => document.fonts.ready);
    await expect
      .poll(() =>
        page.evaluate(() =>
          Array.from(document.fonts).some((face) => face.family.replace(/["']/g, '') === 'Sinapsis Math' && face.status === 'loaded'),
        ),
      )
      .toBe(true);
    // The brace of the step function spans both of its cases only when the font has an OpenType MATH table.
    const heights = await lab
      .locator('math')
      .first()
      .evaluate((math) => {
        const brace = Array.from(math.querySelectorAll('mo')).find((mo) => mo.textContent === '{');
        const letter = math.querySelector('mi');
        return { brace: brace?.getBoundingClientRect().height ?? 0, letter: letter?.getBoundingClientRect().height ?? 1 };
      });
    expect(heights.brace / heights.letter).toBeGreaterThan(1.6);
    for (const id of ['perceptron', 'xor', 'activations', 'convolution', 'playground']) {
      await page.getByTestId(`lab-tab-${id}`).click();
      const sizes = await page
        .getByTestId(`lab-${id}`)
        .locator('.explanation math')
        .evaluateAll((formulas) => formulas.map((math) => math.getBoundingClientRect()).map((box) => Math.min(box.width, box.height)));
      expect(sizes.length, id).toBeGreaterThan(0);
      // Every formula is laid out (a browser without MathML would leave some as zero-size inline text runs).
      expect(Math.min(...sizes), id).toBeGreaterThan(5);
    }
  });

  test('the labs speak Portuguese and English too', async ({ page }) => {
    await page.getByTestId('language').selectOption('pt');
    await expect(page.getByTestId('lab-tab-activations')).toHaveText('Funções de ativação');
    await expect(page.getByTestId('perceptron-step')).toHaveText('Passo');
    await page.getByTestId('language').selectOption('en');
    await expect(page.getByTestId('lab-tab-convolution')).toHaveText('Convolution explorer');
    await expect(page.getByTestId('perceptron-table').locator('th').nth(5)).toHaveText('New w');
  });

  test('the playground trains and its test loss falls', async ({ page }) => {
    await page.getByTestId('lab-tab-playground').click();
    const lab = page.getByTestId('lab-playground');
    const before = Number((await lab.getByTestId('playground-test-loss').textContent())?.split(' ')[0].replace(',', '.'));
    for (let i = 0; i < 20; i++) await lab.getByTestId('playground-step').click();
    await expect(lab.getByTestId('playground-epoch')).toHaveText('20');
    const after = Number((await lab.getByTestId('playground-test-loss').textContent())?.split(' ')[0].replace(',', '.'));
    expect(after).toBeLessThan(before);
  });

  test('the playground saves its settings to a file and reproduces them when loaded', async ({ page }) => {
    await page.getByTestId('lab-tab-playground').click();
    const lab = page.getByTestId('lab-playground');
    await lab.getByTestId('playground-dataset').selectOption('spirals');
    await lab.getByTestId('playground-add-layer').click();
    await expect(lab.getByTestId('playground-layer')).toHaveCount(3);
    const downloading = page.waitForEvent('download');
    await lab.getByTestId('playground-save').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('playground-spirals.json');
    const saved = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    expect(saved).toMatchObject({ kind: 'sinapsis.playground', dataset: 'spirals' });
    expect(saved.hiddenLayers).toHaveLength(3);

    await lab.getByTestId('playground-reset').click();
    await lab.getByTestId('playground-dataset').selectOption('circles');
    await lab
      .getByTestId('playground-load')
      .setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
    await expect(lab.getByTestId('playground-dataset')).toHaveValue('spirals');
    await expect(lab.getByTestId('playground-layer')).toHaveCount(3);

    await lab
      .getByTestId('playground-load')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"sinapsis.playground"') });
    await expect(lab.getByTestId('playground-load-error')).toContainText('broken.json');
  });
});
