import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { defaultRunsRoot } from '../src/main/core/services';
import { callCore } from './callCore';
import { expect, test } from './fixtures';
import { findOverflows, type Overflow } from './overflow';
import { docsScreenshot } from './screenshotPath';

/**
 * The layout holds on a lab PC and a projector: every view, in every language, at the sizes of the machines the
 * course meets (1280×720 projector, 1366×768 laptop, 1920×1080 monitor; 2560×1440 and 150 % zoom spot-checked),
 * with a dataset and a finished run loaded so that the views show their real cards, tables and charts. Any element
 * whose content overflows its box or that leaves the window sideways fails the test, named with the view, language
 * and size. One page is used throughout (size and language change in place) to keep the run short; each state's
 * picture goes to test-results/layout/ for a person to look over.
 */

const DIGITS = resolve('resources/datasets/digits-opencv');
/** Long class names, as students' own folders have: they must wrap or fit in every table, chart and bar label. */
const CLASSES = { 'astronauta en órbita': '0', 'bicicleta de montaña': '1', 'señal de tráfico siete': '7' };
const IMAGES_PER_CLASS = 30;

const LANGUAGES = ['es', 'pt', 'en'] as const;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const LABS = ['perceptron', 'xor', 'activations', 'convolution', 'playground'] as const;
const VIEWS = [
  'inicio',
  'datos',
  'caracteristicas',
  'modelo',
  'entrenamiento',
  'evaluacion',
  'informe',
  ...LABS.map((lab) => `laboratorios/${lab}`),
  'acerca',
];

async function buildDataset(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'sinapsis-layout-'));
  for (const [name, digit] of Object.entries(CLASSES)) {
    await mkdir(join(root, name));
    const files = (await readdir(join(DIGITS, digit))).sort().slice(0, IMAGES_PER_CLASS);
    for (const file of files) await copyFile(join(DIGITS, digit, file), join(root, name, file));
  }
  return root;
}

/** Datos -> Modelo (the rule of thumb) -> Entrenamiento, trained to the end -> Evaluación with its panels open. */
async function loadDatasetAndRun(page: Page, root: string): Promise<string> {
  await page.goto('/#/datos');
  await page.getByTestId('folder-path').fill(root);
  await page.getByTestId('folder-open').click();
  await expect(page.getByTestId('image-total')).toHaveText(String(3 * IMAGES_PER_CLASS));
  await page.goto('/#/modelo');
  await page.getByTestId('model-suggest').click();
  await expect(page.getByTestId('model-suggestion')).toBeVisible();
  await page.goto('/#/entrenamiento');
  await page.getByTestId('train-epochs').fill('4');
  await page.getByTestId('train-epochs').press('Tab');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed', { timeout: 120_000 });
  const runId = (await page.getByTestId('train-run-id').textContent())!.trim();
  // The time line under the controls and the result card say the same duration once the run is over.
  await expect(page.getByTestId('train-elapsed')).toContainText((await page.getByTestId('train-seconds').textContent())!);
  await page.getByTestId('train-open-evaluation').click();
  await expect(page.getByTestId('eval-overview')).toContainText(runId);
  // The gallery of one confusion cell and the top-k bars of a dataset image: the panels with the longest labels.
  await page.getByTestId('cm-0-0').click();
  await expect(page.getByTestId('prediction-gallery').getByTestId('prediction-card').first()).toBeVisible();
  // "¿Dónde mira la red?" of a gallery image (and below, of the tried image): controls, notes and colour scale measured too.
  await page.getByTestId('prediction-gallery').getByTestId('prediction-explain').first().click();
  await expect(page.getByTestId('prediction-gallery').getByTestId('saliency-canvas')).toBeVisible();
  const predict = page.getByTestId('predict-panel');
  await predict.getByTestId('predict-thumbs').locator('img').first().click();
  await expect(predict.getByTestId('predict-bar').first()).toBeVisible();
  // The feature maps (PCA, quick) of Evaluación's pair and of Características: their legends and captions are measured too.
  for (const [view, testId, map] of [
    ['evaluacion', 'eval-map', 'layer'],
    ['caracteristicas', 'features-map', 'features'],
  ] as const) {
    await show(page, view);
    const panel = page.getByTestId(testId);
    await panel.getByTestId('embedding-method').selectOption('pca');
    await panel.getByTestId('embedding-compute').click();
    await expect(panel.getByTestId(`${testId}-${map}-scatter`)).toHaveAttribute('data-points', String(3 * IMAGES_PER_CLASS), {
      timeout: 120_000,
    });
  }
  // Informe with the run chosen: its notes form and report settings are measured too.
  await show(page, 'informe');
  await page.getByTestId('runs-table').locator('tbody tr').filter({ hasText: runId }).click();
  await expect(page.getByTestId('report-language')).toHaveValue('es');
  return runId;
}

