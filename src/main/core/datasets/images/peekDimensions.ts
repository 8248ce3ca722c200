import { readJpegInfo } from './jpegInfo';
import type { ImageFormat } from './sniffFormat';

const u16le = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32be = (b: Uint8Array, i: number): number => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const i32le = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/**
 * Width and height from the header alone, so that a huge image can be refused before its pixels are
 * allocated. Null when the header does not say (TIFF, Netpbm): those are decoded and checked afterwards.
 */
export function peekDimensions(bytes: Uint8Array, format: ImageFormat): { width: number; height: number } | null {
  switch (format) {
    case 'png':
      return bytes.length >= 24 ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : null;
    case 'gif':
      return bytes.length >= 10 ? { width: u16le(bytes, 6), height: u16le(bytes, 8) } : null;
    case 'bmp':
      return bytes.length >= 26 ? { width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) } : null;
    case 'jpeg': {
      const info = readJpegInfo(bytes);
      return info ? { width: info.width, height: info.height } : null;
    }
    default:
      return null;
  }
}
