import { encode as encodeFastPng } from 'fast-png';
import { decode as decodeWithImageJs } from 'image-js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../../shared/didactic/seededRandom';
import { fromImageJs } from './decodeImage';
import { decodeSimplePng } from './decodePng';
import { encodeSimplePng } from './encodePng';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** The filtered byte PNG stores for `x` of a row, given its left, up and up-left neighbours (spec section 9). */
function filtered(filter: number, x: number, left: number, up: number, upLeft: number): number {
  const paeth = (): number => {
    const p = left + up - upLeft;
    const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
    return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
  };
  const predicted = [0, left, up, (left + up) >> 1, paeth()][filter];
  return (x - predicted) & 0xff;
}

/** A PNG written by hand with row y filtered by filter y % 5 (encoders pick one filter; this covers all five). */
function pngWithEveryFilter(width: number, height: number, channels: 1 | 3, seed: number, idatParts = 1): Uint8Array {
  const random = createSeededRandom(seed);
  const stride = width * channels;
  const pixels = Uint8Array.from({ length: height * stride }, () => random.int(256));
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const at = (yy: number, xx: number): number => (yy >= 0 && xx >= 0 ? pixels[yy * stride + xx] : 0);
      raw[y * (stride + 1) + 1 + x] = filtered(filter, at(y, x), at(y, x - channels), at(y - 1, x), at(y - 1, x - channels));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, channels === 1 ? 0 : 2, 0, 0, 0], 8);
  const compressed = deflateSync(raw);
  const step = Math.ceil(compressed.length / idatParts);
  const idats = Array.from({ length: idatParts }, (_, i) => chunk('IDAT', compressed.subarray(i * step, (i + 1) * step)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...idats,
    chunk('IEND', new Uint8Array()),
  ]);
}

const viaImageJs = (bytes: Uint8Array) => fromImageJs(decodeWithImageJs(bytes));

describe('decodeSimplePng', () => {
  it('gives what image-js gives for grey and RGB PNGs with every filter type, in one or several IDAT chunks', () => {
    for (const [width, height, channels, parts] of [
      [7, 11, 1, 1],
      [13, 6, 3, 1],
      [1, 9, 3, 3],
      [32, 20, 1, 4],
    ] as const) {
      const bytes = pngWithEveryFilter(width, height, channels, width * 100 + height, parts);
      const ours = decodeSimplePng(bytes);
      expect(ours).not.toBeNull();
      expect(ours).toEqual(viaImageJs(bytes));
    }
  });

  it('gives what image-js gives for the bundled digits', () => {
    const folder = join(__dirname, '../../../../../resources/datasets/digits-opencv/7');
    for (const name of readdirSync(folder).slice(0, 20)) {
      const bytes = readFileSync(join(folder, name));
      expect(decodeSimplePng(bytes)).toEqual(viaImageJs(bytes));
    }
  });

  it('leaves to image-js what it does not read: 16 bits, alpha, palettes, a cut file, bad data', () => {
    const grey16 = encodeFastPng({ width: 2, height: 2, depth: 16, channels: 1, data: Uint16Array.from([0, 1000, 40000, 65535]) });
    const rgba = encodeFastPng({ width: 2, height: 1, depth: 8, channels: 4, data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) });
    const good = pngWithEveryFilter(5, 5, 1, 3);
    expect(decodeSimplePng(grey16)).toBeNull();
    expect(decodeSimplePng(rgba)).toBeNull();
    expect(decodeSimplePng(good.subarray(0, good.length - 20))).toBeNull();
    const corrupt = Uint8Array.from(good);
    corrupt[45] ^= 0xff;
    expect(decodeSimplePng(corrupt)).toBeNull();
    expect(decodeSimplePng(new TextEncoder().encode('not a png at all, just some text here'))).toBeNull();
    // A header claiming 2^32-1 x 2^32-1 pixels is not inflated here (zlib would abort the process on such a limit).
    const huge = Uint8Array.from(good);
    huge.set([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 16);
    expect(decodeSimplePng(huge)).toBeNull();
  });
});

describe('encodeSimplePng', () => {
  it('writes grey and RGB PNGs that image-js and the native decoder read back to the same pixels', () => {
    const random = createSeededRandom(7);
    for (const channels of [1, 3] as const) {
      const [width, height] = [5, 3];
      const pixels = Uint8Array.from({ length: width * height * channels }, () => random.int(256));
      const png = encodeSimplePng(width, height, channels, pixels);
      const byImageJs = fromImageJs(decodeWithImageJs(png));
      expect([byImageJs.width, byImageJs.height, byImageJs.channels]).toEqual([width, height, channels]);
      expect(Array.from(byImageJs.data)).toEqual(Array.from(pixels));
      expect(Array.from(decodeSimplePng(png)?.data ?? [])).toEqual(Array.from(pixels));
    }
  });
});
