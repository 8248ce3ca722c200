import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PORT } from '../playwright.config';
import { expect, test } from './fixtures';
import { startOwnServer, stopOwnServer } from './ownServer';

/**
 * Issue 21 in the browser: what Evaluación shows for runs a fault left behind. Runs are made for real by the CLI of
 * the built bundle: one killed with SIGKILL mid-training (its status.json stays `running`, its process is gone), one
 * of 40 classes (a heatmap, not a 1,600-cell table). Then the runs folder is made read-only under the running server
 * (a tmpfs remounted read-only when this process may mount, else its permissions taken away).
 */
const TOKEN = 'faults-e2e-token-0123456789abcdef';
const PORT = E2E_PORT + 1;
const CLI = 'out/main/cli.js';
const state = join(tmpdir(), `sinapsis-faults-e2e-${process.env.TEST_WORKER_INDEX ?? 'main'}-${process.pid}`);
const runs = join(state, 'runs');
const MANY = 40;

/** Mount a tmpfs when root may (root ignores permissions, so only a read-only mount is read-only to it). */
function prepareRunsFolder(): { readOnly(): void; writable(): void; release(): void } | null {
  mkdirSync(runs, { recursive: true });
  if (process.getuid?.() !== 0) {
    return { readOnly: () => chmodSync(runs, 0o555), writable: () => chmodSync(runs, 0o755), release: () => chmodSync(runs, 0o755) };
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', runs], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return {
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', runs]),
    writable: () => execFileSync('mount', ['-o', 'remount,rw', runs]),
    release: () => execFileSync('umount', ['-l', runs]),
  };
}
let folder: ReturnType<typeof prepareRunsFolder> = null;
const runsDir = runs;

const cli = (args: string[]) =>
  execFileSync(process.execPath, [CLI, ...args], { env: { ...process.env, SINAPSIS_RUNS_DIR: runsDir }, stdio: 'pipe' });

/** Rows of a history.csv (without the header). */
const historyRows = (dir: string): string[] =>
  existsSync(join(dir, 'history.csv')) ? readFileSync(join(dir, 'history.csv'), 'utf8').trim().split('\n').slice(1) : [];

/** A training killed with SIGKILL once `epochs` rows are on disk: what a crash or a closed laptop leaves. */
async function killedTraining(name: string, epochs: number): Promise<{ dir: string; lastEpoch: number }> {
  const dir = join(runsDir, name);
  const child = spawn(
    process.execPath,
    [CLI, 'train', '--data', 'builtin:circles', '--epochs', '100000', '--lr', '0.037', '--engine', 'didactic', '--out', dir],
    {
      stdio: 'ignore',
      env: { ...process.env, SINAPSIS_RUNS_DIR: runsDir },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  while (historyRows(dir).length < epochs) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the training to kill did not reach epoch ${epochs}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  await exited;
  const lines = readFileSync(join(dir, 'history.csv'), 'utf8').trim().split('\n');
  const epochColumn = lines[0].split(',').indexOf('epoch');
  return { dir, lastEpoch: Number(lines[lines.length - 1].split(',')[epochColumn]) };
}

let server: ChildProcess | null = null;
let killed: { dir: string; lastEpoch: number };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Here, not at import: Playwright imports a spec file in more than one process.
  folder = prepareRunsFolder();
  const rows = Array.from(
    { length: MANY * 10 },
    (_, i) => `${(i % MANY) + (i % 3) * 0.2},${(i * 7) % 11},k${String(i % MANY).padStart(2, '0')}`,
  );
  writeFileSync(join(state, 'many.csv'), ['x,y,class', ...rows].join('\n') + '\n');
  cli([
    'train',
    '--data',
    join(state, 'many.csv'),
    '--target',
    'class',
    '--split',
    '0.5,0.5',
    '--epochs',
    '2',
    '--out',
    join(runsDir, 'many-classes'),
  ]);
  killed = await killedTraining('killed-run', 5);
  expect(JSON.parse(readFileSync(join(killed.dir, 'status.json'), 'utf8')).status).toBe('running');
  server = await startOwnServer(PORT, TOKEN, runsDir);
});

test.afterAll(async () => {
  if (server) await stopOwnServer(server);
  folder?.release();
  rmSync(state, { recursive: true, force: true });
});

