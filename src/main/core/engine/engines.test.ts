import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseModelSpec, type ModelSpecInput } from '../../../shared/models/modelSpec';
import { trainingSettingsSchema, type LossName, type OptimizerName } from '../../../shared/models/trainingSettings';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { BatchedTrainer, createBatchedNetwork } from './batchedDense';
import { DidacticEngine } from './didacticEngine';
import { LayerKernels } from './wasmDense/layerKernels';
import { TfjsEngine } from './tfjsEngine';
import { prepareTrainingData } from './trainingData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** tfjs weights [kernel (inputs×units), bias, ...] in the didactic layout [W (units×inputs), b, ...]. */
function tfjsToDidactic(engine: TfjsEngine): Float64Array[] {
  const result: Float64Array[] = [];
  for (const weight of engine.model.getWeights()) {
    const values = weight.dataSync();
    if (weight.shape.length === 2) {
      const [inputs, units] = weight.shape;
      const w = new Float64Array(values.length);
      for (let i = 0; i < inputs; i++) for (let j = 0; j < units; j++) w[j * inputs + i] = values[i * units + j];
      result.push(w);
    } else result.push(Float64Array.from(values));
  }
  return result;
}

/** Float32 (tfjs) against float64 (didactic): 1e-4 relative, for losses such as MAPE that reach the thousands. */
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected)));
}

function dataFor(inputs: number, outputs: number, samples: number, regression: boolean) {
  const random = createSeededRandom(99);
  const features = Array.from({ length: samples * inputs }, () => random.uniform(-1, 1));
  if (regression)
    return prepareTrainingData(
      { sampleShape: [inputs], features, targets: Array.from({ length: samples * outputs }, () => random.uniform(0.2, 1)) },
      outputs,
    );
  return prepareTrainingData(
    { sampleShape: [inputs], features, labels: Array.from({ length: samples }, () => random.int(Math.max(2, outputs))) },
    outputs,
  );
}

interface Case {
  name: string;
  hidden: ModelSpecInput['layers'][number];
  output: 'softmax' | 'sigmoid' | 'identity' | 'tanh';
  outputs: number;
  loss: LossName;
  optimizer: OptimizerName;
  regression?: boolean;
}

const cases: Case[] = [
  {
    name: 'sigmoid / softmax / categorical CE / minibatch',
    hidden: { type: 'dense', units: 6, activation: 'sigmoid' },
    output: 'softmax',
    outputs: 3,
    loss: 'categoricalCrossEntropy',
    optimizer: 'minibatch',
  },
  {
    name: 'tanh / sigmoid / binary CE / adam',
    hidden: { type: 'dense', units: 5, activation: 'tanh' },
    output: 'sigmoid',
    outputs: 1,
    loss: 'binaryCrossEntropy',
    optimizer: 'adam',
  },
  {
    name: 'relu / identity / mse / rmsprop',
    hidden: { type: 'dense', units: 5, activation: 'relu' },
    output: 'identity',
    outputs: 2,
    loss: 'mse',
    optimizer: 'rmsprop',
    regression: true,
  },
  {
    name: 'arctan / identity / mae / sgd',
    hidden: { type: 'dense', units: 4, activation: 'arctan' },
    output: 'identity',
    outputs: 2,
    loss: 'mae',
    optimizer: 'sgd',
    regression: true,
  },
  {
    name: 'elu / identity / mape / gd',
    hidden: { type: 'dense', units: 4, activation: { kind: 'elu', alpha: 0.7 } },
    output: 'identity',
    outputs: 2,
    loss: 'mape',
    optimizer: 'gd',
    regression: true,
  },
  {
    name: 'leakyRelu / tanh / hinge / minibatch+momentum',
    hidden: { type: 'dense', units: 4, activation: { kind: 'leakyRelu', alpha: 0.1 } },
    output: 'tanh',
    outputs: 1,
    loss: 'hinge',
    optimizer: 'minibatch',
  },
  {
    name: 'softplus / softmax / mse (softmax Jacobian)',
    hidden: { type: 'dense', units: 4, activation: 'softplus' },
    output: 'softmax',
    outputs: 3,
    loss: 'mse',
    optimizer: 'minibatch',
  },
  {
    name: 'identity, no bias / sigmoid / mse',
    hidden: { type: 'dense', units: 3, activation: 'identity', useBias: false },
    output: 'sigmoid',
    outputs: 1,
    loss: 'mse',
    optimizer: 'minibatch',
  },
];

