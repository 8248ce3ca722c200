import { createHash } from 'node:crypto';

/**
 * A dataset's identity for reproducibility: SHA-256 over each file's relative path and content hash, in
 * sorted path order. Renaming, moving between classes, adding, removing or editing any file changes it;
 * copying the folder elsewhere does not.
 */
export function datasetFingerprint(entries: readonly { file: string; hash: string }[]): string {
  const sorted = entries.map((e) => [e.file, e.hash] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const hash = createHash('sha256');
  for (const [file, contentHash] of sorted) hash.update(`${file}\0${contentHash}\n`);
  return hash.digest('hex');
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