const openEvaluation = (page: import('@playwright/test').Page) => page.goto(`http://127.0.0.1:${PORT}/?token=${TOKEN}#/evaluacion`);
const runRow = (page: import('@playwright/test').Page, runId: string) =>
  page.getByTestId('eval-runs').locator('tbody tr').filter({ hasText: runId });

test('a run whose process was killed opens as interrupted at its last epoch, with its curves and settings, and trains again with them', async ({
  page,
}) => {
  await openEvaluation(page);
  await expect(runRow(page, 'killed-run')).toContainText('incompleta');
  await runRow(page, 'killed-run').click();
  await expect(page.getByTestId('eval-interrupted')).toHaveText(new RegExp(`^Interrumpida en la época ${killed.lastEpoch}:`));
  await expect(page.getByTestId('eval-loss-chart')).toBeVisible();
  await expect(page.getByTestId('eval-overview')).toContainText('0,037');

  // Same settings again: load its dataset, reuse its model and settings, train.
  await page.getByRole('button', { name: 'Datos', exact: true }).click();
  // circles: two classes with the same defaults in the CLI and in Datos.
  await page.getByTestId('builtin-choice').selectOption('circles');
  await page.getByTestId('builtin-load').click();
  await expect(page.getByTestId('table-rows')).toBeVisible();
  await page.getByRole('button', { name: 'Evaluación', exact: true }).click();
  await runRow(page, 'killed-run').click();
  await page.getByTestId('eval-reuse').click();
  await expect(page.getByTestId('eval-reused')).toBeVisible();
  await page.getByRole('button', { name: 'Entrenamiento', exact: true }).click();
  await expect(page.getByTestId('train-lr')).toHaveValue('0,037');
  await page.getByTestId('train-epochs').fill('3');
  await page.getByTestId('train-epochs').press('Tab');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', /completed|failed/, { timeout: 60_000 });
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'completed');
});

test(`a run of ${MANY} classes shows the confusion heatmap and its most frequent confusions, which open their samples`, async ({
  page,
}) => {
  await openEvaluation(page);
  await runRow(page, 'many-classes').click();
  const heatmap = page.getByTestId('confusion-heatmap');
  await expect(heatmap).toContainText(`${MANY} clases, demasiadas para una tabla`);
  await expect(page.getByTestId('confusion-matrix')).toHaveCount(0);
  const canvas = heatmap.locator('canvas');
  await expect(canvas).toBeVisible();
  // One pixel per cell (drawn scaled up): the bitmap is MANY x MANY.
  expect(await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([MANY, MANY]);
  const top = page.getByTestId('confusion-top').locator('li');
  expect(await top.count()).toBeGreaterThan(0);
  await expect(top.first()).toContainText(/k\d\d/);
  const first = (await top.first().getByRole('button').textContent()) ?? '';
  await top.first().getByRole('button').click();
  // The gallery of that cell opens, titled with its two classes (the first confusion is "kA → kB").
  const classes = first.match(/k\d\d/g) ?? [];
  expect(classes).toHaveLength(2);
  for (const name of classes) await expect(page.getByTestId('prediction-gallery').locator('h3')).toContainText(name);
});

test('a runs folder that turns read-only: Evaluación says runs cannot be recorded there and still lists and opens its runs', async ({
  page,
}) => {
  test.skip(folder === null, 'root without permission to mount a tmpfs: no way to make a folder read-only to this process');
  // Killed after the server started, so no start-up pass marks it: on a read-only disk status.json stays `running`.
  const late = await killedTraining('killed-late', 3);
  folder!.readOnly();
  try {
    await openEvaluation(page);
    await expect(page.getByTestId('eval-runs-unwritable')).toContainText(runsDir);
    await expect(page.getByTestId('eval-runs-unwritable')).toContainText(process.getuid?.() === 0 ? /solo lectura/ : /permiso/);
    await expect(runRow(page, 'killed-late')).toContainText('incompleta');
    expect(JSON.parse(readFileSync(join(late.dir, 'status.json'), 'utf8')).status).toBe('running');
    await runRow(page, 'killed-late').click();
    await expect(page.getByTestId('eval-interrupted')).toHaveText(new RegExp(`^Interrumpida en la época ${late.lastEpoch}:`));
    await runRow(page, 'many-classes').click();
    await expect(page.getByTestId('confusion-heatmap')).toBeVisible();
  } finally {
    folder!.writable();
  }
});
