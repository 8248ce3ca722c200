import { expect, test } from './fixtures';
import { callFrom, signIn, startLabServer, type LabServer } from './labFlows';
import { openTrainingOnBlobs } from './trainingFlows';

/**
 * A lab server (`sinapsis serve --host 0.0.0.0 --token T`): one student's tabs share one workspace and one training
 * (a second tab follows the first one's, with the same curves and buttons, and cannot start another); a student who
 * lost the cookie comes back to their own workspace with their name and return code, and only with it.
 */

const TOKEN = 'lab-tabs-e2e-token-0123456789abcdef';
let lab: LabServer;

test.beforeAll(async () => {
  lab = await startLabServer(TOKEN);
});

test.afterAll(() => {
  lab.process.kill('SIGTERM');
});

const epochsOf = async (page: import('@playwright/test').Page): Promise<number> =>
  Number(await page.getByTestId('training-curves').getAttribute('data-epochs'));

test("a student's second tab follows the first tab's training; a classmate sees none of it", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page: first } = await signIn(browser, lab, 'Ana Pestañas');
  // The second tab is open on Entrenamiento before the first one starts anything.
  const second = await first.context().newPage();
  await second.goto('/#/entrenamiento');
  await expect(second.getByTestId('train-status')).toHaveAttribute('data-status', 'idle');

  await openTrainingOnBlobs(first, { optimizer: 'sgd', epochs: 100_000, learningRate: 0.001 });
  await first.getByTestId('train-start').click();
  for (const page of [first, second]) {
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await expect(page.getByTestId('training-curves')).toHaveAttribute('data-epochs', /^([2-9]|\d\d+)$/, { timeout: 30_000 });
  }
  // No second Start anywhere: both tabs show the one training's controls and its growing curve.
  await expect(second.getByTestId('train-start')).toHaveCount(0);
  await expect(second.getByTestId('train-epoch')).toContainText('100');
  const seen = await epochsOf(second);
  await expect.poll(() => epochsOf(second), { timeout: 20_000 }).toBeGreaterThan(seen);

  // Pausing in one tab pauses it in both; resuming from the other too.
  await second.getByTestId('train-pause').click();
  for (const page of [first, second]) await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'paused');
  await expect(first.getByTestId('train-resume')).toBeVisible();
  await first.getByTestId('train-resume').click();
  for (const page of [first, second]) await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'running');

  // A third tab opened now finds the training at once, as a reload does.
  const third = await first.context().newPage();
  await third.goto('/#/entrenamiento');
  await expect(third.getByTestId('train-status')).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
  await third.close();
  const active = (await callFrom(second, 'experiment.active', {})).value as { experiments: { taskId: string }[] };
  expect(active.experiments).toHaveLength(1);

  // Another student, at the same time, has nothing of Ana's: no training, no run.
  const { page: bruno } = await signIn(browser, lab, 'Bruno Pestañas');
  await bruno.goto('/#/entrenamiento');
  await expect(bruno.getByTestId('train-status')).toHaveAttribute('data-status', 'idle');
  expect(((await callFrom(bruno, 'experiment.active', {})).value as { experiments: unknown[] }).experiments).toEqual([]);

  await second.getByTestId('train-stop').click();
  for (const page of [first, second])
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
  const runId = (await first.getByTestId('train-run-id').textContent())?.trim() ?? '';
  expect(runId).not.toBe('');
  await expect(second.getByTestId('train-run-id')).toHaveText(runId);
  // One run, the same in both tabs' Evaluación; none in Bruno's.
  const listed = (await callFrom(first, 'runs.list', {})).value as { runs: { runId: string }[] };
  expect(listed.runs.map((run) => run.runId)).toEqual([runId]);
  expect(((await callFrom(bruno, 'runs.list', {})).value as { runs: unknown[] }).runs).toEqual([]);
  await second.screenshot({ path: 'test-results/lab-second-tab.png' });
});

test('a student without the cookie comes back with their name and return code; a wrong code opens nothing', async ({ browser }) => {
  const { page: home, code } = await signIn(browser, lab, 'Carla Vuelve');
  expect(lab.output()).toContain(`Carla Vuelve joined the class; return code: ${code}`);
  await home.context().close();

  // A private window on another lab PC: no cookie, only the class link.
  const elsewhere = await browser.newContext({ baseURL: lab.base, locale: 'es-ES' });
  const page = await elsewhere.newPage();
  await page.goto(lab.classUrl);
  await page.getByTestId('signin-name').fill('carla vuelve');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toContainText('ya se usa en este servidor');
  await expect(page.getByTestId('signin-error')).toContainText('código de regreso');
  // Another student's code, or a guess, is refused, saying what to do; the workspace is untouched.
  const { code: brunoCode } = await signIn(browser, lab, 'Bruno Vuelve');
  for (const wrong of [brunoCode, 'ABCD-EFGH-JKMN']) {
    await page.getByTestId('signin-return-code').fill(wrong);
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('signin-error')).toContainText('Ese no es el código de regreso de «Carla Vuelve»');
    expect((await elsewhere.cookies(lab.base)).filter((cookie) => cookie.name.startsWith('sinapsis-session-'))).toEqual([]);
  }
  await page.getByTestId('signin-return-code').fill(code.toLowerCase());
  await page.getByTestId('signin-submit').click();
  await expect(page.getByRole('heading', { name: 'Bienvenido a Sinapsis' })).toBeVisible();
  expect(await callFrom(page, 'workspace.current', {})).toMatchObject({
    ok: true,
    value: { role: 'student', workspace: { id: 'carla-vuelve', name: 'Carla Vuelve' } },
  });
  await elsewhere.close();

  // In Portuguese (the page's language picker) the refusal is Portuguese.
  const pt = await browser.newContext({ baseURL: lab.base });
  const ptPage = await pt.newPage();
  await ptPage.goto(lab.classUrl);
  await ptPage.getByTestId('language').selectOption('pt');
  await ptPage.getByTestId('signin-name').fill('Carla Vuelve');
  await ptPage.getByTestId('signin-submit').click();
  await expect(ptPage.getByTestId('signin-error')).toContainText('já é usado neste servidor');
  await ptPage.getByTestId('signin-return-code').fill('ABCD-EFGH-JKMN');
  await ptPage.getByTestId('signin-submit').click();
  await expect(ptPage.getByTestId('signin-error')).toContainText('Esse não é o código de retorno');
  await pt.close();
});
