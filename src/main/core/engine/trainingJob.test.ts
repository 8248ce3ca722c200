import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { parseModelSpec, type ModelSpecInput } from '../../../shared/models/modelSpec';
import { trainingSettingsSchema, type TrainingSettingsInput } from '../../../shared/models/trainingSettings';
import { loadModel, modelFromArtifacts, saveModelArtifacts } from '../models/modelIO';
import { lowestLossEpoch, type EpochRecord, type LoopControl } from './trainLoop';
import { runTrainingJob, type TrainingJob } from './trainingJob';

/** Two noisy blobs in 4 dimensions: learnable, but not instantly. */
function blobs(samples: number, seed = 1): { sampleShape: number[]; features: number[]; labels: number[] } {
  const random = createSeededRandom(seed);
  const labels: number[] = [];
  const features: number[] = [];
  for (let s = 0; s < samples; s++) {
    const label = s % 2;
    labels.push(label);
    for (let f = 0; f < 4; f++) features.push((label ? 1 : -1) * 0.8 + random.normal());
  }
  return { sampleShape: [4], features, labels };
}

const mlp: ModelSpecInput = {
  inputShape: [4],
  seed: 11,
  layers: [
    { type: 'dense', units: 6, activation: 'tanh' },
    { type: 'dropout', rate: 0.2 },
    { type: 'output', units: 2, activation: 'softmax' },
  ],
};

function job(settings: TrainingSettingsInput, spec: ModelSpecInput = mlp, samples = 80): TrainingJob {
  const train = Array.from({ length: samples * 0.75 }, (_, i) => i);
  const validation = Array.from({ length: samples * 0.25 }, (_, i) => samples * 0.75 + i);
  return {
    spec: parseModelSpec(spec),
    settings: trainingSettingsSchema.parse(settings),
    data: blobs(samples),
    folds: [{ train, validation }],
    backend: 'cpu',
  };
}

const quiet = { batch: () => undefined, epoch: () => undefined };

async function history(settings: TrainingSettingsInput): Promise<EpochRecord[]> {
  const epochs: EpochRecord[] = [];
  const outcome = await runTrainingJob(job(settings), { batch: () => undefined, epoch: (e) => epochs.push(e) });
  expect(outcome.engine).toBe(settings.engine);
  return epochs.map((e) => ({ ...e, elapsedMs: 0, etaMs: null }));
}

