import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSampleRun } from '../src/main/core/runs/writeSampleRun.testdata';
import { renameSync } from 'node:fs';
import { defaultRunsRoot } from '../src/main/core/services';
import { expect, test } from './fixtures';

/** A finished run in the server's runs folder under a fresh id (the sample run's own id may exist already). */
async function seedRun(): Promise<{ runId: string; dir: string }> {
  const root = defaultRunsRoot();
  const runId = `e2e-report-${Date.now()}`;
  const written = await writeSampleRun(join(root, `.${runId}-tmp`));
  const dir = join(root, runId);
  renameSync(written, dir);
  await rm(join(root, `.${runId}-tmp`), { recursive: true, force: true });
  return { runId, dir };
}

test('Informe: notes -> export -> report, CSV tables and SVG/PNG charts offered as downloads', async ({ page }) => {
  const { runId, dir } = await seedRun();
  try {
    await page.goto('/#/informe');
    await page.getByTestId('runs-search').fill(runId);
    const rows = page.getByTestId('runs-table').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await rows.first().click();
    await page.getByTestId('report-title').fill('Práctica 3: HOG + MLP');
    await page.getByTestId('report-author').fill('Ana Pérez');
    await page.getByTestId('report-comments').fill('La clase «dos» se confunde con «cero».');
    await page.getByTestId('report-language').selectOption('en');
    await page.getByTestId('export-pdf').click();

    await expect(page.getByTestId('export-result')).toContainText(join(dir, 'report.pdf'), { timeout: 30_000 });
    const files = page.getByTestId('run-files');
    await expect(files).toBeVisible();
    await expect(page.getByTestId('run-files-dir')).toContainText(dir);
    for (const name of [
      'report.html',
      'report.pdf',
      'history.csv',
      'metrics.json',
      'confusion-matrix.csv',
      'confusion-matrix-normalized.csv',
      'per-class.csv',
      'charts/loss.svg',
      'charts/loss.png',
      'charts/accuracy.png',
    ]) {
      await expect(files.locator(`tr[data-file="${name}"]`)).toBeVisible();
    }
    await expect(files.locator('tr[data-file="charts/loss.png"]')).toContainText('Curva de pérdida (PNG)');
    await expect(files.locator('tr[data-file="per-class.csv"]')).toContainText('Precisión, exhaustividad, F1 y soporte por clase (CSV)');

    // Each file reaches the student as a real download with the run's content.
    const csvDownload = page.waitForEvent('download');
    await page.getByTestId('download-confusion-matrix.csv').click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe(`${runId}-confusion-matrix.csv`);
    expect(await readFile((await csv.path())!, 'utf8')).toBe('true\\predicted,cero,uno,dos\ncero,3,1,0\nuno,0,4,0\ndos,1,0,3\n');

    const pngDownload = page.waitForEvent('download');
    await page.getByTestId('download-charts/loss.png').click();
    const png = await readFile((await (await pngDownload).path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1120);

    const htmlDownload = page.waitForEvent('download');
    await page.getByTestId('download-report.html').click();
    const html = await readFile((await (await htmlDownload).path())!, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Práctica 3: HOG + MLP');
    expect(html).toContain('Ana Pérez');
    expect(html).toContain('La clase «dos» se confunde con «cero».');

    const pdfDownload = page.waitForEvent('download');
    await page.getByTestId('download-report.pdf').click();
    expect((await readFile((await (await pdfDownload).path())!)).subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