describe('the didactic engine trains exactly what tfjs trains', () => {
  for (const c of cases) {
    it(c.name, () => {
      const spec = parseModelSpec({
        inputShape: [4],
        seed: 3,
        layers: [c.hidden, { type: 'output', units: c.outputs, activation: c.output }],
      });
      const settings = trainingSettingsSchema.parse({
        loss: c.loss,
        optimizer: c.optimizer,
        learningRate: 0.05,
        momentum: c.name.includes('momentum') ? 0.9 : 0,
        l2: 0.01,
      });
      const data = dataFor(4, c.outputs, 24, c.regression ?? false);
      const tfjs = new TfjsEngine(spec, settings, data);
      const didactic = new DidacticEngine(spec, settings, data);
      // Same starting point.
      tfjsToDidactic(tfjs).forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(didactic.snapshot()[i]).map(Math.fround)));
      const batches = [Int32Array.of(0, 5, 7, 9, 11), Int32Array.of(1, 2, 3), Int32Array.from({ length: 24 }, (_, i) => 23 - i)];
      for (const batch of batches) {
        const a = tfjs.trainBatch(batch, true)!;
        const b = didactic.trainBatch(batch, true)!;
        expectClose(b.loss, a.loss);
        a.gradientNorms.forEach((g, i) => expectClose(b.gradientNorms[i].norm, g.norm));
      }
      const after = tfjsToDidactic(tfjs);
      didactic.snapshot().forEach((w, i) => w.forEach((value, k) => expectClose(value, after[i][k])));
      const all = Array.from({ length: 24 }, (_, i) => i);
      expectClose(didactic.evaluate(all).loss, tfjs.evaluate(all).loss);
      tfjs.dispose();
    });
  }

  it('gradients agree with tf.grad within 1e-5 (one batch, no update)', () => {
    const spec = parseModelSpec({
      inputShape: [4],
      seed: 5,
      layers: [
        { type: 'dense', units: 5, activation: 'tanh' },
        { type: 'output', units: 3, activation: 'softmax' },
      ],
    });
    const settings = trainingSettingsSchema.parse({ loss: 'categoricalCrossEntropy', optimizer: 'sgd', learningRate: 1 });
    const data = dataFor(4, 3, 8, false);
    const tfjs = new TfjsEngine(spec, settings, data);
    const didactic = new DidacticEngine(spec, settings, data);
    const before = tfjsToDidactic(tfjs);
    const batch = Int32Array.from({ length: 8 }, (_, i) => i);
    tfjs.trainBatch(batch, false);
    didactic.trainBatch(batch, false);
    // With η = 1 and plain SGD, w_before - w_after is the gradient itself.
    const after = tfjsToDidactic(tfjs);
    const snap = didactic.snapshot();
    snap.forEach((w, i) =>
      w.forEach((value, k) => expect(Math.abs(before[i][k] - value - (before[i][k] - after[i][k]))).toBeLessThan(1e-5)),
    );
    tfjs.dispose();
  });
});

describe('inspection: kernels and predictions on rows outside the data', () => {
  it('both engines report the same kernels per spec layer and predict the same outputs for new rows', () => {
    const spec = parseModelSpec({
      inputShape: [4],
      seed: 8,
      layers: [
        { type: 'dense', units: 5, activation: 'tanh' },
        { type: 'output', units: 3, activation: 'softmax' },
      ],
    });
    const settings = trainingSettingsSchema.parse({ loss: 'categoricalCrossEntropy', optimizer: 'adam', learningRate: 0.05 });
    const data = dataFor(4, 3, 24, false);
    const tfjs = new TfjsEngine(spec, settings, data);
    const didactic = new DidacticEngine(spec, settings, data);
    const batch = Int32Array.from({ length: 24 }, (_, i) => i);
    tfjs.trainBatch(batch, false);
    didactic.trainBatch(batch, false);
    const a = tfjs.layerKernels();
    const b = didactic.layerKernels();
    expect(a.map((k) => [k.layer, k.values.length])).toEqual([
      [0, 20],
      [1, 15],
    ]);
    expect(b.map((k) => [k.layer, k.values.length])).toEqual([
      [0, 20],
      [1, 15],
    ]);
    // Same weights (in each engine's own layout): the same multiset of values.
    a.forEach((k, i) => {
      const sorted = (values: ArrayLike<number>) => Array.from(values).sort((x, y) => x - y);
      sorted(k.values).forEach((value, j) => expectClose(sorted(b[i].values)[j], value));
    });
    const rows = Float32Array.from({ length: 7 * 4 }, (_, i) => Math.sin(i));
    const fromTfjs = tfjs.predictRows(rows, 7);
    const fromDidactic = didactic.predictRows(rows, 7);
    expect(fromTfjs).toHaveLength(21);
    fromTfjs.forEach((value, i) => expectClose(fromDidactic[i], value));
    tfjs.dispose();
  });
});

