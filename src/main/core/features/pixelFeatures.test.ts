import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng, Image } from 'image-js';
import { afterAll, describe, expect, it } from 'vitest';
import { fitChannelStandardizer } from '../../../shared/datasets/scaling';
import { decodeImage } from '../datasets/images/decodeImage';
import { sniffFormat } from '../datasets/images/sniffFormat';
import { encodeNetpbm } from '../datasets/testing/minimalEncoders';
import { borderColour, centredCrop, fitImage } from './fitImage';
import { preparePixels, toRgb, writePixelFeatures } from './pixelFeatures';
import type { PixelImage } from './pixelImage';

/** Debian's OpenCV through the system Python: the reference the course notebooks use. */
const PYTHON = '/usr/bin/python3';
const hasOpenCv = spawnSync(PYTHON, ['-c', 'import cv2, numpy'], { stdio: 'ignore' }).status === 0;

/** A colour pattern in which red, green and blue all vary differently, so a swapped channel order cannot pass. */
function colourPattern(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = (x * 13 + y * 3) % 256;
      data[i + 1] = (y * 29 + 7) % 256;
      data[i + 2] = (x * y * 5 + 100) % 256;
    }
  }
  return data;
}

const dir = mkdtempSync(join(tmpdir(), 'sinapsis-pixels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WIDTH = 37;
const HEIGHT = 23;
const fixtures = {
  png: encodePng(new Image(WIDTH, HEIGHT, { colorModel: 'RGB', data: colourPattern(WIDTH, HEIGHT) })),
  ppm: encodeNetpbm(WIDTH, HEIGHT, 3, colourPattern(WIDTH, HEIGHT)),
};
const paths = Object.fromEntries(Object.keys(fixtures).map((name) => [name, join(dir, `fixture.${name}`)])) as Record<
  keyof typeof fixtures,
  string
>;
for (const [name, bytes] of Object.entries(fixtures)) writeFileSync(paths[name as keyof typeof fixtures], bytes);

function decoded(name: keyof typeof fixtures): PixelImage {
  const bytes = fixtures[name];
  const image = decodeImage(bytes, sniffFormat(bytes)!);
  return { width: image.width, height: image.height, channels: image.channels, data: image.data };
}

/** OpenCV's features of a file: imread (BGR) -> RGB or grey -> optional INTER_AREA resize -> / 255, flattened HWC. */
function openCvFeatures(path: string, mode: 'rgb' | 'grey', size: [number, number] | null): number[] {
  const script = `
import cv2, json, sys
img = cv2.imread(sys.argv[1], cv2.IMREAD_COLOR)
img = cv2.cvtColor(img, cv2.COLOR_BGR2RGB) if sys.argv[2] == 'rgb' else cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
if sys.argv[3] != 'none':
    w, h = map(int, sys.argv[3].split('x'))
    img = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
print(json.dumps((img.astype('float32') / 255).flatten().tolist()))
`;
  const out = execFileSync(PYTHON, ['-c', script, path, mode, size ? `${size[0]}x${size[1]}` : 'none'], { encoding: 'utf8' });
  return JSON.parse(out) as number[];
}

function ours(image: PixelImage, channels: 1 | 3, size: [number, number] | null): Float32Array {
  const length = (size ? size[0] * size[1] : image.width * image.height) * channels;
  const out = new Float32Array(length);
  writePixelFeatures(image, { size: size ? { width: size[0], height: size[1] } : null, channels, resizeMode: 'stretch' }, out);
  return out;
}

describe.skipIf(!hasOpenCv)('pixel features against OpenCV (cv2.imread + cvtColor(BGR2RGB))', () => {
  for (const name of ['png', 'ppm'] as const) {
    it(`${name}: RGB channel order and values at the image's own size`, () => {
      const reference = openCvFeatures(paths[name], 'rgb', null);
      expect(Array.from(ours(decoded(name), 3, null))).toEqual(reference);
    });

    it(`${name}: RGB shrunk with INTER_AREA to 12×10 and to 16×8 (integer and fractional factors)`, () => {
      for (const size of [
        [12, 10],
        [16, 8],
      ] as [number, number][]) {
        const reference = openCvFeatures(paths[name], 'rgb', size);
        const mine = Array.from(ours(decoded(name), 3, size));
        expect(mine).toHaveLength(size[0] * size[1] * 3);
        expect(mine).toEqual(reference);
      }
    });

    it(`${name}: grey (cvtColor BGR2GRAY) then INTER_AREA, as before colour existed`, () => {
      expect(Array.from(ours(decoded(name), 1, [12, 10]))).toEqual(openCvFeatures(paths[name], 'grey', [12, 10]));
    });
  }

  it('per-channel z-score fitted on the training images equals numpy mean/std over the pixels of each channel', () => {
    const images = [decoded('png'), decoded('ppm')].map((image) => ours(image, 3, [12, 10]));
    // Three samples: the two fixtures and a darker copy; the training part is samples 0 and 2.
    const darker = images[0].map((v) => v * 0.5);
    const rows = [images[0], images[1], darker];
    const columns = rows[0].length;
    const values = new Float32Array(rows.length * columns);
    rows.forEach((row, r) => values.set(row, r * columns));
    const scaler = fitChannelStandardizer({ values, rows: rows.length, columns }, [0, 2], 3);
    const script = `
import json, sys, numpy as np
x = np.array(json.loads(sys.stdin.read()), dtype=np.float64).reshape(3, 10, 12, 3)[[0, 2]]
print(json.dumps({'mean': x.reshape(-1, 3).mean(0).tolist(), 'std': x.reshape(-1, 3).std(0).tolist()}))
`;
    const reference = JSON.parse(execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(Array.from(values)), encoding: 'utf8' })) as {
      mean: number[];
      std: number[];
    };
    for (let c = 0; c < 3; c++) {
      expect(scaler.mean[c]).toBeCloseTo(reference.mean[c], 10);
      expect(scaler.std[c]).toBeCloseTo(reference.std[c], 10);
      // Every pixel of a channel gets that channel's statistics.
      expect(scaler.mean[columns - 3 + c]).toBe(scaler.mean[c]);
    }
  });
});

