import type * as tf from '@tensorflow/tfjs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../runs/atomicWrite';
import { tfjsVersion } from './tfjsVersion';

/*
 * Writing a model's artifacts (handed over by the trainer thread) as model.json + weights.bin, without tfjs:
 * a run is written by a thread that need not load it (modelIO.ts re-exports this for the rest).
 */

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

export function weightBytes(data: tf.io.WeightData | undefined): Uint8Array {
  if (!data) return new Uint8Array(0);
  const buffers = Array.isArray(data) ? data : [data];
  const total = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const buffer of buffers) {
    bytes.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  return bytes;
}

export async function saveModelArtifacts(directory: string, artifacts: tf.io.ModelArtifacts): Promise<void> {
  await mkdir(directory, { recursive: true });
  await writeFileAtomic(join(directory, WEIGHTS_BIN), weightBytes(artifacts.weightData));
  await writeJsonAtomic(join(directory, MODEL_JSON), {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tfjsVersion()}`,
    convertedBy: 'Sinapsis',
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
  });
}
