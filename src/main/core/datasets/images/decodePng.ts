import { inflateSync } from 'node:zlib';
import type { DecodedImage } from './decodedImage';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Colour types read here: 0 grey and 2 RGB (8 bits, no palette, no alpha); every other PNG goes to image-js. */
const CHANNELS_OF_COLOUR_TYPE: Readonly<Record<number, 1 | 3>> = { 0: 1, 2: 3 };
/** Decoded bytes above which this path steps aside (a 4096 x 4096 RGB photo is 48 MiB). */
const MAX_FAST_BYTES = 64 * 1024 ** 2;

/**
 * The common PNG of a course dataset (8-bit grey or RGB, not interlaced, no transparency) decoded with Node's zlib,
 * which is native: image-js inflates in JavaScript (fflate), and for the 5,000 small PNGs of builtin:digits that
 * was about 1 s of every `sinapsis train`, against 0.2 s here. Returns null for anything else (16-bit, palette,
 * alpha, tRNS, interlaced) and for anything malformed, so that image-js decodes it, or reports it, as before.
 * The result is the same as image-js's decode through `fromImageJs` (tested on every filter type).
 */
export function decodeSimplePng(bytes: Uint8Array): DecodedImage | null {
  if (bytes.length < 33 || SIGNATURE.some((value, i) => bytes[i] !== value)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let channels: 1 | 3 | undefined;
  const compressed: Uint8Array[] = [];
  let ended = false;
  for (let offset = 8; offset + 12 <= bytes.length;) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(bytes[offset + 4], bytes[offset + 5], bytes[offset + 6], bytes[offset + 7]);
    const data = offset + 8;
    if (data + length + 4 > bytes.length) return null;
    if (type === 'IHDR') {
      if (length !== 13) return null;
      width = view.getUint32(data);
      height = view.getUint32(data + 4);
      const [depth, colourType, compression, filter, interlace] = bytes.subarray(data + 8, data + 13);
      channels = CHANNELS_OF_COLOUR_TYPE[colourType];
      if (depth !== 8 || !channels || compression !== 0 || filter !== 0 || interlace !== 0) return null;
    } else if (type === 'IDAT') compressed.push(bytes.subarray(data, data + length));
    else if (type === 'tRNS' || type === 'PLTE') return null;
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    offset = data + length + 4;
  }
  if (!ended || !channels || width === 0 || height === 0 || compressed.length === 0) return null;
  const stride = width * channels;
  const expected = height * (stride + 1);
  // Huge declared sizes go to image-js, which reports them as before; zlib would also abort the whole process (a
  // Node assertion, "close before init") when asked for an output limit above its maximum buffer length.
  if (expected > MAX_FAST_BYTES) return null;
  let raw: Buffer;
  try {
    raw = inflateSync(compressed.length === 1 ? compressed[0] : Buffer.concat(compressed), { maxOutputLength: expected });
  } catch {
    return null;
  }
  if (raw.length !== expected) return null;
  const out = new Uint8Array(height * stride);
  if (!unfilter(raw, out, height, stride, channels)) return null;
  return { width, height, channels, data: out, sourceBitDepth: 8, sourceHadAlpha: false };
}

/** Undoes PNG's per-row filters (none, sub, up, average, Paeth) from `raw` into `out`; false on an unknown filter. */
function unfilter(raw: Uint8Array, out: Uint8Array, height: number, stride: number, bpp: number): boolean {
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[row + x - bpp] : 0;
      const up = y > 0 ? out[prev + x] : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const upLeft = x >= bpp && y > 0 ? out[prev + x - bpp] : 0;
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else return false;
      out[row + x] = (raw[src + x] + predicted) & 0xff;
    }
  }
  return true;
}
