import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { parseModelSpec } from '../../../shared/models/modelSpec';
import { modelPresets } from '../../../shared/models/presets';
import { trainingSettingsSchema } from '../../../shared/models/trainingSettings';
import { initBackend } from './backends';
import type { WeightsSnapshot } from './engineTypes';
import { TfjsEngine } from './tfjsEngine';
import { prepareTrainingData } from './trainingData';
import { lastCopyPath, registerWasmIdentity } from './wasmIdentity';
import { registerWasmTrainingKernels } from './wasmTrainingKernels';

beforeAll(async () => {
  await initBackend('wasm');
});

/** Weights of the DESIGN.md CNN after a few Adam batches of 16 seeded random images (dropout included). */
function trainedWeights(): WeightsSnapshot {
  const spec = parseModelSpec(modelPresets.cnnDesign28);
  const random = createSeededRandom(7);
  const samples = 48;
  const features = Float32Array.from({ length: samples * 784 }, () => random.next());
  const labels = Int32Array.from({ length: samples }, () => random.int(10));
  const settings = trainingSettingsSchema.parse({ optimizer: 'adam', learningRate: 1e-3, batchSize: 16, epochs: 1, engine: 'tfjs' });
  const engine = new TfjsEngine(spec, settings, prepareTrainingData({ sampleShape: spec.inputShape, features, labels }, 10));
  try {
    for (let b = 0; b < 3; b++)
      engine.trainBatch(
        Int32Array.from({ length: 16 }, (_, i) => b * 16 + i),
        false,
      );
    return engine.snapshot();
  } finally {
    engine.dispose();
  }
}

function useKernels(identity: tf.KernelConfig, cast: tf.KernelConfig): void {
  tf.unregisterKernel('Identity', 'wasm');
  tf.unregisterKernel('Cast', 'wasm');
  tf.registerKernel(identity);
  tf.registerKernel(cast);
}

describe('wasm Identity and same-type Cast share the data', () => {
  it('training the CNN gives the same weights bit for bit as with the backend’s copying kernels', async () => {
    await tf.setBackend('wasm');
    // The backend's own kernels, taken before any override (each test file runs in its own process).
    const stock = { identity: tf.getKernel('Identity', 'wasm')!, cast: tf.getKernel('Cast', 'wasm')! };
    registerWasmTrainingKernels();
    const ours = { identity: tf.getKernel('Identity', 'wasm')!, cast: tf.getKernel('Cast', 'wasm')! };
    expect(ours.identity.kernelFunc).not.toBe(stock.identity.kernelFunc);
    useKernels(stock.identity, stock.cast);
    const reference = trainedWeights();
    useKernels(ours.identity, ours.cast);
    const actual = trainedWeights();
    expect(lastCopyPath).toBe('shared');
    expect(actual.map((w) => Array.from(w))).toEqual(reference.map((w) => Array.from(w)));
  });

  it('a clone keeps its values after the original is disposed; float32 → float32 casts share, int32 → float32 converts', async () => {
    await tf.setBackend('wasm');
    registerWasmIdentity();
    const x = tf.tensor2d([1.5, -2, 3.25, 0], [2, 2]);
    const copy = tf.clone(x);
    expect(lastCopyPath).toBe('shared');
    const same = tf.cast(x, 'float32');
    expect(lastCopyPath).toBe('shared');
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1.5, -2, 3.25, 0]);
    expect(Array.from(same.dataSync())).toEqual([1.5, -2, 3.25, 0]);
    tf.dispose([copy, same]);
    const ints = tf.tensor1d([3, -4, 7], 'int32');
    const floats = tf.cast(ints, 'float32');
    expect(lastCopyPath).toBe('original');
    expect(floats.dtype).toBe('float32');
    expect(Array.from(floats.dataSync())).toEqual([3, -4, 7]);
    tf.dispose([ints, floats]);
  });
});
