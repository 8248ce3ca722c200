import { expect, test } from './fixtures';
import { openTrainingOnBlobs } from './trainingFlows';

test.use({ locale: 'es-ES' });

/**
 * A Spanish browser: the learning rate typed as `0,05` reaches the experiment as 0.05 (it used to become 5), the
 * point works too, and η = 1000 is stopped at the field with the allowed range in Spanish before Entrenar.
 */
test('Entrenamiento in es-ES: 0,05 trains with η = 0.05; 1000 is refused at the field with its range', async ({ page }) => {
  const sent: { training: { learningRate: number; epochs: number } }[] = [];
  await page.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message));
      if (call.type === 'call' && call.method === 'experiment.run') sent.push(call.payload);
      server.send(message);
    });
  });
  await openTrainingOnBlobs(page, { optimizer: 'minibatch', epochs: 2 });
  const lr = page.getByTestId('train-lr');

  await lr.fill('1000');
  await expect(page.getByTestId('number-input-problem')).toHaveText('Se permite mayor que 0 y hasta 100.');
  await expect(page.getByTestId('train-start')).toBeDisabled();
  await expect(page.getByTestId('train-fix-fields')).toBeVisible();

  await lr.fill('0,05');
  await lr.press('Tab');
  await expect(lr).toHaveValue('0,05');
  await expect(page.getByTestId('number-input-problem')).toHaveCount(0);
  await lr.fill('1.000,5');
  await lr.press('Tab');
  await expect(page.getByTestId('number-input-problem')).toContainText('No es un número');
  await lr.fill('0.05');
  await lr.press('Tab');
  // The point is read as the decimal separator too and shown back the Spanish way.
  await expect(lr).toHaveValue('0,05');

  // A loss that does not suit one-hot classes is said before Entrenar, in Spanish.
  await page.getByTestId('train-loss').selectOption('mape');
  await expect(page.getByTestId('training-loss-pairing')).toContainText('MAPE divide por el valor objetivo');
  await page.getByTestId('train-loss').selectOption('categoricalCrossEntropy');
  await expect(page.getByTestId('training-loss-pairing')).toHaveCount(0);

  await page.getByTestId('train-start').click();
  await expect.poll(() => sent.length).toBe(1);
  expect(sent[0].training.learningRate).toBe(0.05);
  expect(sent[0].training.epochs).toBe(2);
  await expect(page.getByTestId('train-start')).toBeVisible({ timeout: 60_000 });
});
