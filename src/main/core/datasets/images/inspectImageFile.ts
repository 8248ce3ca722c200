import { extname } from 'node:path';
import type { DatasetProblemCode } from '../../../../shared/contract/datasets';
import type { DecodedImage } from './decodedImage';
import { decodeImage } from './decodeImage';
import { peekDimensions } from './peekDimensions';
import { IMAGE_EXTENSIONS, sniffFormat, type ImageFormat } from './sniffFormat';

/** Larger images are refused before decoding: 50 megapixels is already ~150 MB of RGB and far beyond what the course needs. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export type Inspection =
  | { ok: true; image: DecodedImage; format: ImageFormat; note: { code: DatasetProblemCode; reason: string } | null }
  | { ok: false; code: DatasetProblemCode; reason: string };

/** Shows the first bytes of a non-image as text when they look like text (helps recognise "a CSV named .png"). */
function describeStart(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 16);
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  if (printable) return `starts with text "${new TextDecoder().decode(head).replace(/\s+/g, ' ').trim()}"`;
  return `starts with bytes ${Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}

/**
 * Decides what one file is from its content and decodes it, or says why not. Never throws for bad data:
 * every failure becomes a problem-report reason.
 */
export function inspectImageFile(relativePath: string, bytes: Uint8Array): Inspection {
  const extension = extname(relativePath).toLowerCase();
  const announced = IMAGE_EXTENSIONS.get(extension) ?? null;
  if (bytes.length === 0) return { ok: false, code: 'empty-file', reason: 'the file is empty (0 bytes)' };
  const format = sniffFormat(bytes);
  if (format === null) {
    return announced
      ? { ok: false, code: 'not-an-image', reason: `named ${extension} but its content is not an image (${describeStart(bytes)})` }
      : { ok: false, code: 'not-an-image', reason: `not an image file (${extension || 'no extension'})` };
  }
  if (format === 'webp') return { ok: false, code: 'unsupported-format', reason: 'WebP images are not supported; convert them to PNG' };
  const size = peekDimensions(bytes, format);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
    return { ok: false, code: 'too-large', reason: `${size.width}x${size.height} pixels is larger than the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit; resize it` };
  }
  let image: DecodedImage;
  try {
    image = decodeImage(bytes, format);
  } catch (error) {
    // Decoder messages can be terse or end mid-sentence ("Error while decompressing the data:"), so the reason
    // always says what it most likely means before quoting them.
    const detail = (error instanceof Error ? error.message : String(error)).trim().replace(/[:\s]+$/, '');
    return { ok: false, code: 'undecodable', reason: `${format.toUpperCase()} data could not be decoded (corrupt or truncated file)${detail ? `: ${detail}` : ''}` };
  }
  if (image.width * image.height > MAX_IMAGE_PIXELS) {
    return { ok: false, code: 'too-large', reason: `${image.width}x${image.height} pixels is larger than the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit; resize it` };
  }
  const note =
    announced !== null && announced !== format
      ? { code: 'extension-mismatch' as const, reason: `named ${extension} but the content is ${format.toUpperCase()}; loaded by content` }
      : null;
  return { ok: true, image, format, note };
}
