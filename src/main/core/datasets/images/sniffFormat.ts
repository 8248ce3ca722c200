/** Image formats recognised by their first bytes. `webp` is recognised only to say clearly that it is not supported. */
export type ImageFormat = 'png' | 'jpeg' | 'bmp' | 'tiff' | 'gif' | 'netpbm' | 'webp';

/** How many leading bytes `sniffFormat` needs. */
export const SNIFF_BYTES = 12;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, i) => bytes[offset + i] === value);
}

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

/**
 * The format from the file's content (magic bytes), never from its extension: students rename files,
 * and a JPEG saved as `.bmp` must still load while a text file named `.png` must not.
 */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  // BMP: "BM" plus a plausible header size at offset 14 (12, 40, 52, 56, 64, 108 or 124), so text starting with "BM" is not taken for one.
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 18) {
    const headerSize = bytes[14] | (bytes[15] << 8) | (bytes[16] << 16) | (bytes[17] << 24);
    if ([12, 40, 52, 56, 64, 108, 124].includes(headerSize)) return 'bmp';
  }
  // Netpbm: "P1".."P6" followed by whitespace (PBM/PGM/PPM, ASCII or binary).
  if (bytes.length >= 3 && bytes[0] === 0x50 && bytes[1] >= 0x31 && bytes[1] <= 0x36 && isWhitespace(bytes[2])) return 'netpbm';
  return null;
}

export function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

/** File extensions that announce an image; used only to word the problem report, never to pick a decoder. */
export const IMAGE_EXTENSIONS: ReadonlyMap<string, ImageFormat> = new Map([
  ['.png', 'png'],
  ['.jpg', 'jpeg'],
  ['.jpeg', 'jpeg'],
  ['.jpe', 'jpeg'],
  ['.jfif', 'jpeg'],
  ['.bmp', 'bmp'],
  ['.dib', 'bmp'],
  ['.tif', 'tiff'],
  ['.tiff', 'tiff'],
  ['.gif', 'gif'],
  ['.pgm', 'netpbm'],
  ['.ppm', 'netpbm'],
  ['.pbm', 'netpbm'],
  ['.pnm', 'netpbm'],
  ['.webp', 'webp'],
]);
