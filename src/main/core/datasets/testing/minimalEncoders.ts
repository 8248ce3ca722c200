/**
 * Tiny encoders for test fixtures in formats image-js cannot write (GIF, TIFF, Netpbm, grey and CMYK JPEG).
 * Written for clarity, not size or speed; tests build every fixture with them at run time, so no binary
 * files are committed.
 */
import { appendAll } from '../../../../shared/arrays';

/** PGM (P5) or PPM (P6), 8-bit. */
export function encodeNetpbm(
  width: number,
  height: number,
  channels: 1 | 3,
  pixels: Uint8Array,
  comment = 'made by a Sinapsis test',
): Uint8Array {
  const header = new TextEncoder().encode(`P${channels === 1 ? 5 : 6}\n# ${comment}\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + pixels.length);
  out.set(header);
  out.set(pixels, header.length);
  return out;
}

/**
 * A GIF with a grey palette of 256 levels. The LZW stream sends a clear code before the dictionary grows, so
 * every code is 9 bits and each pixel is its own code: valid, just uncompressed.
 */
export function encodeGreyGif(width: number, height: number, pixels: Uint8Array, transparentIndex = -1): Uint8Array {
  const bytes: number[] = [];
  const push16 = (v: number) => bytes.push(v & 0xff, v >> 8);
  appendAll(
    bytes,
    Array.from('GIF89a', (c) => c.charCodeAt(0)),
  );
  push16(width);
  push16(height);
  bytes.push(0xf7, 0, 0); // global colour table of 2^(7+1) = 256 entries
  for (let i = 0; i < 256; i++) bytes.push(i, i, i);
  if (transparentIndex >= 0) bytes.push(0x21, 0xf9, 4, 0x01, 0, 0, transparentIndex, 0);
  bytes.push(0x2c);
  push16(0);
  push16(0);
  push16(width);
  push16(height);
  bytes.push(0); // no local table, not interlaced
  const minCodeSize = 8;
  bytes.push(minCodeSize);
  const clear = 256;
  const codes: number[] = [clear];
  let sinceClear = 0;
  for (const p of pixels) {
    // After 254 literal codes the decoder's next code would reach 512 and widen to 10 bits: clear first.
    if (sinceClear === 254) {
      codes.push(clear);
      sinceClear = 0;
    }
    codes.push(p);
    sinceClear++;
  }
  codes.push(clear + 1);
  const packed: number[] = [];
  let buffer = 0;
  let count = 0;
  for (const code of codes) {
    buffer |= code << count;
    count += 9;
    while (count >= 8) {
      packed.push(buffer & 0xff);
      buffer >>>= 8;
      count -= 8;
    }
  }
  if (count > 0) packed.push(buffer & 0xff);
  for (let i = 0; i < packed.length; i += 255) {
    const chunk = packed.slice(i, i + 255);
    bytes.push(chunk.length);
    appendAll(bytes, chunk);
  }
  bytes.push(0, 0x3b);
  return Uint8Array.from(bytes);
}

/** An uncompressed, little-endian, 8-bit grey TIFF with one strip. */
export function encodeGreyTiff(width: number, height: number, pixels: Uint8Array): Uint8Array {
  const entries: [number, number, number][] = [
    [256, 3, width], // ImageWidth
    [257, 3, height], // ImageLength
    [258, 3, 8], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // Photometric: black is zero
    [273, 4, 0], // StripOffsets (filled below)
    [277, 3, 1], // SamplesPerPixel
    [278, 3, height], // RowsPerStrip
    [279, 4, pixels.length], // StripByteCounts
  ];
  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataOffset = ifdOffset + ifdSize;
  entries[5][2] = dataOffset;
  const out = new Uint8Array(dataOffset + pixels.length);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, ifdOffset, true);
  view.setUint16(ifdOffset, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdOffset + 2 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, 1, true);
    if (type === 3) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  out.set(pixels, dataOffset);
  return out;
}

// JPEG: baseline, quantisation table of ones, every 8x8 block flat (DC only). Enough to make real grey
// (1 component) and Adobe CMYK (4 component) files that decoders must handle.
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

function canonicalCodes(bits: number[], values: number[]): Map<number, { code: number; length: number }> {
  const table = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < bits[length - 1]; i++) table.set(values[k++], { code: code++, length });
    code <<= 1;
  }
  return table;
}

/**
 * `blockValues[component][blockIndex]` is the flat sample value (0..255) of each 8x8 block, blocks in raster
 * order; width and height must be multiples of 8. Four components get an Adobe marker saying "CMYK, no
 * colour transform"; as in Photoshop's files, Adobe CMYK samples are stored inverted (255 = no ink).
 */
export function encodeFlatJpeg(width: number, height: number, blockValues: number[][]): Uint8Array {
  const components = blockValues.length;
  const blocks = (width / 8) * (height / 8);
  const out: number[] = [0xff, 0xd8];
  const segment = (marker: number, body: number[]) => out.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body);
  if (components === 4) segment(0xee, [...Array.from('Adobe', (c) => c.charCodeAt(0)), 0, 100, 0, 0, 0, 0, 0]);
  segment(0xdb, [0, ...new Array<number>(64).fill(1)]);
  const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, components];
  for (let c = 0; c < components; c++) frame.push(c + 1, 0x11, 0);
  segment(0xc0, frame);
  segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES]);
  // An AC table holding only end-of-block (symbol 0), as a 1-bit code.
  segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]);
  const scan = [components];
  for (let c = 0; c < components; c++) scan.push(c + 1, 0x00);
  scan.push(0, 63, 0);
  segment(0xda, scan);

  const dc = canonicalCodes(DC_BITS, DC_VALUES);
  let buffer = 0;
  let count = 0;
  const data: number[] = [];
  const write = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) {
      buffer = (buffer << 1) | ((value >> i) & 1);
      count++;
      if (count === 8) {
        data.push(buffer);
        if (buffer === 0xff) data.push(0); // byte stuffing
        buffer = 0;
        count = 0;
      }
    }
  };
  const predictors = new Array<number>(components).fill(0);
  for (let b = 0; b < blocks; b++) {
    for (let c = 0; c < components; c++) {
      const coefficient = 8 * (blockValues[c][b] - 128); // DC of a flat block after level shift
      const diff = coefficient - predictors[c];
      predictors[c] = coefficient;
      const magnitude = Math.abs(diff);
      const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
      const huffman = dc.get(category);
      if (!huffman) throw new Error(`DC difference ${diff} is out of range`);
      write(huffman.code, huffman.length);
      if (category > 0) write(diff >= 0 ? diff : diff + (1 << category) - 1, category);
      write(0, 1); // end of block
    }
  }
  if (count > 0) write((1 << (8 - count)) - 1, 8 - count); // pad with ones
  appendAll(out, data).push(0xff, 0xd9);
  return Uint8Array.from(out);
}
