import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { parseModelSpec, type ModelSpecInput } from '../../../shared/models/modelSpec';
import { modelPresets } from '../../../shared/models/presets';
import { trainingSettingsSchema, type TrainingSettingsInput } from '../../../shared/models/trainingSettings';
import { SinapsisDropout } from '../models/customLayers';
import { initBackend } from './backends';
import { chooseWorkers, forwardMacsPerSample, GradientPartner, TWO_WORKERS_MIN_MACS_PER_BATCH } from './dataParallel';
import { TfjsEngine } from './tfjsEngine';
import { prepareTrainingData } from './trainingData';
import { runTrainingJob, type TrainingJob } from './trainingJob';
import { registerWasmTrainingKernels } from './wasmTrainingKernels';

/** A small CNN with dropout: every part of the exchange (convolutions, the dropout masks, Adam) in a few batches. */
const smallCnn: ModelSpecInput = {
  inputShape: [10, 10, 1],
  seed: 3,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' },
    { type: 'maxPool', poolSize: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 12, activation: 'relu' },
    { type: 'dropout', rate: 0.4 },
    { type: 'output', units: 3, activation: 'softmax' },
  ],
};
const SAMPLES = 60;

function images(): { sampleShape: number[]; features: number[]; labels: number[] } {
  const random = createSeededRandom(9);
  const labels = Array.from({ length: SAMPLES }, (_, i) => i % 3);
  // Each class brightens its own third of the image, plus noise: learnable in a few batches.
  const features = labels.flatMap((label) =>
    Array.from({ length: 100 }, (_, p) => (Math.floor(p / 34) === label ? 0.8 : 0) + 0.3 * random.next()),
  );
  return { sampleShape: [10, 10, 1], features, labels };
}

const adam: TrainingSettingsInput = { optimizer: 'adam', learningRate: 0.01, batchSize: 14, epochs: 2, seed: 4, engine: 'tfjs' };

function job(workers: 1 | 2): TrainingJob {
  return {
    spec: parseModelSpec(smallCnn),
    settings: trainingSettingsSchema.parse({ ...adam, workers }),
    data: images(),
    folds: [{ train: Array.from({ length: 48 }, (_, i) => i), validation: Array.from({ length: 12 }, (_, i) => 48 + i) }],
    backend: 'wasm',
  };
}

async function trainedRun(workers: 1 | 2): Promise<{ history: number[][]; weights: Float32Array; workers: number }> {
  const history: number[][] = [];
  const outcome = await runTrainingJob(job(workers), {
    batch: () => undefined,
    epoch: (e) => history.push([e.trainLoss, e.trainAccuracy ?? -1, e.valLoss ?? -1, e.valAccuracy ?? -1]),
  });
  return { history, weights: new Float32Array(outcome.artifacts!.weightData as ArrayBuffer), workers: outcome.workers };
}