describe('colour layout', () => {
  it('a grey image becomes RGB with its grey level in all three channels, and RGB stays RGB', () => {
    const grey: PixelImage = { width: 2, height: 1, channels: 1, data: Uint8Array.from([10, 200]) };
    expect(Array.from(toRgb(grey).data)).toEqual([10, 10, 10, 200, 200, 200]);
    const rgb = toRgb(grey);
    expect(toRgb(rgb)).toBe(rgb);
  });

  it('grey mode on an RGB image gives OpenCV luma, the features of a grey dataset unchanged', () => {
    const image: PixelImage = { width: 1, height: 1, channels: 3, data: Uint8Array.from([114, 150, 126]) };
    // 137 in OpenCV (grayscale.ts explains the fixed-point weights).
    expect(Array.from(preparePixels(image, { size: null, channels: 1, resizeMode: 'stretch' }).data)).toEqual([137]);
  });
});

describe('resize modes', () => {
  const wide: PixelImage = { width: 8, height: 4, channels: 3, data: colourPattern(8, 4) };

  it('crop takes the largest centred region of the target aspect', () => {
    expect(centredCrop(8, 4, 1)).toEqual({ x: 2, y: 0, width: 4, height: 4 });
    expect(centredCrop(4, 8, 1)).toEqual({ x: 0, y: 2, width: 4, height: 4 });
    expect(centredCrop(400, 300, 400 / 300)).toEqual({ x: 0, y: 0, width: 400, height: 300 });
    // A centre crop to 4×4 at the same size is exactly the middle columns.
    const cropped = fitImage(wide, 4, 4, 'crop', 'area');
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 4; x++) {
        for (let c = 0; c < 3; c++) expect(cropped.data[(y * 4 + x) * 3 + c]).toBe(wide.data[(y * 8 + x + 2) * 3 + c]);
      }
    }
  });

  it('pad keeps the whole image and fills the bands with the border colour', () => {
    const flat: PixelImage = { width: 4, height: 2, channels: 3, data: new Uint8Array(24).map((_, i) => [200, 40, 90][i % 3]) };
    expect(borderColour(flat)).toEqual([200, 40, 90]);
    const padded = fitImage(flat, 4, 4, 'pad', 'area');
    expect(padded.width).toBe(4);
    expect(padded.height).toBe(4);
    // Rows 0 and 3 are the band, rows 1-2 the image: all the same colour here, so every pixel is the flat colour.
    for (let p = 0; p < 16; p++) expect(Array.from(padded.data.subarray(p * 3, p * 3 + 3))).toEqual([200, 40, 90]);
    const picture = fitImage(wide, 4, 4, 'pad', 'area');
    const fill = borderColour(wide);
    expect(Array.from(picture.data.subarray(0, 3))).toEqual(fill);
    expect(Array.from(picture.data.subarray(15 * 3, 16 * 3))).toEqual(fill);
    // The middle two rows are the 8×4 image shrunk to 4×2.
    const inner = fitImage(wide, 4, 2, 'stretch', 'area');
    expect(Array.from(picture.data.subarray(4 * 3, 12 * 3))).toEqual(Array.from(inner.data));
  });

  it('stretch is cv2.resize to the size, whatever the aspect', () => {
    const stretched = fitImage(wide, 4, 4, 'stretch', 'area');
    expect(stretched.width * stretched.height * stretched.channels).toBe(48);
  });
});
