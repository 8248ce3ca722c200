import { expect, test, type Browser, type Page } from '@playwright/test';
import { callFrom, signIn as signInTo, startLabServer, type LabServer } from './labFlows';
import { openTrainingOnBlobs } from './trainingFlows';

/**
 * A lab server with two students and their teacher: `sinapsis serve --host 0.0.0.0 --token T`, reached through
 * 127.0.0.1. Each student signs in with their name through the class link, both train at once, and neither sees,
 * stops or changes the other's training or runs; the teacher reads both students' runs in Evaluación.
 */

const TOKEN = 'lab-workspaces-e2e-token-0123456789';
let lab: LabServer;
let base = '';
let classUrl = '';

test.beforeAll(async () => {
  lab = await startLabServer(TOKEN);
  ({ base, classUrl } = lab);
});

test.afterAll(() => {
  lab.process.kill('SIGTERM');
});

const signIn = async (browser: Browser, name: string): Promise<Page> => (await signInTo(browser, lab, name)).page;

async function runIdsIn(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Evaluación', exact: true }).click();
  const rows = page.getByTestId('eval-runs').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  return (await rows.locator('.hint', { hasText: ' · ' }).allTextContents()).map((text) => text.split(' · ')[0].trim());
}

test('two students train at once, each alone in their workspace; the teacher reads both', async ({ browser }) => {
  test.setTimeout(180_000);
  const ana = await signIn(browser, 'Ana García');
  const bruno = await signIn(browser, 'Bruno Díaz');

  // The same name from another browser is refused, in Spanish, saying what to do.
  const intruderContext = await browser.newContext({ locale: 'es-ES' });
  const intruder = await intruderContext.newPage();
  await intruder.goto(classUrl);
  await intruder.getByTestId('signin-name').fill('ana garcia');
  await intruder.getByTestId('signin-submit').click();
  await expect(intruder.getByTestId('signin-error')).toContainText('ya se usa en este servidor');
  await intruderContext.close();

  for (const page of [ana, bruno]) await openTrainingOnBlobs(page, { optimizer: 'sgd', epochs: 100_000, learningRate: 0.001 });
  await ana.getByTestId('train-start').click();
  await bruno.getByTestId('train-start').click();
  for (const page of [ana, bruno]) {
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await expect(page.getByTestId('training-curves')).toHaveAttribute('data-epochs', /^([2-9]|\d\d+)$/, { timeout: 30_000 });
  }

  // Each sees only their own training; Ana's task id means nothing from Bruno's page.
  const anaActive = (await callFrom(ana, 'experiment.active', {})).value as { experiments: { taskId: string }[] };
  const brunoActive = (await callFrom(bruno, 'experiment.active', {})).value as { experiments: { taskId: string }[] };
  expect(anaActive.experiments).toHaveLength(1);
  expect(brunoActive.experiments).toHaveLength(1);
  const anaTask = anaActive.experiments[0].taskId;
  expect(brunoActive.experiments[0].taskId).not.toBe(anaTask);
  expect(anaTask).toMatch(/^train-[0-9a-f]{32}$/);
  expect(await callFrom(bruno, 'train.stop', { taskId: anaTask })).toMatchObject({ ok: false, error: { code: 'training-not-running' } });
  expect(await callFrom(bruno, 'train.pause', { taskId: anaTask })).toMatchObject({ ok: false, error: { code: 'training-not-running' } });
  expect(await callFrom(bruno, 'task.cancel', { taskId: anaTask })).toMatchObject({ ok: true, value: { cancelled: false } });
  expect(await callFrom(bruno, 'app.setBackend', { preference: 'cpu' })).toMatchObject({ ok: false, error: { code: 'teacher-only' } });
  await expect(ana.getByTestId('train-status')).toHaveAttribute('data-status', 'running');
  // Ana pauses: Bruno's page cannot resume or stop it either, and his own training goes on.
  await ana.getByTestId('train-pause').click();
  await expect(ana.getByTestId('train-status')).toHaveAttribute('data-status', 'paused');
  expect(await callFrom(bruno, 'train.resume', { taskId: anaTask })).toMatchObject({ ok: false, error: { code: 'training-not-running' } });
  await expect(ana.getByTestId('train-status')).toHaveAttribute('data-status', 'paused');
  await expect(bruno.getByTestId('train-status')).toHaveAttribute('data-status', 'running');

  for (const page of [ana, bruno]) {
    await page.getByTestId('train-stop').click();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
  }

  const anaRuns = await runIdsIn(ana);
  const brunoRuns = await runIdsIn(bruno);
  expect(anaRuns).toHaveLength(1);
  expect(brunoRuns).toHaveLength(1);
  expect(brunoRuns).not.toContain(anaRuns[0]);
  await expect(ana.getByTestId('workspace-picker')).toHaveCount(0);
  // Nothing of Ana's can be read, downloaded or rewritten from Bruno's page, even naming her workspace.
  expect(await callFrom(bruno, 'runs.get', { runId: anaRuns[0] })).toMatchObject({ ok: false, error: { code: 'run-not-found' } });
  expect(await callFrom(bruno, 'runs.get', { runId: anaRuns[0], workspace: 'ana-garcia' })).toMatchObject({
    ok: false,
    error: { code: 'workspace-not-found' },
  });
  expect(await callFrom(bruno, 'runs.file', { runId: anaRuns[0], name: 'config.json' })).toMatchObject({
    ok: false,
    error: { code: 'run-not-found' },
  });
  expect(
    await callFrom(bruno, 'report.export', { runId: anaRuns[0], language: 'es', notes: { author: 'Bruno' }, pdf: false }),
  ).toMatchObject({
    ok: false,
    error: { code: 'run-not-found' },
  });

  // The teacher: the server's token, a workspace picker in Evaluación, each student's runs read-only.
  const teacherContext = await browser.newContext({ baseURL: base, locale: 'es-ES', viewport: { width: 1280, height: 720 } });
  const teacher = await teacherContext.newPage();
  await teacher.goto(`${base}/?token=${TOKEN}`);
  await expect(teacher.getByRole('heading', { name: 'Bienvenido a Sinapsis' })).toBeVisible();
  await teacher.getByRole('button', { name: 'Evaluación', exact: true }).click();
  const picker = teacher.getByTestId('workspace-select');
  await expect(picker).toBeVisible();
  await expect(picker.locator('option')).toHaveText(['Mis ejecuciones', 'Ana García (1)', 'Bruno Díaz (1)']);
  for (const [id, runId, name] of [
    ['ana-garcia', anaRuns[0], 'Ana García'],
    ['bruno-diaz', brunoRuns[0], 'Bruno Díaz'],
  ]) {
    await picker.selectOption(id);
    await expect(teacher.getByTestId('workspace-readonly')).toContainText(`Estás viendo las ejecuciones de ${name}`);
    // Each student's return code, for one who lost theirs.
    await expect(teacher.getByTestId('workspace-return-code')).toContainText(
      new RegExp(`Código de regreso de ${name}: \\w{4}-\\w{4}-\\w{4}`),
    );
    const row = teacher.getByTestId('eval-runs').locator('tr', { hasText: runId });
    await expect(row).toContainText('detenida');
    await row.click();
    await expect(teacher.getByTestId('eval-overview')).toContainText(runId);
    await expect(teacher.getByTestId('eval-reuse')).toHaveCount(0);
  }
  await teacher.screenshot({ path: 'test-results/lab-teacher-evaluacion.png' });
  await teacherContext.close();
});

