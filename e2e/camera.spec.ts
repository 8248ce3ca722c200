import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { expect, test } from './fixtures';
import { docsScreenshot } from './screenshotPath';

/**
 * Webcam capture in Datos with Chromium's fake camera (a moving test pattern) and its fake permission prompt (always
 * yes): name the classes, hold a button to record each, watch the counts grow, save, and train on the dataset.
 */
test.use({
  launchOptions: {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test('photos taken per class with the camera become a dataset that opens and trains', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/#/datos');
  const panel = page.getByTestId('camera-panel');
  await panel.getByTestId('camera-start').click();
  await expect(panel.getByTestId('camera-video')).toBeVisible();
  await expect
    .poll(() => panel.getByTestId('camera-video').evaluate((video: HTMLVideoElement) => video.videoWidth), { timeout: 20_000 })
    .toBeGreaterThan(0);

  // Saving with no photos says what is missing.
  await panel.getByTestId('camera-save').click();
  await expect(panel.getByTestId('camera-error')).toHaveText(
    'Hacen falta fotos de al menos dos clases para guardar el conjunto; graba fotos de otra clase.',
  );

  const classes = panel.getByTestId('camera-class');
  await expect(classes).toHaveCount(2);
  await classes.nth(0).getByTestId('camera-class-name').fill('arriba');
  await classes.nth(1).getByTestId('camera-class-name').fill('abajo');
  await panel.getByTestId('camera-name').fill('mi-camara');
  await panel.getByTestId('camera-rate').selectOption('10');

  // Hold the mouse on the first record button; the count grows while it is held and stops when released.
  const hold = classes.nth(0).getByTestId('camera-hold');
  await expect(hold).toHaveText('Mantén pulsado para grabar «arriba»');
  await hold.hover();
  await page.mouse.down();
  await expect
    .poll(async () => Number((await classes.nth(0).getByTestId('camera-count').textContent())?.match(/\d+/)?.[0]), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(6);
  await page.mouse.up();
  const recorded = Number((await classes.nth(0).getByTestId('camera-count').textContent())?.match(/\d+/)?.[0]);
  await page.waitForTimeout(600);
  await expect(classes.nth(0).getByTestId('camera-count')).toHaveText(`${recorded} fotos`);

  // The second class with the keyboard: Space held on its button.
  await classes.nth(1).getByTestId('camera-hold').focus();
  await page.keyboard.down(' ');
  await expect
    .poll(async () => Number((await classes.nth(1).getByTestId('camera-count').textContent())?.match(/\d+/)?.[0]), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(6);
  await page.keyboard.up(' ');
  await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: docsScreenshot('screenshots/datos-camara.png') });

  await panel.getByTestId('camera-save').click();
  await expect(page.getByTestId('fingerprint')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: /mi-camara/ })).toBeVisible();
  await expect(page.getByTestId('image-summary')).toContainText('224');
  await expect(panel.getByTestId('camera-start')).toBeVisible();

  // It is an ordinary dataset: pixel features and a quick MLP train on it.
  await page.getByRole('button', { name: 'Modelo', exact: true }).click();
  await page.getByTestId('model-preset').selectOption('lenet20');
  await page.getByTestId('model-preset-apply').click();
  await expect(page.getByTestId('model-input-shape')).toHaveText('[20 × 20 × 3]');
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await page.getByTestId('train-epochs').fill('1');
  await page.getByTestId('train-epochs').press('Tab');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed', { timeout: 100_000 });
});

test('a camera that is denied or missing says what to do, and nothing loaded is lost', async ({ page }) => {
  await page.addInitScript(() => {
    const answers = ['NotAllowedError', 'NotFoundError'];
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('no', answers.shift() ?? 'NotReadableError'));
  });
  await page.goto('/#/datos');
  await page.getByTestId('builtin-choice').selectOption('xor');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('table-summary')).toBeVisible();
  const panel = page.getByTestId('camera-panel');
  await panel.getByTestId('camera-start').click();
  await expect(panel.getByTestId('camera-error')).toContainText('El permiso para usar la cámara se denegó. Permítelo');
  await panel.getByTestId('camera-start').click();
  await expect(panel.getByTestId('camera-error')).toContainText('No se encontró ninguna cámara. Conecta una');
  await panel.getByTestId('camera-start').click();
  await expect(panel.getByTestId('camera-error')).toContainText('La cámara está en uso por otra aplicación');
  await expect(panel.getByTestId('camera-video')).toBeHidden();
  await expect(page.getByTestId('table-summary')).toBeVisible();
});
