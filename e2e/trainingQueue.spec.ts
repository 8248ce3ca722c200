import type { WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures';
import { openTrainingOnBlobs } from './trainingFlows';

/**
 * A lab server trains at most one experiment per processor core; the others wait in line. The core's queue is
 * tested in src/main/door/serverLimits.test.ts; here the page is shown the line as the core reports it
 * (`experiment.progress` with phase `queued` and a position, scripted), in the interface language.
 */
test('a training waiting for a free place shows its place in line, translated, until it starts', async ({ page }) => {
  let route: WebSocketRoute | null = null;
  let run: { id: number; payload: { taskId: string } } | null = null;
  await page.routeWebSocket(/\/api/, (ws) => {
    route = ws;
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message));
      if (call.type === 'call' && call.method === 'experiment.run') {
        run = call;
        return;
      }
      server.send(message);
    });
  });
  const progress = (phase: string, position?: number): void => {
    const taskId = run!.payload.taskId;
    route!.send(
      JSON.stringify({
        type: 'event',
        name: 'experiment.progress',
        payload: { taskId, runId: 'queued-run', phase, fold: null, folds: null, ...(position ? { position } : {}) },
      }),
    );
  };

  await openTrainingOnBlobs(page, { optimizer: 'sgd', epochs: 50 });
  await page.getByTestId('train-start').click();
  await expect.poll(() => run !== null).toBe(true);
  progress('queued', 2);
  const queue = page.getByTestId('train-queue');
  await expect(queue).toHaveText(
    'El servidor ya entrena todo lo que puede a la vez; el tuyo empieza cuando quede un hueco (puesto 2 en la cola).',
  );
  await expect(page.getByText('En espera de turno')).toBeVisible();
  progress('queued', 1);
  await expect(queue).toContainText('puesto 1 en la cola');
  await page.getByTestId('language').selectOption('pt');
  await expect(queue).toContainText('1º na fila');
  await page.getByTestId('language').selectOption('en');
  await expect(queue).toContainText('number 1 in line');
  progress('features');
  await expect(queue).toBeHidden();
});