describe('when two workers train', () => {
  const cnn = parseModelSpec(modelPresets.cnnDesign28);

  it('counts the forward multiply-adds of the DESIGN.md CNN', () => {
    // conv 28·28·(9·8 + 8), conv 14·14·(72·16 + 16), dense 784·64 + 64, output 64·10 + 10.
    expect(forwardMacsPerSample(cnn)).toBe(28 * 28 * 80 + 14 * 14 * 1168 + 50240 + 650);
  });

  it('auto picks two for the DESIGN.md CNN at batch 64 on two cores, one otherwise', () => {
    const auto = { workers: 'auto' } as const;
    expect(chooseWorkers(cnn, auto, 'tfjs', 'wasm', 64, 2)).toBe(2);
    expect(chooseWorkers(cnn, auto, 'tfjs', 'wasm', 64, 1)).toBe(1);
    expect(chooseWorkers(cnn, auto, 'tfjs', 'tensorflow', 64, 2)).toBe(1);
    const small = Math.floor(TWO_WORKERS_MIN_MACS_PER_BATCH / forwardMacsPerSample(cnn));
    expect(chooseWorkers(cnn, auto, 'tfjs', 'wasm', small, 2)).toBe(1);
    expect(chooseWorkers(cnn, auto, 'tfjs', 'wasm', small + 1, 2)).toBe(2);
    expect(chooseWorkers(parseModelSpec(modelPresets.mlp320_18_10), auto, 'tfjs', 'wasm', 32, 2)).toBe(1);
    expect(chooseWorkers(cnn, { workers: 1 }, 'tfjs', 'wasm', 64, 2)).toBe(1);
    expect(chooseWorkers(cnn, { workers: 2 }, 'tfjs', 'cpu', 4, 1)).toBe(2);
  });

  it('refuses two workers where halves would change the math, saying why', () => {
    const withBatchNorm = parseModelSpec({
      ...smallCnn,
      layers: [smallCnn.layers[0], { type: 'batchNorm' }, ...smallCnn.layers.slice(1)],
    });
    expect(chooseWorkers(withBatchNorm, { workers: 'auto' }, 'tfjs', 'wasm', 64, 2)).toBe(1);
    expect(() => chooseWorkers(withBatchNorm, { workers: 2 }, 'tfjs', 'wasm', 64, 2)).toThrow(/Layer 2 is batch normalisation/);
    expect(() => chooseWorkers(cnn, { workers: 2 }, 'didactic', null, 64, 2)).toThrow(/need the tfjs engine/);
    expect(() => chooseWorkers(cnn, { workers: 2 }, 'tfjs', 'wasm', 1, 2)).toThrow(/cannot be split/);
  });

  it('dropout on two halves gives the rows the masks of the whole batch', async () => {
    await initBackend('cpu');
    const layer = new SinapsisDropout({ rate: 0.5, seed: 17 });
    const halves = [new SinapsisDropout({ rate: 0.5, seed: 17 }), new SinapsisDropout({ rate: 0.5, seed: 17 })];
    const x = tf.randomUniform([7, 5], 0.5, 1.5, 'float32', 2);
    for (let call = 0; call < 3; call++) {
      const whole = (layer.apply(x, { training: true }) as tf.Tensor).arraySync() as number[][];
      halves[0].shard = { offset: 0, total: 7 };
      halves[1].shard = { offset: 4, total: 7 };
      const first = (halves[0].apply(x.slice(0, 4), { training: true }) as tf.Tensor).arraySync() as number[][];
      const second = (halves[1].apply(x.slice(4, 3), { training: true }) as tf.Tensor).arraySync() as number[][];
      expect([...first, ...second]).toEqual(whole);
      // Some units dropped, some kept: the comparison means something.
      expect(whole.flat().some((v) => v === 0) && whole.flat().some((v) => v > 0)).toBe(true);
    }
  });
});

describe('two-worker training on wasm', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    registerWasmTrainingKernels();
  });
  afterAll(async () => {
    await initBackend('cpu');
  });

  it('gives bit-identical weights and metrics in two runs with the same seed', async () => {
    const first = await trainedRun(2);
    const second = await trainedRun(2);
    expect(first.workers).toBe(2);
    expect(second.history).toEqual(first.history);
    expect(Buffer.from(second.weights.buffer).equals(Buffer.from(first.weights.buffer))).toBe(true);
  }, 120_000);

  it('follows the one-worker loss curve step by step (the same math up to the order of float sums)', async () => {
    const spec = parseModelSpec(smallCnn);
    const settings = trainingSettingsSchema.parse(adam);
    const raw = images();
    const data = prepareTrainingData(raw, 3);
    const partner = await GradientPartner.start(spec, settings, 'wasm', data, 14);
    const alone = new TfjsEngine(spec, settings, data);
    partner.reset();
    const paired = new TfjsEngine(spec, settings, data, partner);
    try {
      const order = Int32Array.from({ length: 48 }, (_, i) => (i * 7) % 48);
      const losses: [number, number][] = [];
      // Six batches of 14 (the last of 6) then a batch of 5: odd halves (3 + 2) too.
      for (const [start, size] of [
        [0, 14],
        [14, 14],
        [28, 14],
        [42, 6],
        [0, 14],
        [14, 14],
        [28, 5],
      ]) {
        const batch = order.subarray(start, start + size);
        const a = alone.trainBatch(batch, true)!;
        const b = paired.trainBatch(batch, true)!;
        losses.push([a.loss, b.loss]);
        expect(b.accuracy).toBe(a.accuracy);
      }
      for (const [a, b] of losses) expect(Math.abs(a - b)).toBeLessThan(1e-4);
      // Training happened: the loss moved.
      expect(losses[0][0]).not.toBeCloseTo(losses[losses.length - 1][0], 2);
      const wa = alone.snapshot().flatMap((w) => Array.from(w));
      const wb = paired.snapshot().flatMap((w) => Array.from(w));
      const largest = Math.max(...wa.map((w, i) => Math.abs(w - wb[i])));
      expect(largest).toBeLessThan(1e-4);
      expect(partner.times.batches).toBe(7);
    } finally {
      alone.dispose();
      paired.dispose();
      partner.dispose();
    }
  }, 120_000);
});
