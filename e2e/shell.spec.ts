import { expect, test } from './fixtures';
import { docsScreenshot } from './screenshotPath';

test('the shell renders in Spanish with the backend shown, and switches to Portuguese and English', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: 'Datos' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Características' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Entrenamiento' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Laboratorios' })).toBeVisible();
  await expect(page.getByTestId('status-backend')).toHaveText(/Backend: wasm/);
  await expect(page.getByRole('heading', { name: 'Bienvenido a Sinapsis' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.screenshot({ path: docsScreenshot('screenshot.png') });

  await page.getByTestId('language').selectOption('pt');
  await expect(nav.getByRole('button', { name: 'Dados' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bem-vindo ao Sinapsis' })).toBeVisible();

  await page.getByTestId('language').selectOption('en');
  await expect(nav.getByRole('button', { name: 'Training' })).toBeVisible();
  await expect(page.getByTestId('status-backend')).toHaveText(/Backend: wasm/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(nav.getByRole('button', { name: 'Training' })).toBeVisible();
});

test('a contract call streams progress events from the core to the page', async ({ page }) => {
  await page.goto('/');
  // The connection check is on Acerca de / diagnóstico, not on Inicio.
  await page.getByRole('navigation').getByRole('button', { name: 'Acerca de' }).click();
  await page.getByTestId('demo-start').click();
  await expect(page.getByTestId('demo-outcome')).toHaveText(/20 eventos recibidos/);
  await expect(page.getByTestId('demo-progress')).toHaveText('Progreso: 20 de 20');
});

test('Acerca de lists the backends with the reason one is unavailable', async ({ page }) => {
  await page.goto('/#/acerca');
  await expect(page.getByTestId('about-version')).toContainText('Sinapsis 0.');
  const backends = page.getByTestId('backends');
  await expect(backends).toContainText('wasm — activo');
  await expect(backends).toContainText('tensorflow — no disponible: la biblioteca nativa (tfjs-node, libtensorflow) no está instalada');
  // The core's English reason stays available on hover, not in the Spanish text.
  await expect(backends).not.toContainText('is not installed');
  await expect(backends.getByTitle(/tfjs-node/)).toBeVisible();
  await expect(backends).toContainText('cpu — disponible');
});

test('Inicio is for the lab work: what Sinapsis does, the project, bundled datasets and labs as cards that open them', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('home-does').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('project-new')).toBeVisible();
  // No developer's test on the first page a student sees: the connection check is on Acerca de only.
  await expect(page.getByTestId('demo-start')).toHaveCount(0);
  await expect(page.getByTestId('backends')).toHaveCount(0);

  await page.getByTestId('home-lab-xor').click();
  await expect(page).toHaveURL(/#\/laboratorios\/xor$/);
  await expect(page.getByTestId('lab-tab-xor')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('lab-tab-convolution').click();
  await expect(page).toHaveURL(/#\/laboratorios\/convolution$/);

  await page.getByRole('navigation').getByRole('button', { name: 'Inicio' }).click();
  await expect(page.getByTestId('home-datasets').locator('button')).toHaveCount(9);
  await page.getByTestId('home-dataset-wine').click();
  await expect(page).toHaveURL(/#\/datos$/);
  await expect(page.getByTestId('table-rows')).toHaveText('178');
});
