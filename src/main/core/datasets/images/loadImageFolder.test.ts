import { rm, writeFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SinapsisError } from '../../../../shared/contract';
import type { ImageDataset } from '../datasetTypes';
import { buildDigitLikeFolder, buildMessyDataset, CATS, DOGS, MESSY_EXPECTED, pngOf } from '../testing/messyDataset';
import { loadImageFolder } from './loadImageFolder';

const load = (path: string, extra: Partial<Parameters<typeof loadImageFolder>[1]> = {}) =>
  loadImageFolder(path, { signal: new AbortController().signal, datasetId: 'test', ...extra });

async function expectSinapsisError(promise: Promise<unknown>, code: string): Promise<SinapsisError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SinapsisError);
  expect((error as SinapsisError).code).toBe(code);
  return error as SinapsisError;
}

describe('loadImageFolder on the messy fixture', () => {
  let root: string;
  let dataset: ImageDataset;

  beforeAll(async () => {
    root = await buildMessyDataset({ huge: true });
    dataset = await load(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('loads the good images into classes named by the first-level folders (unicode and spaces kept)', () => {
    expect(dataset.classNames).toEqual(MESSY_EXPECTED.classes);
    expect(dataset.summary.classes.map((c) => c.count)).toEqual(MESSY_EXPECTED.counts);
    expect(dataset.images.map((image) => image.file)).toContain(`${CATS}/deep/más hondo/anidada.png`);
  });

  it('counts problems by code, skipped and total', () => {
    const { problemCounts, problemsTotal, problemsSkipped, problems } = dataset.summary;
    expect(problemsTotal).toBe(problems.length);
    expect(problemsSkipped).toBe(Object.keys(MESSY_EXPECTED.skipped).length);
    expect(problemCounts).toMatchObject({ hidden: 3, 'not-an-image': 3, duplicate: 1 });
  });

  it('reports each skipped file with its reason and never crashes', () => {
    const skipped = Object.fromEntries(dataset.summary.problems.filter((p) => p.skipped).map((p) => [p.file, p.code]));
    expect(skipped).toEqual(MESSY_EXPECTED.skipped);
    for (const problem of dataset.summary.problems) expect(problem.reason.length).toBeGreaterThan(10);
    const text = dataset.summary.problems.find((p) => p.file === `${CATS}/notes.png`);
    expect(text?.reason).toContain('starts with text "label,value');
  });

  it('adds notes for files that loaded anyway (a JPEG named .bmp, a duplicate across classes)', () => {
    const notes = Object.fromEntries(dataset.summary.problems.filter((p) => !p.skipped).map((p) => [p.file, p.code]));
    expect(notes).toEqual(MESSY_EXPECTED.notes);
    expect(dataset.summary.problems.find((p) => p.code === 'duplicate')?.reason).toContain('another class');
    expect(dataset.summary.duplicates).toEqual([[`${CATS}/bueno.png`, `${DOGS}/copia de bueno.png`]]);
  });

  it('decodes by content: the JPEG named .bmp, 16-bit, palette+alpha, CMYK, grey JPEG, GIF, TIFF, PGM, PPM', () => {
    const byFile = new Map(dataset.images.map((image) => [image.file.split('/').pop(), image]));
    expect(byFile.get('photo.bmp')).toMatchObject({ width: 8, height: 8, channels: 3 });
    expect(Array.from(byFile.get('sixteen.png')?.pixels ?? [])).toEqual([0, 255, 128, 1]);
    // Palette entry 1 is fully transparent blue: it becomes white paper.
    expect(Array.from(byFile.get('palette.png')?.pixels ?? [])).toEqual([255, 0, 0, 255, 255, 255]);
    const cmyk = byFile.get('cmyk.jpg');
    expect(cmyk && Array.from(cmyk.pixels.subarray(8 * 3, 8 * 3 + 3))).toEqual([0, 255, 255]);
    expect(byFile.get('gris.jpg')).toMatchObject({ channels: 1 });
    expect(byFile.get('gris.jpg')?.pixels[0]).toBe(90);
    expect(byFile.get('animada.gif')).toMatchObject({ width: 6, height: 4, channels: 3 });
    expect(byFile.get('escaneo.tif')).toMatchObject({ width: 5, height: 3, channels: 1 });
    expect(byFile.get('escaneo.pgm')).toMatchObject({ width: 4, height: 4, channels: 1 });
    expect(byFile.get('color.ppm')).toMatchObject({ width: 3, height: 2, channels: 3 });
    expect(byFile.get('one.png')).toMatchObject({ width: 1, height: 1 });
  });

  it('summarises sizes, channels, formats and imbalance', () => {
    const { sizes, channels, formats, imbalance, total } = dataset.summary;
    expect(total).toBe(13);
    expect(sizes.width.min).toBe(1);
    expect(sizes.width.max).toBe(16);
    expect(sizes.mostCommon).toMatchObject({ width: 8, height: 8 });
    expect(sizes.differing).toBe(total - sizes.mostCommon.count);
    expect(channels.sixteenBit).toBe(1);
    expect(channels.withAlpha).toBeGreaterThanOrEqual(2);
    expect(channels.grey + channels.rgb).toBe(total);
    expect(formats).toMatchObject({ jpeg: 3, gif: 1, tiff: 1, netpbm: 2 });
    expect(imbalance.ratio).toBeCloseTo(7 / 6);
    expect(imbalance.warning).toBe(false);
  });
});

describe('loadImageFolder fingerprint', () => {
  it('is stable for the same content and changes when a file changes or moves', async () => {
    const root = await buildDigitLikeFolder(2, 5);
    try {
      const first = (await load(root)).summary.fingerprint;
      expect((await load(root)).summary.fingerprint).toBe(first);
      await writeFile(join(root, '1', '00000.png'), pngOf(12, 12, 999));
      const edited = (await load(root)).summary.fingerprint;
      expect(edited).not.toBe(first);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('loadImageFolder streaming', () => {
  let root: string;
  const fingerprints: string[] = [];
  beforeAll(async () => {
    root = await buildDigitLikeFolder(10, 300);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each([0, 2])('loads 3000 files with progress (files/s and ETA) ending at the total, %i decoding threads', async (threads) => {
    const events: { phase: string; done: number; total: number; filesPerSecond: number; etaSeconds: number | null }[] = [];
    const dataset = await load(root, { threads, onProgress: (p) => events.push(p) });
    expect(dataset.summary.total).toBe(3000);
    expect(dataset.summary.classes.every((c) => c.count === 300)).toBe(true);
    const loading = events.filter((e) => e.phase === 'loading');
    expect(loading.at(-1)).toMatchObject({ done: 3000, total: 3000, etaSeconds: 0 });
    expect(loading.at(-1)?.filesPerSecond).toBeGreaterThan(0);
    expect(dataset.summary.pixelBytes).toBe(3000 * 144);
    // Worker threads must give exactly what decoding on this thread gives, in the same order.
    expect(dataset.images.slice(0, 3).map((image) => image.file)).toEqual(['0/00000.png', '0/00001.png', '0/00002.png']);
    expect(dataset.summary.fingerprint).toBe(fingerprints[0] ?? (fingerprints[0] = dataset.summary.fingerprint));
  });

  it.each([0, 2])('stops with a cancelled error when the signal aborts mid-way, %i decoding threads', async (threads) => {
    const controller = new AbortController();
    const promise = load(root, {
      threads,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'loading' && p.done > 0) controller.abort();
      },
    });
    await expectSinapsisError(promise, 'dataset-load-cancelled');
  });

  it('refuses to hold more pixels than the memory budget, with a clear message', async () => {
    const error = await expectSinapsisError(load(root, { maxPixelBytes: 144 * 50 }), 'dataset-too-large');
    expect(error.message).toMatch(/Use smaller images or fewer/);
  });
});

describe('loadImageFolder bad input', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'sinapsis-bad-'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('a missing folder', async () => {
    await expectSinapsisError(load(join(base, 'nope')), 'dataset-folder-missing');
  });

  it('a file instead of a folder suggests opening it as a CSV', async () => {
    const file = join(base, 'datos.csv');
    await writeFile(file, 'a,b\n1,2\n');
    const error = await expectSinapsisError(load(file), 'dataset-not-a-folder');
    expect(error.message).toContain('open it as a CSV');
  });

  it('a folder with no images', async () => {
    const folder = join(base, 'textos');
    await mkdir(join(folder, 'a'), { recursive: true });
    await writeFile(join(folder, 'a', 'x.txt'), 'hola');
    await expectSinapsisError(load(folder), 'dataset-no-images');
  });

  it('a folder with one class', async () => {
    const folder = join(base, 'una');
    await mkdir(join(folder, 'solo'), { recursive: true });
    await writeFile(join(folder, 'solo', 'a.png'), pngOf(4, 4));
    const error = await expectSinapsisError(load(folder), 'dataset-one-class');
    expect(error.message).toContain('"solo"');
  });

  it('a licence or readme at the top is documentation (a note), a stray image there is skipped', async () => {
    const folder = join(base, 'descargado');
    for (const name of ['a', 'b']) {
      await mkdir(join(folder, name), { recursive: true });
      await writeFile(join(folder, name, '1.png'), pngOf(4, 4));
    }
    await writeFile(join(folder, 'LICENSE.txt'), 'CC BY 4.0');
    await writeFile(join(folder, 'README.md'), '# digits');
    await writeFile(join(folder, 'suelta.png'), pngOf(4, 4));
    const dataset = await load(folder);
    expect(dataset.images).toHaveLength(2);
    const byFile = Object.fromEntries(dataset.summary.problems.map((p) => [p.file, p]));
    expect(byFile['LICENSE.txt']).toMatchObject({ code: 'dataset-document', skipped: false });
    expect(byFile['README.md']).toMatchObject({ code: 'dataset-document', skipped: false });
    expect(byFile['suelta.png']).toMatchObject({ code: 'outside-class-folder', skipped: true });
    expect(dataset.summary.problemsSkipped).toBe(1);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable folder', async () => {
    const { chmod } = await import('node:fs/promises');
    const folder = join(base, 'cerrada');
    await mkdir(folder);
    await chmod(folder, 0o000);
    await expectSinapsisError(load(folder), 'dataset-folder-unreadable');
    await chmod(folder, 0o755);
  });
});
