import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openTrainingOnBlobs } from './trainingFlows';

/**
 * A lab server with two students and their teacher: `sinapsis serve --host 0.0.0.0 --token T`, reached through
 * 127.0.0.1. Each student signs in with their name through the class link, both train at once, and neither sees,
 * stops or changes the other's training or runs; the teacher reads both students' runs in Evaluación.
 */

const TOKEN = 'lab-workspaces-e2e-token-0123456789';
let server: ChildProcess;
let base = '';
let classUrl = '';

test.beforeAll(async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sinapsis-lab-e2e-'));
  server = spawn(process.execPath, ['out/main/cli.js', 'serve', '--host', '0.0.0.0', '--port', '0', '--token', TOKEN], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SINAPSIS_RUNS_DIR: join(scratch, 'teacher-runs'),
      SINAPSIS_WORKSPACES_DIR: join(scratch, 'workspaces'),
      SINAPSIS_CACHE_DIR: join(scratch, 'cache'),
    },
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the lab server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /at: http:\/\/0\.0\.0\.0:(\d+)(\/join\?code=\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        base = `http://127.0.0.1:${found[1]}`;
        classUrl = `${base}${found[2]}`;
        resolve();
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
  });
});

test.afterAll(() => {
  server.kill('SIGTERM');
});

/** One contract call from a page's own origin and cookies, as a tampered page could make it. */
async function callFrom(page: Page, method: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return page.evaluate(
    ([name, body]) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/api`);
        socket.onopen = () => socket.send(JSON.stringify({ type: 'call', id: 7, method: name, payload: body }));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; id?: number; result?: unknown };
          if (message.type !== 'result' || message.id !== 7) return;
          socket.close();
          resolve(message.result as { ok: boolean });
        };
        socket.onerror = () => reject(new Error('socket refused'));
      }),
    [method, payload] as const,
  );
}

async function signIn(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, locale: 'es-ES', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(classUrl);
  await expect(page.getByRole('heading', { name: 'Entrar a la clase' })).toBeVisible();
  await page.getByTestId('signin-name').fill(name);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByRole('heading', { name: 'Bienvenido a Sinapsis' })).toBeVisible();
  const session = (await context.cookies(base)).find((cookie) => cookie.name.startsWith('sinapsis-session-'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  return page;
}

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
