import { encodePng, Image } from 'image-js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hogPipelineSchema, type HogPipeline } from '../../../shared/contract/features';
import { SinapsisError } from '../../../shared/contract';
import { buildMessyDataset, CATS, DOGS } from '../datasets/testing/messyDataset';
import { extractHog, type HogProgress } from './extractHog';
import { hog } from './hog';
import { prepareImage } from './prepareImage';

const lab: HogPipeline = hogPipelineSchema.parse({});

function randomGrey(width: number, height: number, seed: number): Uint8Array {
  let state = seed * 2654435761 + 1;
  return Uint8Array.from({ length: width * height }, () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state >>> 24;
  });
}

/** `count` distinct 30x40 grey PNGs plus the given broken files; returns the folder and file list in order. */
async function folderOfPngs(count: number, broken: Record<string, Uint8Array> = {}) {
  const root = await mkdtemp(join(tmpdir(), 'sinapsis-hog-'));
  const files: { name: string; path: string }[] = [];
  const pixels: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const data = randomGrey(30, 40, i + 1);
    const name = `img${String(i).padStart(4, '0')}.png`;
    await writeFile(join(root, name), encodePng(new Image(30, 40, { colorModel: 'GREY', data })));
    files.push({ name, path: join(root, name) });
    pixels.push(data);
  }
  for (const [name, bytes] of Object.entries(broken)) {
    await writeFile(join(root, name), bytes);
    files.push({ name, path: join(root, name) });
  }
  return { root, files, pixels };
}

