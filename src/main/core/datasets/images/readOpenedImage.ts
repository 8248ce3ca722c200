import { readFile } from 'node:fs/promises';
import { SinapsisError } from '../../../../shared/contract/errors';
import type { PixelImage } from '../../features/pixelImage';
import type { OpenedPaths } from '../pathGuard';
import { inspectImageFile } from './inspectImageFile';

/**
 * Decodes one image file, only from inside a folder the student opened (a renderer must not read arbitrary files);
 * a missing, unreadable or undecodable file gets a message naming it.
 */
export async function readOpenedImage(path: string, openedPaths: OpenedPaths): Promise<PixelImage> {
  if (!openedPaths.isAllowed(path)) {
    throw new SinapsisError('path-not-allowed', `"${path}" is outside the opened folders; open its folder in Sinapsis first.`, { file: path });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SinapsisError('hog-image-unreadable', `"${path}" cannot be read (${code}). Check that the file still exists.`, { file: path, reason: code });
  }
  const inspection = inspectImageFile(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!inspection.ok) throw new SinapsisError('hog-image-unreadable', `"${path}": ${inspection.reason}.`, { file: path, reason: inspection.reason });
  return inspection.image;
}
