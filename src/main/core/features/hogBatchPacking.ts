import type { HogFailure, HogJobItem, HogJobResult } from './hogJob';

/*
 * A batch crosses the thread boundary as a few typed arrays instead of hundreds of small objects: structured
 * cloning costs per object, and for 24x12 lab images that cost was larger than the HOG itself. Pixel or file
 * bytes travel in one buffer that is transferred (moved, not copied), and so do the result vectors.
 */

export interface PackedItems {
  indices: Int32Array;
  names: string[];
  /** 0 = encoded file bytes, 1 = decoded pixels. */
  kinds: Uint8Array;
  widths: Int32Array;
  heights: Int32Array;
  channels: Uint8Array;
  /** Start of item i in `data`; item i ends where item i+1 starts (one extra entry at the end). */
  offsets: Float64Array;
  data: Uint8Array;
}

export interface PackedResults {
  indices: Int32Array;
  /** Vector length, or -1 when the item failed (its code and reason are in `failures`). */
  lengths: Int32Array;
  vectors: Float64Array;
  failures: (HogFailure | null)[];
}

export function packItems(items: HogJobItem[]): { packed: PackedItems; transfer: ArrayBuffer[] } {
  const count = items.length;
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) {
    const item = items[i];
    offsets[i + 1] = offsets[i] + ('bytes' in item ? item.bytes.byteLength : item.image.data.byteLength);
  }
  const packed: PackedItems = {
    indices: new Int32Array(count),
    names: new Array<string>(count),
    kinds: new Uint8Array(count),
    widths: new Int32Array(count),
    heights: new Int32Array(count),
    channels: new Uint8Array(count),
    offsets,
    data: new Uint8Array(offsets[count]),
  };
  items.forEach((item, i) => {
    packed.indices[i] = item.index;
    packed.names[i] = item.name;
    if ('bytes' in item) {
      packed.data.set(item.bytes, offsets[i]);
    } else {
      packed.kinds[i] = 1;
      packed.widths[i] = item.image.width;
      packed.heights[i] = item.image.height;
      packed.channels[i] = item.image.channels;
      packed.data.set(item.image.data, offsets[i]);
    }
  });
  return { packed, transfer: [packed.data.buffer as ArrayBuffer] };
}

export function unpackItems(packed: PackedItems): HogJobItem[] {
  return Array.from(packed.indices, (index, i) => {
    const data = packed.data.subarray(packed.offsets[i], packed.offsets[i + 1]);
    const name = packed.names[i];
    if (packed.kinds[i] === 0) return { index, name, bytes: data };
    return { index, name, image: { width: packed.widths[i], height: packed.heights[i], channels: packed.channels[i] === 3 ? 3 : 1, data } };
  });
}

export function packResults(results: HogJobResult[]): { packed: PackedResults; transfer: ArrayBuffer[] } {
  const lengths = Int32Array.from(results, (r) => (r.ok ? r.vector.length : -1));
  const total = lengths.reduce((sum, length) => sum + Math.max(0, length), 0);
  const vectors = new Float64Array(total);
  let offset = 0;
  for (const result of results) {
    if (!result.ok) continue;
    vectors.set(result.vector, offset);
    offset += result.vector.length;
  }
  const packed: PackedResults = {
    indices: Int32Array.from(results, (r) => r.index),
    lengths,
    vectors,
    failures: results.map((r) =>
      r.ok ? null : { code: r.code, reason: r.reason, reasonKey: r.reasonKey, ...(r.params ? { params: r.params } : {}) },
    ),
  };
  return { packed, transfer: [vectors.buffer] };
}

export function unpackResults(packed: PackedResults): HogJobResult[] {
  let offset = 0;
  return Array.from(packed.indices, (index, i): HogJobResult => {
    const length = packed.lengths[i];
    if (length < 0) {
      const failure = packed.failures[i] ?? {
        code: 'undecodable',
        reason: 'unknown failure',
        reasonKey: 'features.extract.reason.unknown',
      };
      return { index, ok: false, ...failure };
    }
    // Views into the one transferred buffer: no copy per vector.
    const vector = packed.vectors.subarray(offset, offset + length);
    offset += length;
    return { index, ok: true, vector };
  });
}
