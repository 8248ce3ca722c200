import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { readOwnFile } from '../files/readOwnFile';
import { defaultCacheRoot } from '../app/cacheRoot';
import { join } from 'node:path';
import type { HogPipeline } from '../../../shared/contract/features';

/*
 * On-disk cache of HOG vectors, so that extracting the same dataset with the same settings a second time is
 * instant. One file per pipeline (grayscale, resize, interpolation and every HOG parameter, hashed), holding
 * records keyed by the SHA-256 of an image file's bytes: renaming or moving files keeps their entries, editing a
 * file or changing any parameter misses.
 *
 * Record layout: 32 bytes of SHA-256, a little-endian uint32 count, then `count` float64 values (full precision,
 * so cached vectors still equal skimage's). Records are only ever appended in whole writes; a crash can leave at
 * most a cut-off last record, which loading ignores.
 */

/**
 * Bump when the decoding, grey, resize or HOG maths change, so old cached vectors are not reused.
 * v2: OpenCV 4's 15-bit grey weights and 16-bit samples kept by their high byte.
 */
const CACHE_FORMAT = 'sinapsis-hog-cache-v2';
const HASH_BYTES = 32;
const HEADER_BYTES = HASH_BYTES + 4;

/** Cache folder: SINAPSIS_CACHE_DIR when set (tests, lab servers), else ~/Sinapsis/cache. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultCacheRoot(env), 'hog');
}

/** A stable name for a pipeline: key order in the request must not matter. */
export function pipelineKey(pipeline: HogPipeline): string {
  const { grayscale, resize, interpolation, params } = pipeline;
  const canonical = JSON.stringify([
    CACHE_FORMAT,
    grayscale,
    resize ? [resize.width, resize.height] : null,
    resize ? interpolation : null,
    params.orientations,
    params.pixelsPerCell,
    params.cellsPerBlock,
    params.blockNorm,
    params.transformSqrt,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 40);
}

export class HogCache {
  private readonly pending: Buffer[] = [];

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, Float64Array>,
  ) {}

  /** Opens (or starts) the cache file for a pipeline. A missing or unreadable file just means an empty cache. */
  static async open(dir: string, pipeline: HogPipeline): Promise<HogCache> {
    const file = join(dir, `${pipelineKey(pipeline)}.bin`);
    const entries = new Map<string, Float64Array>();
    let bytes: Buffer | null = null;
    try {
      bytes = await readOwnFile(file);
    } catch {
      bytes = null;
    }
    if (bytes) {
      let offset = 0;
      while (offset + HEADER_BYTES <= bytes.length) {
        const count = bytes.readUInt32LE(offset + HASH_BYTES);
        const end = offset + HEADER_BYTES + count * 8;
        if (end > bytes.length) break;
        const hash = bytes.toString('hex', offset, offset + HASH_BYTES);
        // A copy into its own buffer: the record's offset need not be 8-byte aligned for a Float64Array view.
        // (Little-endian on disk and on every platform Sinapsis runs on: x86-64 and ARM64.)
        const start = bytes.byteOffset + offset + HEADER_BYTES;
        entries.set(hash, new Float64Array(bytes.buffer.slice(start, start + count * 8)));
        offset = end;
      }
    }
    return new HogCache(file, entries);
  }

  get size(): number {
    return this.entries.size;
  }

  get(contentHash: string): Float64Array | undefined {
    return this.entries.get(contentHash);
  }

  /** Remembers a new vector; it reaches the disk on `flush`. */
  add(contentHash: string, vector: Float64Array): void {
    if (this.entries.has(contentHash)) return;
    this.entries.set(contentHash, vector);
    const record = Buffer.alloc(HEADER_BYTES + vector.length * 8);
    record.write(contentHash, 0, HASH_BYTES, 'hex');
    record.writeUInt32LE(vector.length, HASH_BYTES);
    record.set(new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength), HEADER_BYTES);
    this.pending.push(record);
  }

  /** Appends everything added since the last flush in one write. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = Buffer.concat(this.pending.splice(0));
    await mkdir(join(this.file, '..'), { recursive: true });
    const handle = await open(this.file, 'a');
    try {
      await handle.write(data);
    } finally {
      await handle.close();
    }
  }
}