test("a student's folder browser lists only what the lab server allows: the bundled datasets and their own folder", async ({ browser }) => {
  const carla = await signIn(browser, 'Carla Ruiz');
  await carla.getByRole('button', { name: 'Datos', exact: true }).click();
  await carla.getByTestId('pick-image-folder').click();
  const folders = carla.getByTestId('folder-browser');
  await expect(folders.getByTestId('browse-roots')).toHaveText('Carpetas permitidas');
  await expect(folders.getByTestId('browse-crumb')).toHaveCount(0);
  await expect(folders.getByTestId('browse-entry')).toHaveText([/^datasets/, /^carla-ruiz/]);
  await expect(folders.getByTestId('browse-up')).toBeDisabled();
  // Into the bundled datasets: the digits are marked as an image dataset and open from here.
  await folders.getByTestId('browse-entry').first().click();
  await expect(folders.getByTestId('browse-entry').filter({ hasText: 'digits' })).toContainText('conjunto de imágenes');
  await folders.getByTestId('browse-open-entry').first().click();
  await expect(carla.getByTestId('fingerprint')).toBeVisible({ timeout: 60_000 });
  // The rest of the server is refused, whatever a tampered page asks.
  for (const path of ['/', '/etc', '/tmp']) {
    expect(await callFrom(carla, 'files.browse', { path }), path).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
  }
});
