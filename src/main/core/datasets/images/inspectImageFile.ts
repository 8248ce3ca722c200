import { extname } from 'node:path';
import type { DatasetProblemCode } from '../../../../shared/contract/datasets';
import type { ReasonText } from '../problems';
import type { DecodedImage } from './decodedImage';
import { decodeImage } from './decodeImage';
import { peekDimensions } from './peekDimensions';
import { resizeImage } from '../../features/resize';
import { IMAGE_EXTENSIONS, sniffFormat, type ImageFormat } from './sniffFormat';

/**
 * The longest side an image is kept at. A 12-megapixel phone photo is 36 MB of RGB; shrunk (INTER_AREA) to 800 pixels
 * right after decoding it is 1.4 MB, so 500 of them fit the dataset memory budget (720 MB), while features never
 * read more than 512 pixels a side. Images up to this size are kept exactly as decoded.
 */
export const MAX_STORED_SIDE = 800;

/** An image brought under `MAX_STORED_SIDE`, aspect kept, with the size it had in the file. */
export function shrinkLarge(image: DecodedImage): DecodedImage {
  const longest = Math.max(image.width, image.height);
  if (longest <= MAX_STORED_SIDE) return image;
  const scale = MAX_STORED_SIDE / longest;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const small = resizeImage(image, width, height, 'area');
  return { ...image, width, height, data: small.data, downscaledFrom: { width: image.width, height: image.height } };
}

/** Smaller images (a 1-pixel file, a 1-pixel-high strip) hold almost no picture: they load with a note saying so. */
export const MIN_IMAGE_SIDE = 2;

/** The note of an image under `MIN_IMAGE_SIDE`: it loads (it is valid), but the student should look at it. */
function tinyNote(image: DecodedImage): { code: DatasetProblemCode; reason: string; text: ReasonText } | null {
  if (image.width >= MIN_IMAGE_SIDE && image.height >= MIN_IMAGE_SIDE) return null;
  return {
    code: 'too-small',
    reason: `only ${image.width}x${image.height} pixels: loaded, but it shows almost nothing; check it is the picture you meant (at least ${MIN_IMAGE_SIDE}x${MIN_IMAGE_SIDE} is needed to show a shape)`,
    text: { key: 'too-small', params: { width: image.width, height: image.height, minimum: MIN_IMAGE_SIDE } },
  };
}

/** Larger images are refused before decoding: 50 megapixels is already ~150 MB of RGB and far beyond what the course needs. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export type Inspection =
  | { ok: true; image: DecodedImage; format: ImageFormat; note: { code: DatasetProblemCode; reason: string; text: ReasonText } | null }
  | { ok: false; code: DatasetProblemCode; reason: string; text: ReasonText };

/** The first bytes of a non-image, as text when they look like text (helps recognise "a CSV named .png"). */
function startOf(bytes: Uint8Array): { text: boolean; sample: string } {
  const head = bytes.subarray(0, 16);
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  if (printable) return { text: true, sample: new TextDecoder().decode(head).replace(/\s+/g, ' ').trim() };
  return { text: false, sample: Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ') };
}

function tooLarge(width: number, height: number): Inspection {
  const limit = MAX_IMAGE_PIXELS / 1e6;
  return {
    ok: false,
    code: 'too-large',
    reason: `${width}x${height} pixels is larger than the ${limit} megapixel limit; resize it`,
    text: { key: 'too-large', params: { width, height, limit } },
  };
}

/**
 * Decides what one file is from its content and decodes it, or says why not. Never throws for bad data:
 * every failure becomes a problem-report reason.
 */
export function inspectImageFile(relativePath: string, bytes: Uint8Array): Inspection {
  const extension = extname(relativePath).toLowerCase();
  const announced = IMAGE_EXTENSIONS.get(extension) ?? null;
  if (bytes.length === 0) return { ok: false, code: 'empty-file', reason: 'the file is empty (0 bytes)', text: { key: 'empty-file' } };
  const format = sniffFormat(bytes);
  if (format === null) {
    if (announced) {
      const start = startOf(bytes);
      return {
        ok: false,
        code: 'not-an-image',
        reason: `named ${extension} but its content is not an image (starts with ${start.text ? `text "${start.sample}"` : `bytes ${start.sample}`})`,
        text: { key: start.text ? 'not-an-image-text' : 'not-an-image-bytes', params: { extension, sample: start.sample } },
      };
    }
    return extension
      ? {
          ok: false,
          code: 'not-an-image',
          reason: `not an image file (${extension})`,
          text: { key: 'not-an-image', params: { extension } },
        }
      : { ok: false, code: 'not-an-image', reason: 'not an image file (no extension)', text: { key: 'not-an-image-no-extension' } };
  }
  if (format === 'webp')
    return { ok: false, code: 'unsupported-format', reason: 'WebP images are not supported; convert them to PNG', text: { key: 'webp' } };
  const size = peekDimensions(bytes, format);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) return tooLarge(size.width, size.height);
  let image: DecodedImage;
  try {
    image = decodeImage(bytes, format);
  } catch (error) {
    // Decoder messages can be terse or end mid-sentence ("Error while decompressing the data:"), so the reason
    // always says what it most likely means before quoting them.
    const detail = (error instanceof Error ? error.message : String(error)).trim().replace(/[:\s]+$/, '');
    return {
      ok: false,
      code: 'undecodable',
      reason: `${format.toUpperCase()} data could not be decoded (corrupt or truncated file)${detail ? `: ${detail}` : ''}`,
      // The decoder's own words stay in English: they name the library's finding, not something to act on.
      text: { key: detail ? 'undecodable-detail' : 'undecodable', params: { format: format.toUpperCase(), detail } },
    };
  }
  if (image.width * image.height > MAX_IMAGE_PIXELS) return tooLarge(image.width, image.height);
  image = shrinkLarge(image);
  const note =
    announced !== null && announced !== format
      ? {
          code: 'extension-mismatch' as const,
          reason: `named ${extension} but the content is ${format.toUpperCase()}; loaded by content`,
          text: { key: 'extension-mismatch' as const, params: { extension, format: format.toUpperCase() } },
        }
      : tinyNote(image);
  return { ok: true, image, format, note };
}
