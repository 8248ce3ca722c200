import { readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildDigitLikeFolder } from '../src/main/core/datasets/testing/messyDataset';
import { expect, resetKeptSession, test } from './fixtures';

/** Datos: the bundled blobs; Modelo: a name; Entrenamiento: a few settings a student would change. */
async function setUpLab(page: Page, settings: { name: string; epochs: number; seed: number }): Promise<void> {
  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('blobs');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('table-rows')).toBeVisible();
  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await expect(page.getByTestId('model-input-shape')).toHaveText('[2]');
  await page.getByTestId('model-suggest').click();
  await page.getByTestId('model-name').fill(settings.name);
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await page.getByTestId('train-epochs').fill(String(settings.epochs));
  await page.getByTestId('train-epochs').press('Tab');
  await page.getByTestId('train-seed').fill(String(settings.seed));
  await page.getByTestId('train-seed').press('Tab');
}

/** Waits until the page's changes have reached the core (saves follow the last change by a fraction of a second). */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(800);
}

async function expectSetup(page: Page, settings: { name: string; epochs: number; seed: number }): Promise<void> {
  await page.goto('/#/entrenamiento');
  await expect(page.getByTestId('train-epochs')).toHaveValue(String(settings.epochs));
  await expect(page.getByTestId('train-seed')).toHaveValue(String(settings.seed));
  await expect(page.getByTestId('training-setup')).toContainText('blobs');
  await expect(page.getByTestId('training-model')).toContainText(settings.name);
}

