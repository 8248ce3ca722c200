import type { WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The Entrenamiento view against a scripted `experiment.run`: every other call goes to the real core, but the
 * experiment's events (progress, batches, epochs) and its result are played by the test, so the live curves,
 * progress, pause/resume/stop and the result panel are checked independently of training speed.
 */
const TOTAL_EPOCHS = 8;

function scriptExperiment(
  ws: WebSocketRoute,
  call: { id: number; payload: { taskId: string } },
  control: { paused: boolean; stopped: boolean },
): void {
  const { taskId } = call.payload;
  const runId = `scripted-${taskId}`;
  const event = (name: string, payload: object) => ws.send(JSON.stringify({ type: 'event', name, payload }));
  const base = { taskId, engine: 'didactic', fold: 0, learningRate: 0.01 };
  event('experiment.progress', { taskId, runId, phase: 'features', fold: null, folds: null });
  let epoch = 1;
  let batch = 0;
  const batches = 4;
  const tick = () => {
    if (control.stopped || epoch > TOTAL_EPOCHS) {
      const epochsRun = epoch - 1;
      ws.send(
        JSON.stringify({
          type: 'result',
          id: call.id,
          result: {
            ok: true,
            value: {
              runId,
              dir: `/tmp/${runId}`,
              status: control.stopped ? 'stopped' : 'completed',
              accuracy: { train: 0.95, val: 0.9, test: 0.88 },
              engine: 'didactic',
              backend: 'wasm',
              epochsRun,
              seconds: 3.2,
              problem: null,
            },
          },
        }),
      );
      return;
    }
    if (!control.paused) {
      batch++;
      const elapsedMs = ((epoch - 1) * batches + batch) * 100;
      const etaMs = (TOTAL_EPOCHS * batches - ((epoch - 1) * batches + batch)) * 100;
      const gradientNorms = [
        { layer: 0, norm: 0.5 / epoch },
        { layer: 1, norm: 1 / epoch },
      ];
      event('train.batch', {
        ...base,
        epoch,
        batch,
        batches,
        loss: 2 / (epoch + batch / batches),
        accuracy: 0.5,
        gradientNorms,
        elapsedMs,
        etaMs,
      });
      if (batch === batches) {
        const diagnosis =
          epoch === TOTAL_EPOCHS
            ? [{ code: 'not-converged', severity: 'info', params: { dropPercentPerEpoch: 4.5, lastEpochs: 3 }, message: 'still falling' }]
            : undefined;
        event('train.epoch', {
          ...base,
          epoch,
          trainLoss: 2 / (epoch + 1),
          trainAccuracy: 0.5 + epoch * 0.05,
          valLoss: 2.2 / (epoch + 1),
          valAccuracy: 0.45 + epoch * 0.05,
          gradientNorms,
          elapsedMs,
          etaMs,
          ...(diagnosis ? { diagnosis } : {}),
        });
        epoch++;
        batch = 0;
      }
    }
    setTimeout(tick, 40);
  };
  setTimeout(tick, 40);
}

test('Entrenamiento: live curves, progress, pause/resume and the result, from the experiment events', async ({ page }) => {
  const control = { paused: false, stopped: false };
  const seen: string[] = [];
  await page.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message));
      if (call.type === 'call' && call.method === 'experiment.run') {
        seen.push(JSON.stringify(call.payload));
        scriptExperiment(ws, call, control);
        return;
      }
      if (call.type === 'call' && ['train.pause', 'train.resume', 'train.stop'].includes(call.method)) {
        control.paused = call.method === 'train.pause';
        control.stopped = call.method === 'train.stop';
        ws.send(JSON.stringify({ type: 'result', id: call.id, result: { ok: true, value: { ok: true } } }));
        return;
      }
      server.send(message);
    });
  });

  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('wine');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('table-rows')).toHaveText('178', { timeout: 60_000 });

  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await page.getByTestId('model-preset').selectOption('wine13_8_4_3');
  await page.getByTestId('model-preset-apply').click();
  await expect(page.getByTestId('model-input-shape')).toHaveText('[13]');
  await expect(page.getByTestId('model-total-params')).toHaveText('163');

  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await expect(page.getByTestId('training-output-mismatch')).toHaveCount(0);
  await page.getByTestId('train-epochs').fill(String(TOTAL_EPOCHS));
  await page.getByTestId('train-epochs').press('Tab');
  await page.getByTestId('train-per-batch').check();
  await page.getByTestId('train-start').click();

  const curves = page.getByTestId('training-curves');
  await expect(curves).toHaveAttribute('data-epochs', /^[1-9]/);
  await expect(page.getByTestId('train-eta')).toContainText('quedan');
  await expect(page.getByTestId('train-engine-in-use')).toContainText('motor didáctico');
  await page.getByTestId('train-pause').click();
  await expect(page.getByTestId('train-status')).toHaveText('En pausa.');
  // The charts redraw at most every CHART_INTERVAL_MS (250 ms): let them catch up with the last epoch before pausing.
  await page.waitForTimeout(400);
  const pausedAt = Number(await curves.getAttribute('data-epochs'));
  await page.waitForTimeout(600);
  expect(Number(await curves.getAttribute('data-epochs'))).toBe(pausedAt);
  await page.getByTestId('train-resume').click();

  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed');
  await expect(curves).toHaveAttribute('data-epochs', String(TOTAL_EPOCHS));
  await expect(page.getByTestId('train-progress')).toHaveJSProperty('value', 1);
  await expect(page.getByTestId('train-accuracy-test')).toHaveText('88,0 %');
  await expect(page.getByTestId('train-diagnosis')).toContainText('seguía bajando un 4,5% por época en las últimas 3 épocas');
  for (const id of ['loss-chart', 'accuracy-chart', 'batch-chart', 'gradient-chart'])
    await expect(page.getByTestId(id).locator('canvas')).toBeVisible();

  // What the view sent: the Wine table's columns, the session's split and model, plain data.
  const request = JSON.parse(seen[0]);
  expect(request.features).toEqual({ kind: 'columns' });
  expect(request.model.inputShape).toEqual([13]);
  expect(request.split).toMatchObject({ method: 'train-val-test', train: 0.7, validation: 0.15, test: 0.15 });
  expect(request.training.epochs).toBe(TOTAL_EPOCHS);
  await page.screenshot({ path: 'test-results/entrenamiento-scripted.png', fullPage: false });

  // Stop keeps what was trained.
  control.paused = false;
  await page.getByTestId('train-start').click();
  await expect(curves).toHaveAttribute('data-epochs', /^[1-9]/);
  await page.getByTestId('train-stop').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'stopped');
});
