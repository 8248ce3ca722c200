import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openTrainingOnBlobs } from './trainingFlows';

/**
 * A training belongs to the workspace, not to the page: a reload shows it again with its curves so far and its
 * controls; a paused training whose page never comes back is stopped after the grace period (the e2e server runs
 * with SINAPSIS_TASK_GRACE_SECONDS=2) and saved as `stopped` with its files.
 */
const runsDir = process.env.SINAPSIS_RUNS_DIR;

test('reload mid-training: the curves continue from where they were and Stop works', async ({ page }) => {
  await openTrainingOnBlobs(page, { optimizer: 'sgd', epochs: 9000, learningRate: 0.01 });
  await page.getByTestId('train-start').click();
  const curves = page.getByTestId('training-curves');
  await expect(curves).toHaveAttribute('data-epochs', /^([3-9]|\d\d+)$/, { timeout: 30_000 });
  const before = Number(await curves.getAttribute('data-epochs'));

  await page.reload();
  await page.goto('/#/entrenamiento');
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('train-stop')).toBeVisible();
  // The curve so far is drawn again (never fewer epochs than before the reload) and keeps growing.
  await expect.poll(async () => Number(await curves.getAttribute('data-epochs'))).toBeGreaterThanOrEqual(before);
  const after = Number(await curves.getAttribute('data-epochs'));
  await expect.poll(async () => Number(await curves.getAttribute('data-epochs')), { timeout: 20_000 }).toBeGreaterThan(after);
  await expect(page.getByTestId('train-epoch')).toContainText('9000');

  await page.getByTestId('train-stop').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
  const runId = (await page.getByTestId('train-run-id').textContent())?.trim() ?? '';
  expect(runId).not.toBe('');

  // Evaluación lists it as stopped without a manual refresh.
  await page.getByRole('button', { name: 'Evaluación', exact: true }).click();
  await expect(page.getByTestId('eval-runs').locator('tr', { hasText: runId })).toContainText('detenida');
});

test('close the tab while paused: after the grace period the run is stopped and saved with its files', async ({ page, context }) => {
  await openTrainingOnBlobs(page, { optimizer: 'sgd', epochs: 9000, learningRate: 0.01 });
  await page.getByTestId('train-start').click();
  const curves = page.getByTestId('training-curves');
  await expect(curves).toHaveAttribute('data-epochs', /^([2-9]|\d\d+)$/, { timeout: 30_000 });
  await page.getByTestId('train-pause').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('train-epoch')).toBeVisible();
  await page.getByRole('button', { name: 'Evaluación', exact: true }).click();
  const runningRow = page.getByTestId('eval-runs').locator('tr', { hasText: 'en curso' }).first();
  await expect(runningRow).toBeVisible();
  const runId = /(\S+) · en curso/.exec((await runningRow.locator('.hint', { hasText: 'en curso' }).textContent()) ?? '')?.[1] ?? '';
  expect(runId).not.toBe('');

  await page.close();
  // Twice the grace period, plus the time to write the run.
  const later = await context.newPage();
  await later.waitForTimeout(5_000);
  await later.goto('/#/evaluacion');
  await expect(later.getByTestId('eval-runs').locator('tr', { hasText: runId })).toContainText('detenida', { timeout: 30_000 });
  // The page that returns finds nothing still training.
  await later.goto('/#/entrenamiento');
  await expect(later.getByTestId('train-status')).toHaveAttribute('data-status', 'idle');
  if (runsDir) {
    const config = join(runsDir, runId, 'config.json');
    expect(existsSync(config), config).toBe(true);
    expect(existsSync(join(runsDir, runId, 'history.csv'))).toBe(true);
    expect(JSON.parse(readFileSync(join(runsDir, runId, 'metrics.json'), 'utf8')).status).toBe('stopped');
  }
});