describe('training runs', () => {
  for (const engine of ['tfjs', 'didactic'] as const) {
    it(`${engine}: the same seed gives an identical loss history; another seed a different one`, async () => {
      const settings = { engine, optimizer: 'minibatch', batchSize: 8, learningRate: 0.1, epochs: 4, seed: 5 } as const;
      const a = await history(settings);
      const b = await history(settings);
      expect(a.map((e) => e.trainLoss)).toEqual(b.map((e) => e.trainLoss));
      expect(a).toEqual(b);
      const c = await history({ ...settings, seed: 6 });
      expect(c.map((e) => e.trainLoss)).not.toEqual(a.map((e) => e.trainLoss));
      expect(a[3].trainLoss).toBeLessThan(a[0].trainLoss);
    });
  }

  it('auto picks the didactic engine for a small dense network and tfjs for a CNN', async () => {
    const dense = await runTrainingJob(job({ epochs: 1 }), quiet);
    expect(dense.engine).toBe('didactic');
    expect(dense.backend).toBeNull();
    const cnn: ModelSpecInput = { inputShape: [2, 2, 1], layers: [{ type: 'flatten' }, { type: 'output', units: 2 }] };
    const outcome = await runTrainingJob({ ...job({ epochs: 1 }, cnn) }, quiet);
    expect(outcome.engine).toBe('tfjs');
    expect(outcome.backend).toBe('cpu');
  });

  for (const engine of ['didactic', 'tfjs'] as const) {
    it(`${engine}: early stopping stops after \`patience\` epochs without improvement and restores the best weights`, async () => {
      const outcome = await runTrainingJob(
        job({ engine, learningRate: 2, optimizer: 'adam', epochs: 200, earlyStopping: { patience: 3 } }),
        quiet,
      );
      const fold = outcome.folds[0];
      expect(fold.status).toBe('earlyStopped');
      expect(fold.history.length).toBeLessThan(200);
      expect(fold.history.length - fold.bestEpoch).toBe(3);
      const best = fold.history[fold.bestEpoch - 1];
      expect(fold.validation!.loss).toBeCloseTo(best.valLoss!, engine === 'tfjs' ? 5 : 10);
    });
  }

  it('best epoch is the epoch of the lowest validation loss on a completed run (it was the last epoch), training loss without validation', async () => {
    // A high learning rate on few samples: validation loss bottoms out early and then rises.
    const outcome = await runTrainingJob(job({ engine: 'didactic', learningRate: 3, optimizer: 'adam', epochs: 25 }), quiet);
    const fold = outcome.folds[0];
    expect(fold.status).toBe('completed');
    const valLosses = fold.history.map((e) => e.valLoss!);
    const argmin = valLosses.indexOf(Math.min(...valLosses)) + 1;
    expect(argmin).toBeLessThan(25);
    expect(fold.bestEpoch).toBe(argmin);
    expect(
      lowestLossEpoch([
        { epoch: 1, trainLoss: 3, valLoss: null },
        { epoch: 2, trainLoss: 1, valLoss: null },
        { epoch: 3, trainLoss: 2, valLoss: null },
      ]),
    ).toBe(2);
    expect(
      lowestLossEpoch([
        { epoch: 1, trainLoss: 3, valLoss: 0.5 },
        { epoch: 2, trainLoss: 1, valLoss: Number.NaN },
        { epoch: 3, trainLoss: 0.1, valLoss: 0.7 },
      ]),
    ).toBe(1);
  });

  it('trains a small CNN with batch norm and dropout on tfjs, deterministically', async () => {
    const random = createSeededRandom(4);
    const samples = 48;
    const labels = Array.from({ length: samples }, (_, i) => i % 2);
    // Class 1 has a bright vertical bar, class 0 a horizontal one, plus noise.
    const features = labels.flatMap((label) =>
      Array.from({ length: 36 }, (_, k) => ((label ? k % 6 === 2 : Math.floor(k / 6) === 2) ? 1 : 0) + 0.3 * random.next()),
    );
    const cnn: ModelSpecInput = {
      inputShape: [6, 6, 1],
      seed: 2,
      layers: [
        { type: 'conv2d', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' },
        { type: 'batchNorm' },
        { type: 'maxPool', poolSize: 2 },
        { type: 'flatten' },
        { type: 'dropout', rate: 0.25 },
        { type: 'output', units: 2, activation: 'softmax' },
      ],
    };
    const run = async (backend: 'cpu' | 'wasm' = 'cpu'): Promise<number[]> => {
      const outcome = await runTrainingJob(
        {
          spec: parseModelSpec(cnn),
          settings: trainingSettingsSchema.parse({ optimizer: 'adam', learningRate: 0.05, batchSize: 8, epochs: 8 }),
          data: { sampleShape: [6, 6, 1], features, labels },
          folds: [{ train: Array.from({ length: samples }, (_, i) => i), validation: [] }],
          backend,
        },
        quiet,
      );
      expect(outcome.engine).toBe('tfjs');
      expect(outcome.backend).toBe(backend);
      return outcome.folds[0].history.map((e) => e.trainLoss);
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a[a.length - 1]).toBeLessThan(a[0] * 0.7);
    // On wasm (with our Conv2DBackpropInput and MaxPoolGrad kernels) the same training follows the same curve.
    const wasm = await run('wasm');
    wasm.forEach((loss, i) => expect(Math.abs(loss - a[i])).toBeLessThan(1e-3 * Math.max(1, a[i])));
    await tf.setBackend('cpu');
  });

  it('a loss that becomes NaN ends the run with a message about exploding gradients, keeping the last good weights', async () => {
    const spec: ModelSpecInput = {
      inputShape: [4],
      layers: [
        { type: 'dense', units: 8, activation: 'relu' },
        { type: 'output', units: 1, activation: 'identity' },
      ],
    };
    const data = blobs(40);
    const j: TrainingJob = {
      ...job({ engine: 'tfjs', loss: 'mse', optimizer: 'sgd', learningRate: 50, epochs: 30 }, spec, 40),
      data: { sampleShape: [4], features: data.features.map((v) => v * 100), targets: data.labels.map((l) => l * 1000) },
    };
    const outcome = await runTrainingJob(j, quiet);
    expect(outcome.problem?.code).toBe('training-diverged');
    expect(outcome.problem?.message).toMatch(/exploded.*lower learning rate.*scale the inputs.*smaller initial weights/s);
    expect(outcome.folds[0].status).toBe('diverged');
  });

  it('stop keeps what was measured and the best weights', async () => {
    let checks = 0;
    const control: LoopControl = { check: () => ({ stop: ++checks > 25, pausedMs: 0 }) };
    const outcome = await runTrainingJob(job({ engine: 'didactic', batchSize: 10, epochs: 50 }), quiet, control);
    expect(outcome.stopped).toBe(true);
    expect(outcome.folds[0].status).toBe('stopped');
    expect(outcome.folds[0].history.length).toBe(4); // 6 batches per epoch: 25 batches = 4 whole epochs
    expect(outcome.artifacts).not.toBeNull();
  });

  it('artifacts of a model with custom layers (arctan, ELU α, seeded dropout) load back and predict like the engine', async () => {
    const spec: ModelSpecInput = {
      inputShape: [4],
      seed: 8,
      layers: [
        { type: 'dense', units: 5, activation: 'arctan' },
        { type: 'dense', units: 5, activation: { kind: 'elu', alpha: 0.5 } },
        { type: 'dropout', rate: 0.2 },
        { type: 'output', units: 2, activation: 'softmax' },
      ],
    };
    for (const engine of ['didactic', 'tfjs'] as const) {
      const outcome = await runTrainingJob(job({ engine, epochs: 3 }, spec), quiet);
      const model = await modelFromArtifacts(outcome.artifacts!);
      const data = blobs(80);
      const v = job({}).folds[0].validation;
      const x = tf.tensor2d(
        v.flatMap((i) => data.features.slice(i * 4, i * 4 + 4)),
        [v.length, 4],
      );
      const predicted = await tf.argMax(model.predict(x) as tf.Tensor, -1).data();
      const accuracy = v.filter((i, k) => predicted[k] === data.labels[i]).length / v.length;
      expect(accuracy).toBeCloseTo(outcome.folds[0].validation!.accuracy!, 10);
      model.dispose();
    }
  });

  it('k-fold trains each fold in sequence with its own curve', async () => {
    const base = job({ engine: 'didactic', epochs: 3 });
    const folds = [0, 1, 2].map((k) => {
      const validation = Array.from({ length: 80 }, (_, i) => i).filter((i) => i % 3 === k);
      return { train: Array.from({ length: 80 }, (_, i) => i).filter((i) => i % 3 !== k), validation };
    });
    const outcome = await runTrainingJob({ ...base, folds }, quiet);
    expect(outcome.folds.map((f) => f.history.length)).toEqual([3, 3, 3]);
    expect(outcome.folds.map((f) => f.history[0].fold)).toEqual([0, 1, 2]);
  });

  it('rejects bad data with clear messages', async () => {
    const bad = job({ epochs: 1 });
    const features = Array.from(bad.data.features);
    features[9] = Number.NaN;
    await expect(runTrainingJob({ ...bad, data: { ...bad.data, features } }, quiet)).rejects.toThrow(/Sample 3, feature 2 is NaN/);
    await expect(
      runTrainingJob({ ...bad, data: { ...bad.data, labels: Array.from(bad.data.labels!, (l) => l * 3) } }, quiet),
    ).rejects.toThrow(/label 3.*output layer has 2 neurons/);
    await expect(runTrainingJob({ ...bad, folds: [{ train: [], validation: [1] }] }, quiet)).rejects.toThrow(/training part is empty/);
  });

  it('saves the trained didactic network in the tfjs format, and it loads back with the same predictions', async () => {
    const outcome = await runTrainingJob(job({ engine: 'didactic', epochs: 3 }), quiet);
    const directory = await mkdtemp(join(tmpdir(), 'sinapsis-model-'));
    try {
      await saveModelArtifacts(directory, outcome.artifacts!);
      const model = await loadModel(directory);
      const x = tf.tensor2d(blobs(80).features.slice(0, 8), [2, 4]);
      const y = model.predict(x) as tf.Tensor;
      expect(y.shape).toEqual([2, 2]);
      const sums = await tf.sum(y, 1).data();
      sums.forEach((s) => expect(s).toBeCloseTo(1, 5));
      // The final validation accuracy measured by the engine matches the reloaded model's.
      const v = job({}).folds[0].validation;
      const data = blobs(80);
      const xv = tf.tensor2d(
        v.flatMap((i) => data.features.slice(i * 4, i * 4 + 4)),
        [v.length, 4],
      );
      const predicted = await tf.argMax(model.predict(xv) as tf.Tensor, -1).data();
      const accuracy = v.filter((i, k) => predicted[k] === data.labels[i]).length / v.length;
      expect(accuracy).toBeCloseTo(outcome.folds[0].validation!.accuracy!, 10);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
  it("returns every sample's outputs from the didactic engine, the same as the saved model predicts", async () => {
    const outcome = await runTrainingJob(
      { ...job({ engine: 'didactic', epochs: 3 }), evaluation: { test: [70, 71], predict: true } },
      quiet,
    );
    const directory = await mkdtemp(join(tmpdir(), 'sinapsis-model-'));
    try {
      await saveModelArtifacts(directory, outcome.artifacts!);
      const model = await loadModel(directory);
      const expected = await (model.predict(tf.tensor2d(blobs(80).features, [80, 4])) as tf.Tensor).data();
      expect(outcome.outputs).toHaveLength(160);
      outcome.outputs!.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 5));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
