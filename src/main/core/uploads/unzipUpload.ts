import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { SinapsisError } from '../../../shared/contract/errors';
import { safeRelativeParts } from './uploadPaths';

/** One entry of a zip's central directory: its name and, from its Unix mode, whether it is a symbolic link. */
interface CentralEntry {
  name: string;
  isLink: boolean;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * The central directory (the zip's table of contents), read directly: fflate does not report an entry's Unix mode,
 * and a link in a zip could point anywhere on the server once unpacked.
 */
export function readCentralDirectory(bytes: Uint8Array): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt('it has no table of contents (not a zip, or cut short)');
  const count = view.getUint16(end + 10, true);
  let position = view.getUint32(end + 16, true);
  const entries: CentralEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (position + 46 > bytes.length || view.getUint32(position, true) !== 0x02014b50) throw corrupt('its table of contents is damaged');
    const madeBy = view.getUint16(position + 4, true) >> 8;
    const nameLength = view.getUint16(position + 28, true);
    const extraLength = view.getUint16(position + 30, true);
    const commentLength = view.getUint16(position + 32, true);
    const external = view.getUint32(position + 38, true);
    const name = decoder.decode(bytes.subarray(position + 46, position + 46 + nameLength));
    // Made by Unix (3) or macOS (19): the high 16 bits of the external attributes are the file's mode.
    const mode = madeBy === 3 || madeBy === 19 ? external >>> 16 : 0;
    entries.push({ name, isLink: (mode & S_IFMT) === S_IFLNK });
    position += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function corrupt(why: string): SinapsisError {
  return new SinapsisError('upload-zip-corrupt', `The zip cannot be unpacked: ${why}. Make the zip again, or upload the folder itself.`, {
    reason: why,
  });
}

/**
 * Unpacks `zipPath` into `destination`, refusing (before writing anything) absolute paths, `..` and links, and
 * stopping as soon as the unpacked bytes pass `limitBytes` (a zip bomb: a few kilobytes that expand to gigabytes):
 * the sizes are counted while inflating, not taken from the headers, which can lie. On any refusal nothing stays.
 */
export function unzipUpload(zipPath: string, destination: string, limitBytes: number): void {
  const bytes = new Uint8Array(readFileSync(zipPath));
  const entries = readCentralDirectory(bytes);
  for (const entry of entries) {
    const name = entry.name.endsWith('/') ? entry.name.slice(0, -1) : entry.name;
    if (name === '') continue;
    safeRelativeParts(name, 'zip');
    if (entry.isLink) {
      throw new SinapsisError(
        'upload-zip-unsafe',
        `The zip holds "${entry.name}", a symbolic link; links are not unpacked because they could lead outside the folder. Nothing was unpacked.`,
        {
          file: entry.name,
        },
      );
    }
  }
  mkdirSync(destination, { recursive: true });
  let total = 0;
  let failure: Error | null = null;
  const open = new Set<number>();
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    if (file.name.endsWith('/')) {
      mkdirSync(join(destination, ...safeRelativeParts(file.name.slice(0, -1), 'zip')), { recursive: true });
      return;
    }
    const target = join(destination, ...safeRelativeParts(file.name, 'zip'));
    mkdirSync(dirname(target), { recursive: true });
    // Written in place: on any refusal the whole destination is removed, so no half-unpacked file is ever opened.
    const fd = openSync(target, 'wx');
    open.add(fd);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = corrupt(`"${file.name}": ${error.message}`);
        return;
      }
      total += chunk.length;
      if (total > limitBytes) {
        failure = new SinapsisError(
          'upload-zip-too-large',
          `The zip expands to more than ${Math.round(limitBytes / 1024 ** 2)} MB (it stopped at "${file.name}"), the limit of one upload. Nothing was kept; upload fewer or smaller images.`,
          { limitMb: Math.round(limitBytes / 1024 ** 2), file: file.name },
        );
        file.terminate();
        return;
      }
      writeSync(fd, chunk);
      if (final) {
        closeSync(fd);
        open.delete(fd);
      }
    };
    if (file.compression !== 0 && file.compression !== 8) {
      failure = corrupt(`"${file.name}" uses a compression method other than deflate`);
      return;
    }
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    const step = 1024 * 1024;
    for (let start = 0; start < bytes.length && !failure; start += step)
      unzip.push(bytes.subarray(start, start + step), start + step >= bytes.length);
  } catch (error) {
    failure ??= corrupt(error instanceof Error ? error.message : String(error));
  } finally {
    for (const fd of open) closeSync(fd);
  }
  if (failure) {
    rmSync(destination, { recursive: true, force: true });
    throw failure;
  }
}