describe('extractHog', () => {
  it('computes the same vectors in worker threads as directly, lists bad files, and a second run comes from the cache', async () => {
    const png = encodePng(new Image(30, 40, { colorModel: 'GREY', data: randomGrey(30, 40, 999) }));
    const { files, pixels } = await folderOfPngs(100, {
      'cut.png': png.subarray(0, 60),
      'notes.png': new TextEncoder().encode('a,b\n1,2\n'),
    });
    files.push({ name: 'missing.png', path: join(tmpdir(), 'sinapsis-no-such-file.png') });
    const cacheDir = await mkdtemp(join(tmpdir(), 'sinapsis-hog-cache-'));
    const progress: HogProgress[] = [];
    const first = await extractHog(
      { kind: 'files', files },
      { pipeline: lab, signal: new AbortController().signal, threads: 2, cacheDir, onProgress: (p) => progress.push(p) },
    );

    expect(first.threads).toBe(2);
    expect(first.length).toBe(320);
    expect(first.fromCache).toBe(0);
    for (const i of [0, 37, 99]) {
      const expected = hog(prepareImage({ width: 30, height: 40, channels: 1, data: pixels[i] }, lab), lab.params).vector;
      expect(Array.from(first.vectors[i] ?? [])).toEqual(Array.from(expected));
    }
    expect(first.failures.map((f) => [f.file, f.code])).toEqual([
      ['cut.png', 'undecodable'],
      ['notes.png', 'not-an-image'],
      ['missing.png', 'missing'],
    ]);
    expect(first.failures[0].reason).toMatch(/PNG data could not be decoded/);
    expect(first.failures[1].reason).toMatch(/content is not an image/);
    expect(first.failures[2].reason).toMatch(/does not exist/);
    expect(first.vectors.slice(100).every((v) => v === null)).toBe(true);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ done: 103, total: 103, failures: 3 });
    expect(last.imagesPerSecond).toBeGreaterThan(0);

    const second = await extractHog(
      { kind: 'files', files },
      { pipeline: lab, signal: new AbortController().signal, threads: 2, cacheDir },
    );
    expect(second.fromCache).toBe(100);
    expect(second.threads).toBe(1); // nothing left to compute: no worker was started
    expect(second.vectors[37]).toEqual(first.vectors[37]);

    // Any parameter change misses the cache.
    const other = { ...lab, params: { ...lab.params, orientations: 9 } };
    const third = await extractHog(
      { kind: 'files', files: files.slice(0, 10) },
      { pipeline: other, signal: new AbortController().signal, cacheDir },
    );
    expect(third.fromCache).toBe(0);
    expect(third.length).toBe(360);
  });

  it('reports images smaller than one block per file when not resizing, and rejects mismatched lengths', async () => {
    const images = [
      { name: 'a.png', image: { width: 12, height: 24, channels: 1 as const, data: randomGrey(12, 24, 1) }, hash: 'a'.repeat(64) },
      { name: 'tiny.png', image: { width: 4, height: 4, channels: 1 as const, data: randomGrey(4, 4, 2) }, hash: 'b'.repeat(64) },
      { name: 'wide.png', image: { width: 16, height: 24, channels: 1 as const, data: randomGrey(16, 24, 3) }, hash: 'c'.repeat(64) },
    ];
    const result = await extractHog(
      { kind: 'images', images },
      { pipeline: { ...lab, resize: null }, signal: new AbortController().signal, cacheDir: null },
    );
    expect(result.length).toBe(320);
    expect(result.failures.map((f) => [f.file, f.code])).toEqual([
      ['tiny.png', 'too-small'],
      ['wide.png', 'size-mismatch'],
    ]);
    expect(result.failures[0].reason).toMatch(/4x4 image is smaller than one HOG block/);
    expect(result.failures[1].reason).toMatch(/need a resize size/);
    // The numbers behind each reason, so the UI can say it in Spanish or Portuguese too.
    expect(result.failures[0]).toMatchObject({
      reasonKey: 'features.extract.reason.too-small',
      params: { width: 4, height: 4, minWidth: 8, minHeight: 8 },
    });
    expect(result.failures[1]).toMatchObject({
      reasonKey: 'features.extract.reason.size-mismatch',
      params: { length: 480, reference: 'a.png', referenceLength: 320 },
    });
  });

  it('stops with a cancelled error when the signal aborts, keeping finished vectors in the cache', async () => {
    const { files } = await folderOfPngs(200);
    const cacheDir = await mkdtemp(join(tmpdir(), 'sinapsis-hog-cache-'));
    const controller = new AbortController();
    const run = extractHog(
      { kind: 'files', files },
      {
        pipeline: lab,
        signal: controller.signal,
        threads: 2,
        cacheDir,
        onProgress: (p) => {
          if (p.done > 0 && p.done < p.total) controller.abort();
        },
      },
    );
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SinapsisError);
    expect((error as SinapsisError).code).toBe('hog-extract-cancelled');
    const resumed = await extractHog(
      { kind: 'files', files },
      { pipeline: lab, signal: new AbortController().signal, threads: 2, cacheDir },
    );
    expect(resumed.fromCache).toBeGreaterThan(0);
    expect(resumed.failures).toEqual([]);
  });

  it('describes 16-bit, palette, CMYK, GIF, TIFF and Netpbm files, and explains each bad file while the rest go on', async () => {
    const root = await buildMessyDataset();
    const good = [
      `${CATS}/sixteen.png`,
      `${CATS}/palette.png`,
      `${CATS}/one.png`,
      `${DOGS}/cmyk.jpg`,
      `${DOGS}/animada.gif`,
      `${DOGS}/escaneo.tif`,
      `${DOGS}/escaneo.pgm`,
      `${DOGS}/color.ppm`,
    ];
    const bad = [`${CATS}/truncated.png`, `${CATS}/zero.png`, `${CATS}/notes.png`, `${DOGS}/cut.jpg`, `${CATS}/gone.png`, `${CATS}/loop`];
    const files = [...good, ...bad].map((name) => ({ name, path: join(root, name) }));
    const result = await extractHog({ kind: 'files', files }, { pipeline: lab, signal: new AbortController().signal, cacheDir: null });
    expect(result.vectors.slice(0, good.length).every((v) => v?.length === 320)).toBe(true);
    const reasons = Object.fromEntries(result.failures.map((f) => [f.file, f.reason]));
    expect(Object.keys(reasons)).toEqual(bad);
    expect(reasons[`${CATS}/truncated.png`]).toMatch(/PNG data could not be decoded/);
    expect(reasons[`${CATS}/zero.png`]).toMatch(/empty \(0 bytes\)/);
    expect(reasons[`${DOGS}/cut.jpg`]).toMatch(/truncated/);
    expect(reasons[`${CATS}/gone.png`]).toMatch(/does not exist/);
    expect(reasons[`${CATS}/loop`]).toMatch(/folder, not an image/);
    expect(result.failures.map((f) => f.code)).toEqual([
      'undecodable',
      'empty-file',
      'not-an-image',
      'undecodable',
      'missing',
      'not-a-file',
    ]);
    // Each reason also as a message key with its values, for the UI's languages.
    expect(result.failures.map((f) => [f.reasonKey, f.params])).toEqual([
      ['data.problems.why.undecodable-detail', { format: 'PNG', detail: expect.any(String) }],
      ['data.problems.why.empty-file', undefined],
      ['data.problems.why.not-an-image-text', { extension: '.png', sample: 'label,value cat,' }],
      ['data.problems.why.undecodable-detail', { format: 'JPEG', detail: expect.stringMatching(/truncated/) }],
      ['features.extract.reason.missing', undefined],
      ['features.extract.reason.not-a-file', undefined],
    ]);
    // Without a resize, the 1x1 image cannot hold a block: a per-file reason, not a failed run.
    const unresized = await extractHog(
      { kind: 'files', files: files.slice(0, 3) },
      { pipeline: { ...lab, resize: null }, signal: new AbortController().signal, cacheDir: null },
    );
    expect(unresized.failures.map((f) => f.reason)).toEqual([
      expect.stringMatching(/2x2 image is smaller than one HOG block/),
      expect.stringMatching(/2x1 image is smaller than one HOG block/),
      expect.stringMatching(/1x1 image is smaller than one HOG block/),
    ]);
  });
});
