import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSampleRun } from '../runs/writeSampleRun.testdata';
import { findChromium } from './findChromium';
import { rasterizeSvgs } from './printPdf';
import { confusionMatrixCsv, kfoldCsv, listRunFiles, RUN_FILE_NAME, writeRunExports } from './runExports';

const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(bytes);
  expect(view.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

describe('run exports', () => {
  it('writes the confusion matrix, per-class and per-part metrics as CSV and the curves as SVG', async () => {
    const dir = await writeSampleRun(mkdtempSync(join(tmpdir(), 'sinapsis-exports-')));
    const drawn: string[] = [];
    const result = await writeRunExports(dir, {
      language: 'en',
      renderPng: async (images) => images.map((image) => (drawn.push(image.svg), new Uint8Array([0x89, 0x50, 0x4e, 0x47]))),
    });
    // sampleRun: truth 0000 1111 2222, predicted 0001 1111 2202.
    expect(read(dir, 'confusion-matrix.csv')).toBe('true\\predicted,cero,uno,dos\ncero,3,1,0\nuno,0,4,0\ndos,1,0,3\n');
    expect(read(dir, 'confusion-matrix-normalized.csv')).toBe(
      'true\\predicted,cero,uno,dos\ncero,0.75,0.25,0\nuno,0,1,0\ndos,0.25,0,0.75\n',
    );
    const perClass = read(dir, 'per-class.csv').trim().split('\n');
    expect(perClass[0]).toBe('label,precision,recall,f1,support');
    expect(perClass[1]).toBe('cero,0.75,0.75,0.75,4');
    expect(perClass[2]).toMatch(/^uno,0\.8,1,0\.888888\d*,4$/);
    expect(perClass[4]).toMatch(/^macro avg,0\.85,0\.8333\d*,0\.832\d*,12$/);
    expect(perClass[5]).toMatch(/^weighted avg,/);
    expect(read(dir, 'metrics.csv')).toBe(`part,accuracy,loss\ntrain,0.97,0.05\nval,0.9,0.31\ntest,${10 / 12},0.42\n`);
    const loss = read(dir, 'charts/loss.svg');
    expect(loss).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="560" height="300"/);
    expect(loss).toContain('Loss per epoch');
    expect((loss.match(/<path /g) ?? []).length).toBe(2);
    expect(read(dir, 'charts/accuracy.svg')).toContain('Accuracy per epoch');
    expect(drawn).toEqual([loss, read(dir, 'charts/accuracy.svg')]);
    expect(result.pngProblem).toBeNull();
    const names = result.files.map((f) => f.name);
    for (const name of [
      'charts/accuracy.png',
      'charts/accuracy.svg',
      'charts/loss.png',
      'charts/loss.svg',
      'config.json',
      'confusion-matrix.csv',
      'history.csv',
      'metrics.csv',
      'metrics.json',
      'per-class.csv',
    ]) {
      expect(names).toContain(name);
    }
    expect(names).not.toContain('kfold.csv');
    expect(result.files.find((f) => f.name === 'charts/loss.png')?.bytes).toBe(4);
  });

  it('keeps the SVG charts and says why when the PNG renderer is missing', async () => {
    const dir = await writeSampleRun(mkdtempSync(join(tmpdir(), 'sinapsis-exports-')));
    const { SinapsisError } = await import('../../../shared/contract/errors');
    const result = await writeRunExports(dir, {
      language: 'es',
      renderPng: async () => Promise.reject(new SinapsisError('png-no-chromium', 'no chromium')),
    });
    expect(result.pngProblem).toMatchObject({ code: 'png-no-chromium' });
    expect(read(dir, 'charts/loss.svg')).toContain('Pérdida por época');
    expect((await listRunFiles(dir)).map((f) => f.name)).not.toContain('charts/loss.png');
  });

  it('writes k-fold scores and quotes labels that need it', () => {
    expect(
      kfoldCsv({
        folds: [
          { fold: 1, accuracy: 0.9, loss: 0.3 },
          { fold: 2, accuracy: 0.8, loss: 0.5 },
        ],
        accuracy: { mean: 0.85, std: 0.05 },
      }),
    ).toBe('fold,accuracy,loss\n1,0.9,0.3\n2,0.8,0.5\nmean,0.85,\nstd,0.05,\n');
    expect(
      confusionMatrixCsv(
        ['a,b', 'c'],
        [
          [1, 0],
          [0, 0],
        ],
        true,
      ),
    ).toBe('true\\predicted,"a,b",c\n"a,b",1,0\nc,0,0\n');
  });

  it('offers only plain names inside the run folder', () => {
    for (const ok of ['report.pdf', 'charts/loss.png', 'model/model.json', 'per-class.csv']) expect(RUN_FILE_NAME.test(ok)).toBe(true);
    for (const bad of ['../x', 'charts/../../etc/passwd', '.metrics.json.1.tmp', '/etc/passwd', 'a/b', 'charts/', ''])
      expect(RUN_FILE_NAME.test(bad)).toBe(false);
  });
});

describe.skipIf(!findChromium())('PNG charts (system Chromium)', () => {
  it('draws each SVG at twice its size', async () => {
    const [picture] = await rasterizeSvgs([
      {
        svg: '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect width="100" height="40" fill="#3949ab"/></svg>',
        width: 100,
        height: 40,
      },
    ]);
    expect(pngSize(picture)).toEqual({ width: 200, height: 80 });
  });
});
