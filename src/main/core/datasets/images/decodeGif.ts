import { DecodeError, type DecodedImage } from './decodedImage';

/** Concatenates GIF data sub-blocks starting at `position`; returns the data and the position after the terminator. */
function readSubBlocks(bytes: Uint8Array, position: number): { data: Uint8Array; end: number } {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    if (position >= bytes.length) throw new DecodeError('GIF data ends inside a block (truncated file)');
    const size = bytes[position++];
    if (size === 0) break;
    if (position + size > bytes.length) throw new DecodeError('GIF data ends inside a block (truncated file)');
    parts.push(bytes.subarray(position, position + size));
    total += size;
    position += size;
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.length;
  }
  return { data, end: position };
}

/** Variable-width LZW as GIF uses it (codes packed least-significant bit first). */
export function decodeGifLzw(data: Uint8Array, minCodeSize: number, pixelCount: number): Uint8Array {
  if (minCodeSize < 2 || minCodeSize > 11) throw new DecodeError(`GIF LZW code size ${minCodeSize} is invalid`);
  const output = new Uint8Array(pixelCount);
  const clearCode = 1 << minCodeSize;
  const endCode = clearCode + 1;
  // Each dictionary entry is (prefix code, last byte); strings are rebuilt backwards into `stack`.
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const firstByte = new Uint8Array(4096);
  const stack = new Uint8Array(4097);
  for (let i = 0; i < clearCode; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    firstByte[i] = i;
  }
  let codeSize = minCodeSize + 1;
  let nextCode = endCode + 1;
  let previous = -1;
  let bitBuffer = 0;
  let bitCount = 0;
  let written = 0;
  let position = 0;
  while (written < pixelCount) {
    while (bitCount < codeSize) {
      if (position >= data.length) return output; // Short streams are common; missing pixels stay index 0.
      bitBuffer |= data[position++] << bitCount;
      bitCount += 8;
    }
    const code = bitBuffer & ((1 << codeSize) - 1);
    bitBuffer >>>= codeSize;
    bitCount -= codeSize;
    if (code === clearCode) {
      codeSize = minCodeSize + 1;
      nextCode = endCode + 1;
      previous = -1;
      continue;
    }
    if (code === endCode) break;
    let current = code;
    let top = 0;
    if (previous === -1) {
      if (code >= clearCode) throw new DecodeError('GIF LZW stream starts with an undefined code');
    } else if (code >= nextCode) {
      if (code > nextCode) throw new DecodeError('GIF LZW stream has an undefined code (corrupt file)');
      // The KwKwK case: the new string is the previous one plus its own first byte.
      stack[top++] = firstByte[previous];
      current = previous;
    }
    while (current >= 0) {
      stack[top++] = suffix[current];
      current = prefix[current];
    }
    const first = stack[top - 1];
    while (top > 0 && written < pixelCount) output[written++] = stack[--top];
    if (previous !== -1 && nextCode < 4096) {
      prefix[nextCode] = previous;
      suffix[nextCode] = first;
      firstByte[nextCode] = firstByte[previous];
      nextCode++;
      if (nextCode === 1 << codeSize && codeSize < 12) codeSize++;
    }
    previous = code;
  }
  return output;
}

function readPalette(bytes: Uint8Array, position: number, size: number): Uint8Array {
  if (position + size * 3 > bytes.length) throw new DecodeError('GIF colour table is cut short (truncated file)');
  return bytes.subarray(position, position + size * 3);
}

/** Rows of an interlaced GIF arrive in four passes; this maps stored row order to image rows. */
function interlacedRows(height: number): number[] {
  const rows: number[] = [];
  for (const [start, step] of [
    [0, 8],
    [4, 8],
    [2, 4],
    [1, 2],
  ])
    for (let y = start; y < height; y += step) rows.push(y);
  return rows;
}

/** Decodes the first frame of a GIF (image-js has no GIF decoder). Transparent pixels become white. */
export function decodeGif(bytes: Uint8Array): DecodedImage {
  if (bytes.length < 13) throw new DecodeError('GIF header is cut short (truncated file)');
  const width = bytes[6] | (bytes[7] << 8);
  const height = bytes[8] | (bytes[9] << 8);
  if (width < 1 || height < 1) throw new DecodeError(`GIF size ${width}x${height} is empty`);
  const packed = bytes[10];
  let position = 13;
  let globalPalette: Uint8Array | null = null;
  if (packed & 0x80) {
    const size = 1 << ((packed & 0x07) + 1);
    globalPalette = readPalette(bytes, position, size);
    position += size * 3;
  }
  let transparentIndex = -1;
  while (position < bytes.length) {
    const introducer = bytes[position++];
    if (introducer === 0x21) {
      const label = bytes[position++];
      const block = readSubBlocks(bytes, position);
      if (label === 0xf9 && block.data.length >= 4 && block.data[0] & 0x01) transparentIndex = block.data[3];
      position = block.end;
    } else if (introducer === 0x2c) {
      if (position + 9 > bytes.length) throw new DecodeError('GIF image descriptor is cut short (truncated file)');
      const left = bytes[position] | (bytes[position + 1] << 8);
      const top = bytes[position + 2] | (bytes[position + 3] << 8);
      const frameWidth = bytes[position + 4] | (bytes[position + 5] << 8);
      const frameHeight = bytes[position + 6] | (bytes[position + 7] << 8);
      const framePacked = bytes[position + 8];
      position += 9;
      let palette = globalPalette;
      if (framePacked & 0x80) {
        const size = 1 << ((framePacked & 0x07) + 1);
        palette = readPalette(bytes, position, size);
        position += size * 3;
      }
      if (!palette) throw new DecodeError('GIF has no colour table');
      const minCodeSize = bytes[position++];
      const { data } = readSubBlocks(bytes, position);
      const indices = decodeGifLzw(data, minCodeSize, frameWidth * frameHeight);
      const rows = framePacked & 0x40 ? interlacedRows(frameHeight) : null;
      const rgb = new Uint8Array(width * height * 3).fill(255);
      for (let row = 0; row < frameHeight; row++) {
        const y = top + (rows ? rows[row] : row);
        if (y >= height) continue;
        for (let x = 0; x < frameWidth; x++) {
          const index = indices[row * frameWidth + x];
          if (left + x >= width || index === transparentIndex || index * 3 + 2 >= palette.length) continue;
          const target = (y * width + left + x) * 3;
          rgb[target] = palette[index * 3];
          rgb[target + 1] = palette[index * 3 + 1];
          rgb[target + 2] = palette[index * 3 + 2];
        }
      }
      return { width, height, channels: 3, data: rgb, sourceBitDepth: 8, sourceHadAlpha: transparentIndex >= 0 };
    } else if (introducer === 0x3b) {
      break;
    } else {
      throw new DecodeError(`GIF has an unknown block type 0x${introducer.toString(16)} (corrupt file)`);
    }
  }
  throw new DecodeError('GIF contains no image frame');
}
