import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../core/reports/findChromium';
import { writeRunExports } from '../../core/reports/runExports';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const cli = new URL('../../../../bin/sinapsis.js', import.meta.url).pathname;

/** A real `sinapsis train --pdf` run on the bundled digits (HOG 320 + MLP 320-18-10), its PDF read back with poppler. */
describe.skipIf(!findChromium() || !hasPoppler)('report.pdf of a real sinapsis train run', () => {
  it('has every section, the key numbers and matching exports', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sinapsis-train-pdf-')), 'run');
    const train = spawnSync(
      process.execPath,
      [cli, 'train', '--data', 'builtin:digits', '--model', 'mlp320_18_10', '--epochs', '8', '--seed', '4242', '--pdf', '--out', out],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(train.status, train.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    const config = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8'));
    expect(metrics.seed).toBe(4242);
    expect(config.features.length).toBe(320);

    const pdf = join(out, 'report.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const pagesDir = mkdtempSync(join(tmpdir(), 'sinapsis-train-pages-'));
    execFileSync('pdftoppm', ['-r', '30', '-png', pdf, join(pagesDir, 'page')]);
    const pages = readdirSync(pagesDir).filter((name) => name.endsWith('.png')).length;
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(10);

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const test = (metrics.accuracy.test * 100).toFixed(2).replace('.', ',');
    expect(text).toMatch(new RegExp(`Prueba\\s+${test}\\s%`));
    expect(text).toMatch(/Longitud del vector\s+320/);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('12×24 px → 6×3 celdas → 5×2 bloques × 32 valores = 320');
    expect(text).toMatch(/Semilla \(orden de las muestras\)\s+4242/);
    expect(text).toContain(metrics.datasetFingerprint);
    expect(text).toContain(`Parámetros totales: ${config.model.totalParams}`);
    for (const heading of [
      'Conjunto de datos',
      'Características',
      'Modelo',
      'Entrenamiento',
      'Curvas de aprendizaje',
      'Métricas por clase',
      'Normalizada por fila',
      'Ejemplos mal clasificados',
      'Diagnóstico de las curvas',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('completada');
    expect(text).not.toMatch(/Estado\s+completed/);
    expect(flat).toContain('SGD por minilotes minibatch');
    expect(flat).toContain('entropía cruzada categórica categoricalCrossEntropy');

    // The exports of the same run: the confusion matrix adds up to the test part, per class as in metrics.json.
    const exported = await writeRunExports(out, { language: 'en' });
    const matrix = readFileSync(join(out, 'confusion-matrix.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').slice(1).map(Number));
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(config.split.indices.test.length);
    expect(matrix).toEqual(metrics.confusionMatrix.matrix);
    const perClass = readFileSync(join(out, 'per-class.csv'), 'utf8').trim().split('\n');
    expect(perClass).toHaveLength(1 + 10 + 2);
    expect(perClass[1]).toBe(
      `0,${metrics.perClass[0].precision},${metrics.perClass[0].recall},${metrics.perClass[0].f1},${metrics.perClass[0].support}`,
    );
    expect(exported.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['charts/loss.svg', 'charts/accuracy.svg', 'model/model.json', 'report.pdf']),
    );
  }, 180_000);
});
