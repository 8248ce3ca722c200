import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { SinapsisError } from '../../../shared/contract/errors';
import { pathNotAllowed, type FileAccessPolicy } from './fileAccessPolicy';

/**
 * Reading a file a request names, safely: the path must be allowed by the policy and be a regular file, which is
 * checked with `stat` BEFORE opening (opening a FIFO blocks, opening some devices has effects), then again on the
 * open descriptor (the path could have been swapped in between). The size limit is enforced while reading, never
 * trusted from `stat`: `/dev/zero` and `/proc` files report size 0.
 *
 * O_NONBLOCK makes even a FIFO swapped in after the check open without waiting for a writer (and then fail the
 * descriptor check); O_NOCTTY keeps a terminal from becoming the server's.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK_BYTES = 1024 * 1024;

export interface ReadLimit {
  /** Refuse the file once more than this many bytes have been read. */
  maxBytes: number;
  /** Makes the too-large message say what the file was meant to be ("CSV file", "image"). */
  what?: string;
}

function tooLarge(path: string, limit: ReadLimit): SinapsisError {
  const mb = Math.max(1, Math.round(limit.maxBytes / 1024 ** 2));
  return new SinapsisError(
    'file-too-large',
    `"${path}" is larger than ${mb} MB, the limit for ${limit.what ?? 'this kind of file'}. Use a smaller file or a sample of it.`,
    {
      file: path,
      limitMb: mb,
    },
  );
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * The file's `stat` when it is regular; a folder is EISDIR (inside an allowed root that is no secret), anything
 * else (FIFO, device, socket) the policy's one message. A missing file throws ENOENT from `stat` as is.
 */
function regularOrRefuse(path: string, info: Stats): Stats {
  if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: "${path}" is a folder`), { code: 'EISDIR' });
  if (!info.isFile()) throw pathNotAllowed(path);
  return info;
}

/** Reads an allowed regular file whole, at most `limit.maxBytes`. Errors other than the policy's keep their `code` (ENOENT, EACCES). */
export async function readRegularFile(path: string, policy: FileAccessPolicy, limit: ReadLimit): Promise<Buffer> {
  const real = policy.check(path);
  const before = regularOrRefuse(path, await stat(real));
  const handle = await open(real, OPEN_FLAGS);
  try {
    if (!sameFile(before, regularOrRefuse(path, await handle.stat()))) throw pathNotAllowed(path);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit.maxBytes - total + 1));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit.maxBytes) throw tooLarge(path, limit);
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * The synchronous twin, for loops over thousands of small images where the promise API's thread-pool round trips
 * dominate (see loadImageFolder.ts). Same checks, same limit.
 */
export function readRegularFileSync(path: string, policy: FileAccessPolicy, limit: ReadLimit): Buffer {
  const real = policy.check(path);
  const before = regularOrRefuse(path, statSync(real));
  const fd = openSync(real, OPEN_FLAGS);
  try {
    if (!sameFile(before, regularOrRefuse(path, fstatSync(fd)))) throw pathNotAllowed(path);
    // The stat size is only a hint for the first buffer; the loop reads until end of file or the limit.
    let buffer = Buffer.allocUnsafe(Math.min(limit.maxBytes + 1, Math.max(before.size + 1, 4096)));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(limit.maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit.maxBytes) throw tooLarge(path, limit);
    }
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}
