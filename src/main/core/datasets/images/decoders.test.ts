import { encode as encodeFastPng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { encodeGreyGif, encodeNetpbm } from '../testing/minimalEncoders';
import { pngOf } from '../testing/messyDataset';
import { decodeGif, decodeGifLzw } from './decodeGif';
import { decodeNetpbm } from './decodeNetpbm';
import { inspectImageFile } from './inspectImageFile';
import { sniffFormat } from './sniffFormat';
import { shrinkToFit } from './thumbnail';

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffFormat', () => {
  it('recognises formats by their magic bytes, not by name', () => {
    expect(sniffFormat(pngOf(2, 2))).toBe('png');
    expect(sniffFormat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffFormat(text('GIF89a......'))).toBe('gif');
    expect(sniffFormat(Uint8Array.from([0x49, 0x49, 0x2a, 0]))).toBe('tiff');
    expect(sniffFormat(text('P5\n2 2\n255\n'))).toBe('netpbm');
    expect(sniffFormat(text('RIFF\0\0\0\0WEBP'))).toBe('webp');
    expect(sniffFormat(text('BMW is a car brand, not a bitmap'))).toBeNull();
    expect(sniffFormat(text('label,value'))).toBeNull();
  });
});

describe('decodeNetpbm', () => {
  it('reads ASCII PGM with comments and 16-bit binary PGM', () => {
    expect(Array.from(decodeNetpbm(text('P2\n# c\n2 1\n# max\n10\n0 10\n')).data)).toEqual([0, 255]);
    const sixteen = Uint8Array.from([...text('P5 2 1 65535\n'), 0xff, 0xff, 0x80, 0x00]);
    expect(Array.from(decodeNetpbm(sixteen).data)).toEqual([255, 128]);
  });

  it('turns 16 bits into 8 as cv2.imread does (the high byte), for PGM and PNG alike', () => {
    // cv2.imread of these 16-bit samples (OpenCV 4.6, PNG, TIFF and PGM) gives 0 0 1 1 255 255 128 1 1 0;
    // rounding v / 257 instead would give 1 for 255, 254 for 65280 and 2 for 511.
    const samples = [0, 255, 256, 383, 65280, 65535, 32768, 257, 511, 128];
    const cv2 = [0, 0, 1, 1, 255, 255, 128, 1, 1, 0];
    const bigEndian = samples.flatMap((v) => [v >> 8, v & 0xff]);
    expect(Array.from(decodeNetpbm(Uint8Array.from([...text(`P5 ${samples.length} 1 65535\n`), ...bigEndian])).data)).toEqual(cv2);
    const png = encodeFastPng({ width: samples.length, height: 1, depth: 16, channels: 1, data: Uint16Array.from(samples) });
    const inspection = inspectImageFile('sixteen.png', png);
    expect(inspection.ok && Array.from(inspection.image.data)).toEqual(cv2);
  });

  it('reads PBM (1 = black) in ASCII and binary', () => {
    expect(Array.from(decodeNetpbm(text('P1\n3 1\n101\n')).data)).toEqual([0, 255, 0]);
    expect(Array.from(decodeNetpbm(Uint8Array.from([...text('P4\n3 1\n'), 0b10100000])).data)).toEqual([0, 255, 0]);
  });

  it('says a cut-off file is truncated', () => {
    const full = encodeNetpbm(4, 4, 3, new Uint8Array(48));
    expect(() => decodeNetpbm(full.subarray(0, full.length - 5))).toThrow(/truncated/);
  });
});

describe('decodeGif', () => {
  it('round-trips a grey GIF including clear codes mid-stream', () => {
    const pixels = Uint8Array.from({ length: 40 * 30 }, (_, i) => (i * 7) % 256);
    const image = decodeGif(encodeGreyGif(40, 30, pixels));
    expect(image.width).toBe(40);
    expect(Array.from(image.data.filter((_, i) => i % 3 === 0))).toEqual(Array.from(pixels));
  });

  it('decodes the KwKwK case of LZW (a code defined by the code being read)', () => {
    // Codes 4 (clear), 1, 6 (= "1 1", not yet defined when read), 5 (end) with 2-bit minimum code size.
    const bits = [4, 1, 6, 5].map((code) => code.toString(2).padStart(3, '0').split('').reverse().join('')).join('');
    const bytes = Uint8Array.from(bits.padEnd(16, '0').match(/.{8}/g) ?? [], (b) => parseInt(b.split('').reverse().join(''), 2));
    expect(Array.from(decodeGifLzw(bytes, 2, 3))).toEqual([1, 1, 1]);
  });

  it('reports truncation', () => {
    const gif = encodeGreyGif(10, 10, new Uint8Array(100));
    expect(() => decodeGif(gif.subarray(0, 700))).toThrow(/truncated/);
  });
});

describe('inspectImageFile', () => {
  it('refuses a huge image from its header before allocating pixels', () => {
    const png = pngOf(2, 2);
    const header = png.slice(0, 33);
    new DataView(header.buffer).setUint32(16, 100_000);
    new DataView(header.buffer).setUint32(20, 100_000);
    const result = inspectImageFile('big.png', header);
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('names unsupported WebP', () => {
    expect(inspectImageFile('a.webp', text('RIFF\0\0\0\0WEBPVP8 '))).toMatchObject({ ok: false, code: 'unsupported-format' });
  });
});

describe('shrinkToFit', () => {
  it('averages blocks when shrinking and leaves small images alone', () => {
    const pixels = Uint8Array.from([0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255]);
    const small = shrinkToFit({ width: 4, height: 4, channels: 1, pixels }, 2);
    expect(small).toMatchObject({ width: 2, height: 2 });
    expect(Array.from(small.pixels)).toEqual([128, 128, 128, 128]);
    expect(shrinkToFit({ width: 4, height: 4, channels: 1, pixels }, 48).pixels).toBe(pixels);
  });
});
