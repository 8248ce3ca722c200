import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyOrientation, readJpegOrientation } from './exifOrientation';
import { inspectImageFile, MAX_STORED_SIDE } from './inspectImageFile';

/** PIL writes the EXIF tag and `ImageOps.exif_transpose` is the reference for what each orientation means. */
const PYTHON = '/usr/bin/python3';
const hasPil = spawnSync(PYTHON, ['-c', 'import PIL.Image, PIL.ImageOps, numpy'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'sinapsis-exif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Eight JPEGs of one 48×32 picture of four flat quadrants (red, green, blue, white: any turn or mirror moves them
 * to different corners), each with another orientation tag; prints PIL's upright pixels of each as JSON.
 */
const SCRIPT = `
import json, sys
import numpy as np
from PIL import Image, ImageOps
out = {}
pixels = np.zeros((32, 48, 3), np.uint8)
pixels[:16, :24] = (255, 0, 0); pixels[:16, 24:] = (0, 255, 0); pixels[16:, :24] = (0, 0, 255); pixels[16:, 24:] = (255, 255, 255)
for o in range(1, 9):
    exif = Image.Exif(); exif[0x0112] = o
    path = f"{sys.argv[1]}/o{o}.jpg"
    Image.fromarray(pixels).save(path, quality=95, subsampling=0, exif=exif)
    upright = np.asarray(ImageOps.exif_transpose(Image.open(path)).convert('RGB'))
    out[o] = {'shape': list(upright.shape), 'data': upright.flatten().tolist()}
print(json.dumps(out))
`;

describe.skipIf(!hasPil)('EXIF orientation against PIL.ImageOps.exif_transpose', () => {
  const reference = hasPil
    ? (JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<
        string,
        { shape: number[]; data: number[] }
      >)
    : {};
  for (let orientation = 1; orientation <= 8; orientation++) {
    it(`orientation ${orientation}: same upright size and pixels as PIL`, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, `o${orientation}.jpg`)));
      expect(readJpegOrientation(bytes)).toBe(orientation);
      const inspection = inspectImageFile(`o${orientation}.jpg`, bytes);
      if (!inspection.ok) throw new Error(inspection.reason);
      const { image } = inspection;
      const [height, width] = reference[orientation].shape;
      expect([image.width, image.height]).toEqual([width, height]);
      // Two JPEG decoders (libjpeg in PIL, image-js here) differ a little at the quadrants' edges; a wrong turn or
      // mirror puts a quadrant of another colour in place, a mean difference near 100.
      let total = 0;
      for (let i = 0; i < image.data.length; i++) total += Math.abs(image.data[i] - reference[orientation].data[i]);
      expect(total / image.data.length).toBeLessThan(3);
    });
  }
});

describe('orientation and size without a reference', () => {
  it('a JPEG without EXIF is orientation 1, and garbage never throws', () => {
    expect(readJpegOrientation(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0, 4, 0, 0]))).toBe(1);
    expect(readJpegOrientation(Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, 40, 0x45, 0x78, 0x69, 0x66, 0, 0, 1, 2]))).toBe(1);
  });

  it('6 turns a 3×2 image a quarter clockwise, and 8 back', () => {
    // 0 1 2 / 3 4 5 turned clockwise is 3 0 / 4 1 / 5 2.
    const image = {
      width: 3,
      height: 2,
      channels: 1 as const,
      data: Uint8Array.from([0, 1, 2, 3, 4, 5]),
      sourceBitDepth: 8,
      sourceHadAlpha: false,
    };
    const turned = applyOrientation(image, 6);
    expect([turned.width, turned.height, ...turned.data]).toEqual([2, 3, 3, 0, 4, 1, 5, 2]);
    const back = applyOrientation(turned, 8);
    expect(Array.from(back.data)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe.skipIf(!hasPil)('large and tiny images', () => {
  it(`a 12-megapixel photo is kept at ${MAX_STORED_SIDE} pixels a side (aspect kept), saying its size in the file`, () => {
    const path = join(dir, 'big.jpg');
    execFileSync(PYTHON, [
      '-c',
      `from PIL import Image; Image.new('RGB', (4000, 3000), (200, 120, 40)).save(${JSON.stringify(path)}, quality=80)`,
    ]);
    const inspection = inspectImageFile('big.jpg', new Uint8Array(readFileSync(path)));
    if (!inspection.ok) throw new Error(inspection.reason);
    expect([inspection.image.width, inspection.image.height]).toEqual([800, 600]);
    expect(inspection.image.downscaledFrom).toEqual({ width: 4000, height: 3000 });
    // 500 such photos: 500 × 800 × 600 × 3 bytes = 720 MB, inside the default budget (a quarter of RAM, at most 2 GiB).
    expect(500 * inspection.image.data.byteLength).toBe(720_000_000);
  }, 60_000);

  it('a 1-pixel image loads with a note saying so, and a CMYK JPEG loads as RGB', () => {
    const tiny = join(dir, 'tiny.png');
    const cmyk = join(dir, 'cmyk.jpg');
    execFileSync(PYTHON, [
      '-c',
      `from PIL import Image; Image.new('RGB', (1, 1), (9, 9, 9)).save(${JSON.stringify(tiny)}); Image.new('CMYK', (16, 8), (0, 255, 255, 0)).save(${JSON.stringify(cmyk)})`,
    ]);
    const small = inspectImageFile('tiny.png', new Uint8Array(readFileSync(tiny)));
    expect(small).toMatchObject({
      ok: true,
      note: { code: 'too-small', text: { key: 'too-small', params: { width: 1, height: 1, minimum: 2 } } },
    });
    const fromCmyk = inspectImageFile('cmyk.jpg', new Uint8Array(readFileSync(cmyk)));
    if (!fromCmyk.ok) throw new Error(fromCmyk.reason);
    expect(fromCmyk.image.channels).toBe(3);
    // Cyan 0, magenta and yellow full: red.
    expect(Array.from(fromCmyk.image.data.subarray(0, 3)).map((v) => Math.round(v / 16))).toEqual([16, 0, 0]);
  });
});
