import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openTrainingOnBlobs } from './trainingFlows';

/**
 * Counts the contract calls the page sends, inside the page (WebSocket.send): a routed socket would pass the
 * training's flood of events through Playwright and slow everything else to a crawl.
 */
async function countCalls(page: Page): Promise<(method: string) => Promise<number>> {
  await page.addInitScript(() => {
    const counts: Record<string, number> = {};
    (window as unknown as { sinapsisCalls: Record<string, number> }).sinapsisCalls = counts;
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      if (typeof data === 'string') {
        const call = JSON.parse(data) as { type?: string; method?: string };
        if (call.type === 'call' && call.method) counts[call.method] = (counts[call.method] ?? 0) + 1;
      }
      return send.call(this, data);
    };
  });
  return (method) =>
    page.evaluate((name) => (window as unknown as { sinapsisCalls: Record<string, number> }).sinapsisCalls[name] ?? 0, method);
}

/**
 * A double click with the mouse where the button is, as a person does it: both clicks land on that spot, whatever
 * button is there by the second (Playwright's locator.dblclick would retry on the new button instead).
 */
async function doubleClickOn(page: Page, button: Locator): Promise<void> {
  await expect(button).toBeEnabled();
  // Not scrollIntoViewIfNeeded: it waits for the button to stand still, and the progress line beside it keeps moving.
  await button.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await button.boundingBox();
  if (!box) throw new Error('the button is not on screen');
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * A double click on each training control does what one click does: Entrenar starts one run and does not pause it
 * (Pausar takes its place under the cursor between the two clicks), Pausar pauses once, Reanudar resumes once
 * without pausing again, Detener stops once. Guardar (project) writes once.
 */
test('double clicks start one training and send one command per control', async ({ page }) => {
  const calls = await countCalls(page);
  await openTrainingOnBlobs(page, { optimizer: 'minibatch', epochs: 100000 });
  const status = page.getByTestId('train-status');

  await doubleClickOn(page, page.getByTestId('train-start'));
  await expect(status).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('training-curves')).toHaveAttribute('data-epochs', /^[1-9]/);
  await expect(status).toHaveAttribute('data-status', 'running');
  expect(await calls('experiment.run')).toBe(1);
  expect(await calls('train.pause')).toBe(0);

  await doubleClickOn(page, page.getByTestId('train-pause'));
  await expect(status).toHaveAttribute('data-status', 'paused');
  // Reanudar appears where Pausar was: the second click must not resume.
  await page.waitForTimeout(300);
  await expect(status).toHaveAttribute('data-status', 'paused');
  expect(await calls('train.pause')).toBe(1);
  expect(await calls('train.resume')).toBe(0);

  await doubleClickOn(page, page.getByTestId('train-resume'));
  await expect(status).toHaveAttribute('data-status', 'running');
  await page.waitForTimeout(300);
  await expect(status).toHaveAttribute('data-status', 'running');
  expect(await calls('train.resume')).toBe(1);
  expect(await calls('train.pause')).toBe(1);

  await doubleClickOn(page, page.getByTestId('train-stop'));
  await expect(status).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
  expect(await calls('train.stop')).toBe(1);
  expect(await calls('experiment.run')).toBe(1);
  // Entrenar came back after the stop: it was not pressed by the double click's second click.
  await expect(page.getByTestId('train-start')).toBeVisible();
  expect(await calls('experiment.run')).toBe(1);

  await page.getByRole('button', { name: 'Inicio', exact: true }).click();
  await page.getByTestId('project-name').fill('doble clic');
  await doubleClickOn(page, page.getByTestId('project-save'));
  await expect(page.getByTestId('project-saved')).toBeVisible();
  expect(await calls('project.save')).toBe(1);
});