/** Three batches on both engines (the didactic one on SIMD): the same losses, gradient norms and weights. */
function expectSimdTrainsLikeTfjs(
  spec: ReturnType<typeof parseModelSpec>,
  settings: ReturnType<typeof trainingSettingsSchema.parse>,
  data: ReturnType<typeof dataFor>,
): void {
  const tfjs = new TfjsEngine(spec, settings, data);
  const didactic = new DidacticEngine(spec, settings, data);
  expect(didactic.simd).toBe(true);
  for (const batch of [
    Int32Array.of(0, 5, 7, 9, 11),
    Int32Array.from({ length: 24 }, (_, i) => 23 - i),
    Int32Array.of(3, 2, 1, 0, 4, 6, 8, 10),
  ]) {
    const a = tfjs.trainBatch(batch, true)!;
    const b = didactic.trainBatch(batch, true)!;
    expectClose(b.loss, a.loss);
    a.gradientNorms.forEach((g, i) => expectClose(b.gradientNorms[i].norm, g.norm));
  }
  const after = tfjsToDidactic(tfjs);
  didactic.snapshot().forEach((w, i) => w.forEach((value, k) => expectClose(value, after[i][k])));
  tfjs.dispose();
}

describe('the dense layers on WebAssembly SIMD', () => {
  it('trains exactly what tfjs trains (40 inputs, batches of 5 to 24)', () => {
    const spec = parseModelSpec({
      inputShape: [41],
      seed: 9,
      layers: [
        { type: 'dense', units: 7, activation: 'sigmoid' },
        { type: 'output', units: 3, activation: 'softmax' },
      ],
    });
    const settings = trainingSettingsSchema.parse({
      loss: 'categoricalCrossEntropy',
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 8,
      l2: 0.001,
    });
    const data = dataFor(41, 3, 24, false);
    expectSimdTrainsLikeTfjs(spec, settings, data);
  });
  it('trains what tfjs trains with later layers on SIMD too (41-19-6-3: blocks of 16 and 4 inputs and scalar tails)', () => {
    const spec = parseModelSpec({
      inputShape: [41],
      seed: 4,
      layers: [
        { type: 'dense', units: 19, activation: 'relu' },
        { type: 'dense', units: 6, activation: 'tanh' },
        { type: 'output', units: 3, activation: 'softmax' },
      ],
    });
    const settings = trainingSettingsSchema.parse({
      loss: 'categoricalCrossEntropy',
      optimizer: 'minibatch',
      momentum: 0.9,
      learningRate: 0.05,
      batchSize: 8,
    });
    const data = dataFor(41, 3, 24, false);
    expectSimdTrainsLikeTfjs(spec, settings, data);
  });

  it("gives the plain loops' net inputs and gradients with SIMD kernels on every layer, dropout included", () => {
    const spec = parseModelSpec({
      inputShape: [37],
      seed: 12,
      layers: [
        { type: 'dense', units: 21, activation: 'sigmoid' },
        { type: 'dropout', rate: 0.3 },
        { type: 'dense', units: 5, activation: { kind: 'elu', alpha: 0.5 } },
        { type: 'output', units: 2, activation: 'sigmoid' },
      ],
    });
    const data = dataFor(37, 2, 13, false);
    const features = Float64Array.from(data.features);
    const network = createBatchedNetwork(spec);
    const plain = new BatchedTrainer(network, 'binaryCrossEntropy', 7, null);
    const simd = new BatchedTrainer(network, 'binaryCrossEntropy', 7, LayerKernels.forFeatures(data.features, 37, 21, 13));
    for (const batch of [Int32Array.of(12), Int32Array.of(4, 1, 9), Int32Array.from({ length: 13 }, (_, i) => (i * 5) % 13)]) {
      plain.forward(features, batch, batch.length, true);
      simd.forward(features, batch, batch.length, true);
      plain
        .outputs()
        .subarray(0, 2 * batch.length)
        .forEach((v, k) => expect(Math.abs(simd.outputs()[k] - v)).toBeLessThan(1e-5));
      plain.backward(features, data.targets, batch, batch.length);
      simd.backward(features, data.targets, batch, batch.length);
      plain.gradients.weights.forEach((gw, l) =>
        gw.forEach((v, k) => expect(Math.abs(simd.gradients.weights[l][k] - v)).toBeLessThan(1e-5)),
      );
      plain.gradients.biases.forEach((gb, l) =>
        gb!.forEach((v, k) => expect(Math.abs(simd.gradients.biases[l]![k] - v)).toBeLessThan(1e-5)),
      );
    }
  });
});
