import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeSampleRun } from '../src/main/core/runs/writeSampleRun.testdata';
import { defaultRunsRoot } from '../src/main/core/services';
import { LAB_IDS } from '../src/renderer/src/components/labs/labIds';
import { expect, test } from './fixtures';

/**
 * English or code words that once showed in the Spanish and Portuguese interface (issue 14: "(test)",
 * "(cross-validation)", "minibatch", "didactic / none", "glorotUniform", "sigmoid", the conv/BN/dropout notes)
 * and their kin. Each is matched as a whole word, case-sensitive, in the visible text of every view.
 */
const ENGLISH_ONLY = [
  '(test)',
  '(cross-validation)',
  'cross-validation',
  'minibatch',
  'didactic',
  'none',
  'glorotUniform',
  'heNormal',
  'sigmoid',
  'categoricalCrossEntropy',
  'binaryCrossEntropy',
  'maxPool',
  'avgPool',
  'conv2d',
  'batchNorm',
  'height',
  'width',
  'params',
  'rate',
  'per side',
  'learned',
  'tracked',
  'dilated',
  'kernel',
  'Layer',
  'training',
  'validation',
  'accuracy',
  'loss',
  'epoch',
  'undefined',
  'NaN',
  'null',
] as const;

/** The tokens present in a text, each as a whole word (so "dropout" or "softmax", course terms, are not "rate"). */
function englishIn(text: string): string[] {
  return ENGLISH_ONLY.filter((token) =>
    new RegExp(`(^|[^\\p{L}\\p{N}_])${token.replace(/[()]/g, '\\$&')}($|[^\\p{L}\\p{N}_])`, 'u').test(text),
  );
}

/** What a person reads on the page: visible text, option labels, placeholders, tooltips and button names. */
async function readablePage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const element of Array.from(document.querySelectorAll('option, [placeholder], [title], [aria-label]'))) {
      if (element instanceof HTMLOptionElement) parts.push(element.textContent ?? '');
      for (const name of ['placeholder', 'title', 'aria-label']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

async function seedRuns(): Promise<string[]> {
  const ids = [`e2e-words-${Date.now()}-a`, `e2e-words-${Date.now()}-b`];
  for (const [i, runId] of ids.entries()) {
    await writeSampleRun(defaultRunsRoot(), ({ config, metrics }) => {
      config.runId = runId;
      if (i === 1)
        metrics.kfold = {
          folds: [1, 2, 3].map((fold) => ({ fold, accuracy: 0.8 + 0.05 * fold, loss: 0.5 - 0.1 * fold })),
          accuracy: { mean: 0.9, std: 0.0408 },
        };
    });
  }
  return ids;
}

/**
 * Every view and lab in Spanish and Portuguese, with a dataset, a CNN with batch normalization and dropout, and two
 * finished runs (one k-fold) open and compared: no English or code word of the list shows anywhere. The text of
 * each view and a screenshot go to test-results/ for reading.
 */
test('no English-only word in any view or lab in es and pt', async ({ page }) => {
  test.setTimeout(240_000);
  const ids = await seedRuns();
  const found: string[] = [];
  await mkdir('test-results/untranslated', { recursive: true });
  try {
    await page.goto('/#/datos');
    await page.getByTestId('builtin-choice').selectOption('digits');
    await page.getByTestId('builtin-load').click();
    await expect(page.getByTestId('image-summary')).toBeVisible({ timeout: 30_000 });
    await page.goto('/#/modelo');
    await page.getByTestId('model-preset').selectOption('cnnDesign28');
    await page.getByTestId('model-preset-apply').click();
    await page.getByTestId('layer-add-type').selectOption('batchNorm');
    await page.getByTestId('layer-add').click();
    await expect(page.getByTestId('layer-list').locator(':scope > li')).toHaveCount(9);

    for (const language of ['es', 'pt'] as const) {
      await page.getByTestId('language').selectOption(language);
      const record = async (view: string) => {
        const text = await readablePage(page);
        await writeFile(`test-results/untranslated/${language}-${view}.txt`, text);
        await page.screenshot({ path: `test-results/untranslated/${language}-${view}.png`, fullPage: true });
        for (const token of englishIn(text)) found.push(`${language} ${view}: ${token}`);
      };
      for (const view of ['inicio', 'datos', 'caracteristicas', 'modelo', 'entrenamiento', 'informe', 'acerca']) {
        await page.goto(`/#/${view}`);
        await expect(page.locator('h1')).toBeVisible();
        await record(view);
      }
      await page.goto('/#/evaluacion');
      const rows = page.getByTestId('eval-runs').locator('tbody tr');
      await page.getByTestId('eval-search').fill('e2e-words');
      await expect(rows).toHaveCount(2);
      await rows.nth(1).click();
      await expect(page.getByTestId('eval-overview')).toBeVisible();
      await record('evaluacion-run');
      await rows.nth(0).click();
      await expect(page.getByTestId('eval-kfold-mean')).toBeVisible();
      await page.getByTestId('eval-compare').nth(0).check();
      await page.getByTestId('eval-compare').nth(1).check();
      await expect(page.getByTestId('run-comparison')).toBeVisible();
      await record('evaluacion-kfold-compare');
      for (const lab of LAB_IDS) {
        await page.goto(`/#/laboratorios/${lab}`);
        await expect(page.locator('h1')).toBeVisible();
        await record(`lab-${lab}`);
      }
    }
    expect(found).toEqual([]);
  } finally {
    for (const id of ids) await rm(join(defaultRunsRoot(), id), { recursive: true, force: true });
  }
});