test('the session is kept: a reload brings back the dataset, model, training settings, view and language', async ({ page }) => {
  await setUpLab(page, { name: 'Red de la práctica', epochs: 17, seed: 5 });
  await page.getByTestId('language').selectOption('pt');
  await settle(page);
  await page.goto('/');
  await page.reload();
  // Back where the student was, in their language.
  await expect(page.getByRole('heading', { name: 'Treinamento', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  await page.getByTestId('language').selectOption('es');
  await expectSetup(page, { name: 'Red de la práctica', epochs: 17, seed: 5 });
});

test('a kept dataset whose folder moved is reported by name with "Buscar de nuevo…"', async ({ page }) => {
  const root = await buildDigitLikeFolder(2, 6);
  const moved = `${root}-moved`;
  try {
    await page.goto('/#/datos');
    await page.getByTestId('folder-path').fill(root);
    await page.getByTestId('folder-open').click();
    await expect(page.getByTestId('image-total')).toHaveText('12');
    await settle(page);
    await rename(root, moved);
    await page.reload();
    const missing = page.getByTestId('dataset-missing');
    await expect(missing).toContainText(`No se encontró el conjunto de datos «${root.split('/').pop()}» en ${root}`);
    await page.getByTestId('dataset-search-again').click();
    await expect(page.getByTestId('folder-path')).toHaveValue(root);
    await page.getByTestId('folder-path').fill(moved);
    await page.getByTestId('folder-open').click();
    await expect(page.getByTestId('image-total')).toHaveText('12');
    await expect(missing).toHaveCount(0);
    // Same images, same fingerprint: no mismatch warning.
    await expect(page.getByTestId('dataset-mismatch')).toHaveCount(0);
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(moved, { recursive: true, force: true });
  }
});

test('a project saved, the workspace forgotten, the project opened: the same setup; bad files change nothing', async ({ page }) => {
  await setUpLab(page, { name: 'Proyecto HOG', epochs: 12, seed: 7 });
  await page.getByRole('button', { name: 'Inicio', exact: true }).click();
  await page.getByTestId('project-name').fill('Práctica 3');
  const download = page.waitForEvent('download');
  await page.getByTestId('project-save').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Practica-3.sinapsis.json');
  const saved = join(tmpdir(), `sinapsis-e2e-${Date.now()}.sinapsis.json`);
  await file.saveAs(saved);
  const project = JSON.parse(await readFile(saved, 'utf8'));
  expect(project).toMatchObject({
    format: 'sinapsis-project',
    formatVersion: 1,
    name: 'Práctica 3',
    setup: { training: { epochs: 12, seed: 7 }, dataset: { reference: { kind: 'builtin', id: 'blobs' } } },
  });
  expect(project.setup.dataset.fingerprint).toMatch(/^[0-9a-f]{16,}$/);
  await expect(page.getByTestId('project-recent')).toContainText('Práctica 3');

  // A fresh start: nothing kept (the page settles first, so it cannot save its setup again after the reset).
  await page.goto('/#/entrenamiento');
  await settle(page);
  await resetKeptSession();
  await page.reload();
  await expect(page.getByTestId('train-epochs')).toHaveValue('30');
  await expect(page.getByTestId('training-no-dataset')).toBeVisible();

  const bad = [
    {
      name: 'notas.sinapsis.json',
      text: 'esto no es JSON',
      message: 'notas.sinapsis.json no es un proyecto de Sinapsis: no es un texto JSON',
    },
    {
      name: 'futuro.sinapsis.json',
      text: JSON.stringify({ ...project, formatVersion: 99 }),
      message: 'se guardó con un Sinapsis más nuevo (formato 99',
    },
    {
      name: 'roto.sinapsis.json',
      text: JSON.stringify({ ...project, setup: { ...project.setup, training: { epochs: -3 } } }),
      message: 'el campo «setup.training.epochs»',
    },
  ];
  await page.getByRole('button', { name: 'Inicio', exact: true }).click();
  for (const item of bad) {
    await page
      .getByTestId('project-open-file')
      .setInputFiles({ name: item.name, mimeType: 'application/json', buffer: Buffer.from(item.text) });
    await expect(page.getByTestId('project-error')).toContainText(item.message);
    await expect(page.getByTestId('project-error')).toContainText('No se cambió nada');
  }
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await expect(page.getByTestId('train-epochs')).toHaveValue('30');

  await page.getByRole('button', { name: 'Inicio', exact: true }).click();
  await page.getByTestId('project-open-file').setInputFiles(saved);
  await expect(page.getByTestId('project-error')).toHaveCount(0);
  await expect(page.getByTestId('project-current')).toContainText('Práctica 3');
  await expectSetup(page, { name: 'Proyecto HOG', epochs: 12, seed: 7 });
  await rm(saved, { force: true });
});

test('an assignment: instructions shown, locked fields greyed with the reason, other values refused', async ({ page }) => {
  await setUpLab(page, { name: 'Red fijada', epochs: 8, seed: 3 });
  await page.getByRole('button', { name: 'Inicio', exact: true }).click();
  await page.getByTestId('project-name').fill('Tarea 1');
  await page.getByTestId('assignment-editor').locator('summary').click();
  await page.getByTestId('assignment-title-es').fill('Clasificar manchas');
  await page.getByTestId('assignment-title-pt').fill('Classificar manchas');
  await page.getByTestId('assignment-instructions-es').fill('Entrena el modelo dado entre 5 y 10 épocas.');
  await page.getByTestId('lock-model').selectOption('fixed');
  await page.getByTestId('lock-epochs').check();
  await page.getByTestId('lock-epochs-min').fill('5');
  await page.getByTestId('lock-epochs-max').fill('10');
  const download = page.waitForEvent('download');
  await page.getByTestId('assignment-save').click();
  const saved = join(tmpdir(), `sinapsis-e2e-assignment-${Date.now()}.sinapsis.json`);
  await (await download).saveAs(saved);
  const file = JSON.parse(await readFile(saved, 'utf8'));
  expect(file.assignment.locks).toEqual({
    dataset: true,
    split: true,
    features: true,
    model: { kind: 'fixed' },
    epochs: { min: 5, max: 10 },
  });

  // A student's fresh workspace opens it.
  await settle(page);
  await resetKeptSession();
  await page.reload();
  await page.getByTestId('project-open-file').setInputFiles(saved);
  await expect(page.getByTestId('assignment-title')).toHaveText('Clasificar manchas');
  await expect(page.getByTestId('assignment-instructions')).toHaveText('Entrena el modelo dado entre 5 y 10 épocas.');

  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await expect(page.getByTestId('train-seed')).toBeDisabled();
  await expect(page.getByTestId('train-split')).toBeDisabled();
  await expect(page.getByTestId('train-split-panel')).toHaveAttribute('title', 'Fijado por la tarea «Clasificar manchas»');
  // The assignment's range is the field's range: said beside it as soon as a value is out of it.
  await page.getByTestId('train-epochs').fill('50');
  await page.getByTestId('train-epochs').press('Tab');
  await expect(page.getByTestId('number-input-problem')).toHaveText('Se permite un número entero de 5 a 10.');
  await expect(page.getByTestId('train-start')).toBeDisabled();
  await page.getByTestId('train-epochs').fill('6');
  await page.getByTestId('train-epochs').press('Tab');
  await expect(page.getByTestId('number-input-problem')).toHaveCount(0);
  await expect(page.getByTestId('assignment-violations')).toHaveCount(0);
  await expect(page.getByTestId('train-start')).toBeEnabled();

  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await expect(page.getByTestId('model-locked')).toHaveText('Fijado por la tarea «Clasificar manchas»');
  await expect(page.getByTestId('model-preset')).toBeDisabled();
  await expect(page.getByTestId('layer-add')).toBeDisabled();
  await expect(page.getByTestId('layer-0-remove')).toBeDisabled();
  // The locks survive a reload: the open assignment is part of the kept session.
  await settle(page);
  await page.reload();
  await expect(page.getByTestId('assignment-title')).toHaveText('Clasificar manchas');
  await expect(page.getByTestId('model-preset')).toBeDisabled();
  await rm(saved, { force: true });
});

test('two tabs of one workspace: the last change wins and the other tab is told', async ({ page, context }) => {
  await page.goto('/#/entrenamiento');
  const other = await context.newPage();
  await other.goto('/#/entrenamiento');
  await expect(other.getByTestId('train-epochs')).toHaveValue('30');
  await page.getByTestId('train-epochs').fill('44');
  await page.getByTestId('train-epochs').press('Tab');
  await expect(other.getByTestId('session-other-tab')).toContainText('Esta sesión se cambió en otra pestaña');
  await other.getByTestId('session-take-other').click();
  await expect(other.getByTestId('train-epochs')).toHaveValue('44');
  await expect(other.getByTestId('session-other-tab')).toHaveCount(0);
  await other.close();
});