async function show(page: Page, view: string): Promise<void> {
  const [id, lab] = view.split('/');
  await page.evaluate((hash) => (window.location.hash = hash), `#/${id}`);
  if (lab) await page.getByTestId(`lab-tab-${lab}`).click();
  await page.locator('main.content h1').first().waitFor();
  // Each picture starts at the top of the view (the main area keeps its scroll between views).
  await page.evaluate(() => document.querySelector('main.content')?.scrollTo(0, 0));
  // Charts resize on the next frame after their box changes.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function setLanguage(page: Page, language: string): Promise<void> {
  await page.getByTestId('language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Visits every view at the page's current size and language; returns what overflowed, named by where. */
async function checkViews(page: Page, label: string, views = VIEWS): Promise<string[]> {
  const faults: string[] = [];
  for (const view of views) {
    await show(page, view);
    const found: Overflow[] = await findOverflows(page);
    // A fault repeated in every card of a gallery is named once.
    faults.push(...new Set(found.map((o) => `${label} ${view}: ${o.kind} overflow by ${o.pixels}px in ${o.element} «${o.text}»`)));
    await page.screenshot({ path: `test-results/layout/${label.replace(/\s+/g, '-')}-${view.replace('/', '-')}.png` });
  }
  return faults;
}

test.setTimeout(240_000);

test('layout: no view overflows its boxes or the window, in es, pt and en, from 1280×720 to 2560×1440 and at 150 % zoom', async ({
  page,
}) => {
  const root = await buildDataset();
  let runId: string | null = null;
  try {
    runId = await loadDatasetAndRun(page, root);
    const faults: string[] = [];
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const language of LANGUAGES) {
        await setLanguage(page, language);
        faults.push(...(await checkViews(page, `${language} ${size.width}x${size.height}`)));
      }
    }
    // The report is written in the interface's language unless another is picked for it.
    await show(page, 'informe');
    await expect(page.getByTestId('report-language')).toHaveValue('en');
    // The Proyector switch at the projector's size, in every language.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('projector').click();
    await expect(page.locator('html')).toHaveClass(/projector/);
    for (const language of LANGUAGES) {
      await setLanguage(page, language);
      faults.push(...(await checkViews(page, `${language} 1280x720 projector`)));
    }
    await page.getByTestId('projector').click();
    // Spot checks in Spanish: a large monitor, and 150 % zoom (a 1920×1080 screen scaled, as Windows laptops ship).
    await setLanguage(page, 'es');
    await page.setViewportSize({ width: 2560, height: 1440 });
    faults.push(...(await checkViews(page, 'es 2560x1440')));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1.5, mobile: false });
    faults.push(...(await checkViews(page, 'es 1920x1080@150%')));
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    expect(faults, faults.join('\n')).toEqual([]);
  } finally {
    await rm(root, { recursive: true, force: true });
    if (runId) await rm(join(defaultRunsRoot(), runId), { recursive: true, force: true });
  }
});

/** The computed font size, in pixels, of the first element `selector` matches. */
function fontSize(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

test('Proyector enlarges the type everywhere and is kept with the session across a reload', async ({ page }) => {
  await page.goto('/#/laboratorios/perceptron');
  const selectors = ['main.content h1', 'main.content .lead', '.side-nav button', 'table.iteration-table th', '.status-bar'];
  const before = await Promise.all(selectors.map((selector) => fontSize(page, selector)));
  await expect(page.getByTestId('projector')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('projector').click();
  await expect(page.getByTestId('projector')).toHaveAttribute('aria-pressed', 'true');
  const after = await Promise.all(selectors.map((selector) => fontSize(page, selector)));
  // Every text at least a quarter larger (15 px -> 19 px at the root).
  after.forEach((size, i) => expect(size, selectors[i]).toBeGreaterThanOrEqual(before[i] * 1.25));
  const border = await page
    .locator('.panel')
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).borderTopWidth));
  expect(border).toBe(2);
  await page.getByTestId('perceptron-run').click();
  await page.getByTestId('perceptron-line').scrollIntoViewIfNeeded();
  await page.screenshot({ path: docsScreenshot('screenshots/proyector.png') });

  // Kept by the core with the language and the view: a reload comes back enlarged.
  await expect
    .poll(async () => (await callCore<{ session: { projector: boolean } | null }>(page, 'session.get', {})).session?.projector)
    .toBe(true);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/projector/);
  await expect(page.getByTestId('projector')).toHaveAttribute('aria-pressed', 'true');
  expect(await fontSize(page, 'main.content h1')).toBeCloseTo(after[0], 1);
  await page.getByTestId('projector').click();
  await expect(page.locator('html')).not.toHaveClass(/projector/);
  expect(await fontSize(page, 'main.content h1')).toBeCloseTo(before[0], 1);
});
