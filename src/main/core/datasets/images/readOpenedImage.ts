import { SinapsisError } from '../../../../shared/contract/errors';
import type { PixelImage } from '../../features/pixelImage';
import type { OpenedPaths } from '../pathGuard';
import { inspectImageFile } from './inspectImageFile';
import { MAX_IMAGE_FILE_BYTES } from './loadImageFolder';

/**
 * Decodes one image file, only from inside a folder the student opened (a renderer must not read arbitrary files);
 * a missing, unreadable or undecodable file gets a message naming it.
 */
export async function readOpenedImage(path: string, openedPaths: OpenedPaths): Promise<PixelImage> {
  let bytes: Buffer;
  try {
    bytes = await openedPaths.read(path, { maxBytes: MAX_IMAGE_FILE_BYTES, what: 'an image' });
  } catch (error) {
    if (error instanceof SinapsisError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SinapsisError('hog-image-unreadable', `"${path}" cannot be read (${code}). Check that the file still exists.`, {
      file: path,
      reason: code,
    });
  }
  const inspection = inspectImageFile(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!inspection.ok)
    throw new SinapsisError('hog-image-unreadable', `"${path}": ${inspection.reason}.`, { file: path, reason: inspection.reason });
  return inspection.image;
}
