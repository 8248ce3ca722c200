import { DecodeError, sixteenTo8, type DecodedImage } from './decodedImage';
import { isWhitespace } from './sniffFormat';

/** Reads the whitespace-separated header tokens of a Netpbm file, skipping `#` comments. */
class HeaderReader {
  position = 2;
  constructor(private readonly bytes: Uint8Array) {}

  nextInteger(what: string): number {
    const { bytes } = this;
    while (this.position < bytes.length) {
      const byte = bytes[this.position];
      if (byte === 0x23) {
        while (this.position < bytes.length && bytes[this.position] !== 0x0a && bytes[this.position] !== 0x0d) this.position++;
      } else if (isWhitespace(byte)) {
        this.position++;
      } else break;
    }
    const start = this.position;
    while (this.position < bytes.length && bytes[this.position] >= 0x30 && bytes[this.position] <= 0x39) this.position++;
    if (start === this.position) throw new DecodeError(`Netpbm header: expected the ${what} as a number`);
    return Number(new TextDecoder().decode(bytes.subarray(start, this.position)));
  }
}

/**
 * Decodes PBM/PGM/PPM (P1-P6), which image-js does not read. Samples are rescaled to 0-255; 1-bit PBM uses
 * 1 = black as the format defines.
 */
export function decodeNetpbm(bytes: Uint8Array): DecodedImage {
  const kind = bytes[1] - 0x30;
  const header = new HeaderReader(bytes);
  const width = header.nextInteger('width');
  const height = header.nextInteger('height');
  const isBitmap = kind === 1 || kind === 4;
  const maxValue = isBitmap ? 1 : header.nextInteger('maximum value');
  if (width < 1 || height < 1) throw new DecodeError(`Netpbm size ${width}x${height} is empty`);
  if (maxValue < 1 || maxValue > 65535) throw new DecodeError(`Netpbm maximum value ${maxValue} is outside 1..65535`);
  const channels: 1 | 3 = kind === 3 || kind === 6 ? 3 : 1;
  const count = width * height * channels;
  const data = new Uint8Array(count);
  const scale = maxValue === 65535 ? sixteenTo8 : (value: number): number => Math.round((Math.min(value, maxValue) * 255) / maxValue);

  if (kind <= 3) {
    // ASCII variants; P1 may pack digits without separators.
    let position = header.position;
    for (let i = 0; i < count; i++) {
      while (position < bytes.length && (isWhitespace(bytes[position]) || bytes[position] === 0x23)) {
        if (bytes[position] === 0x23) while (position < bytes.length && bytes[position] !== 0x0a) position++;
        else position++;
      }
      if (position >= bytes.length) throw new DecodeError(`Netpbm data ends after ${i} of ${count} samples (truncated file)`);
      if (kind === 1) {
        data[i] = bytes[position++] === 0x31 ? 0 : 255;
        continue;
      }
      let value = 0;
      const start = position;
      while (position < bytes.length && bytes[position] >= 0x30 && bytes[position] <= 0x39) value = value * 10 + bytes[position++] - 0x30;
      if (start === position) throw new DecodeError(`Netpbm sample ${i + 1} is not a number`);
      data[i] = scale(value);
    }
  } else {
    // Binary variants: exactly one whitespace byte separates the header from the samples.
    const start = header.position + 1;
    if (kind === 4) {
      const rowBytes = Math.ceil(width / 8);
      if (bytes.length < start + rowBytes * height)
        throw new DecodeError('Netpbm bitmap data is shorter than its size says (truncated file)');
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const bit = (bytes[start + y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
          data[y * width + x] = bit ? 0 : 255;
        }
      }
    } else {
      const bytesPerSample = maxValue > 255 ? 2 : 1;
      if (bytes.length < start + count * bytesPerSample)
        throw new DecodeError('Netpbm pixel data is shorter than its size says (truncated file)');
      for (let i = 0; i < count; i++) {
        const offset = start + i * bytesPerSample;
        data[i] = scale(bytesPerSample === 2 ? (bytes[offset] << 8) | bytes[offset + 1] : bytes[offset]);
      }
    }
  }
  return { width, height, channels, data, sourceBitDepth: maxValue > 255 ? 16 : 8, sourceHadAlpha: false };
}
