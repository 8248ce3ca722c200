import { sha256Hex } from '../fingerprint';
import { inspectImageFile, type Inspection } from './inspectImageFile';

/**
 * A batch of files for a decode worker. The files' bytes travel in one buffer (`data`, with `offsets`) so the
 * batch is transferred rather than copied, and no small pooled Node buffer is ever detached by a transfer.
 */
export interface DecodeJob {
  jobId: number;
  files: string[];
  offsets: number[];
  data: Uint8Array;
}

export interface DecodedFile {
  inspection: Inspection;
  hash: string;
}

export interface DecodeReply {
  jobId: number;
  results: DecodedFile[];
}

/** Packs files' bytes into one job buffer. */
export function packJob(jobId: number, files: { relativePath: string; bytes: Uint8Array }[]): DecodeJob {
  const offsets: number[] = [];
  let total = 0;
  for (const file of files) {
    offsets.push(total);
    total += file.bytes.length;
  }
  offsets.push(total);
  const data = new Uint8Array(total);
  files.forEach((file, i) => data.set(file.bytes, offsets[i]));
  return { jobId, files: files.map((f) => f.relativePath), offsets, data };
}

/** Decodes every file of a job; used by the worker and, for small folders, inline. */
export function runDecodeJob(job: DecodeJob): DecodeReply {
  const results = job.files.map((relativePath, i) => {
    const bytes = job.data.subarray(job.offsets[i], job.offsets[i + 1]);
    return { inspection: inspectImageFile(relativePath, bytes), hash: sha256Hex(bytes) };
  });
  return { jobId: job.jobId, results };
}

/** The pixel buffers of a reply, made standalone so they can be transferred back without copying. */
export function transferablesOf(reply: DecodeReply): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const result of reply.results) {
    if (!result.inspection.ok) continue;
    const image = result.inspection.image;
    if (
      image.data.byteOffset !== 0 ||
      image.data.byteLength !== image.data.buffer.byteLength ||
      !(image.data.buffer instanceof ArrayBuffer)
    ) {
      image.data = image.data.slice();
    }
    buffers.push(image.data.buffer as ArrayBuffer);
  }
  return buffers;
}
