import { zipSync } from 'fflate';

/**
 * NumPy's `.npz`: a zip of `.npy` files, which `np.load(path, allow_pickle=False)` reads with nothing but NumPy
 * (no pickle, so loading weights cannot run code). The `.npy` format is a magic string, a version, a Python
 * dict literal header padded with spaces to a multiple of 64 bytes, then the raw little-endian values.
 */

export interface NpyArray {
  shape: readonly number[];
  /** float32 values, or int64 values (e.g. BatchNorm's num_batches_tracked). */
  data: Float32Array | BigInt64Array;
}

export function encodeNpy(array: NpyArray): Uint8Array {
  const descr = array.data instanceof Float32Array ? '<f4' : '<i8';
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  const preamble = 10; // magic (6) + version (2) + header length (2)
  const padded = Math.ceil((preamble + header.length + 1) / 64) * 64;
  header = header.padEnd(padded - preamble - 1, ' ') + '\n';
  const bytes = new Uint8Array(padded + array.data.byteLength);
  bytes.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0], 0);
  new DataView(bytes.buffer).setUint16(8, header.length, true);
  bytes.set(new TextEncoder().encode(header), preamble);
  bytes.set(new Uint8Array(array.data.buffer, array.data.byteOffset, array.data.byteLength), padded);
  return bytes;
}

/** An uncompressed .npz holding `name.npy` for every entry (weights barely compress). */
export function encodeNpz(arrays: Record<string, NpyArray>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [name, array] of Object.entries(arrays)) files[`${name}.npy`] = [encodeNpy(array), { level: 0 }];
  return zipSync(files);
}
