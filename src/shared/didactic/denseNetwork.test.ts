import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivationKind } from '../models/activationTable';
import {
  type DenseNetwork,
  type DenseNetworkSpec,
  type LossName,
  backwardPass,
  batchGradients,
  cloneNetwork,
  createDenseNetwork,
  datasetLoss,
  forwardPass,
  networkFromWeights,
  trainOnBatch,
  trainOnPattern,
} from './denseNetwork';
import { createSeededRandom } from './seededRandom';
import {
  XOR_DEFAULT_SETTINGS,
  XOR_INPUTS,
  XOR_TARGETS,
  startXorExperiment,
  stepXorExperiment,
  xorIterationsToConverge,
} from './xorExercise';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** The same activation written with tfjs ops, so tf.grad differentiates it independently of our `der`. */
function tfActivation(name: ActivationKind, alpha: number, a: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'identity':
      return a;
    case 'step':
      return tf.step(a);
    case 'sigmoid':
      return tf.sigmoid(a);
    case 'tanh':
      return tf.tanh(a);
    case 'arctan':
      return tf.atan(a);
    case 'relu':
      return tf.relu(a);
    case 'leakyRelu':
    case 'prelu':
      return tf.leakyRelu(a, alpha);
    case 'elu':
      return tf.where(tf.greaterEqual(a, 0), a, tf.mul(alpha, tf.sub(tf.exp(a), 1)));
    case 'softplus':
      return tf.softplus(a);
    case 'softmax':
      return tf.softmax(a);
  }
}

/** tfjs gradients of mean J (+ L2) with respect to every weight and bias of `network`. */
interface ReferenceGradients {
  loss: number;
  weights: number[][];
  biases: (number[] | null)[];
}

function tfGradients(network: DenseNetwork, inputs: number[][], targets: number[][], loss: LossName, l2: number): ReferenceGradients {
  let result: ReferenceGradients = { loss: NaN, weights: [], biases: [] };
  tf.tidy(() => {
    const weights = network.layers.map((layer) => tf.variable(tf.tensor2d(layer.weights, [layer.units, layer.inputSize])));
    const biases = network.layers.map((layer) => (layer.biases ? tf.variable(tf.tensor1d(layer.biases)) : null));
    const x = tf.tensor2d(inputs);
    const t = tf.tensor2d(targets);
    const cost = (): tf.Scalar => {
      let y: tf.Tensor = x;
      network.layers.forEach((layer, l) => {
        let a: tf.Tensor = tf.matMul(y as tf.Tensor2D, weights[l], false, true);
        const b = biases[l];
        if (b) a = tf.add(a, b);
        y = tfActivation(layer.activation, layer.alpha, a);
      });
      let perPattern: tf.Tensor;
      if (loss === 'mse') perPattern = tf.mul(0.5, tf.sum(tf.square(tf.sub(t, y)), 1));
      else if (targets[0].length === 1) perPattern = tf.neg(tf.add(tf.mul(t, tf.log(y)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, y)))));
      else perPattern = tf.neg(tf.sum(tf.mul(t, tf.log(y)), 1));
      let total = tf.mean(perPattern);
      if (l2 > 0) for (const w of weights) total = tf.add(total, tf.mul(l2 / 2, tf.sum(tf.square(w))));
      return total as tf.Scalar;
    };
    const varList = [...weights, ...biases.filter((b): b is tf.Variable<tf.Rank.R1> => b !== null)];
    const { value, grads } = tf.variableGrads(cost, varList);
    result = {
      loss: value.dataSync()[0],
      weights: weights.map((w) => Array.from(grads[w.name].dataSync())),
      biases: biases.map((b) => (b ? Array.from(grads[b.name].dataSync()) : null)),
    };
    varList.forEach((v) => v.dispose());
  });
  return result;
}

interface Case {
  name: string;
  spec: DenseNetworkSpec;
  loss: LossName;
  l2: number;
}

const cases: Case[] = [
  {
    name: '3-4-5-2 tanh/relu/sigmoid, MSE',
    spec: {
      inputSize: 3,
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 5, activation: 'relu' },
        { units: 2, activation: 'sigmoid' },
      ],
      useBias: true,
    },
    loss: 'mse',
    l2: 0,
  },
  {
    name: '2-3-3 elu(0.7) + softmax, cross-entropy, L2',
    spec: {
      inputSize: 2,
      layers: [
        { units: 3, activation: 'elu', alpha: 0.7 },
        { units: 3, activation: 'softmax' },
      ],
      useBias: true,
    },
    loss: 'crossEntropy',
    l2: 0.01,
  },
  {
    name: '4-3-1 leaky ReLU(0.1) + sigmoid, binary cross-entropy',
    spec: {
      inputSize: 4,
      layers: [
        { units: 3, activation: 'leakyRelu', alpha: 0.1 },
        { units: 1, activation: 'sigmoid' },
      ],
      useBias: true,
    },
    loss: 'crossEntropy',
    l2: 0,
  },
  {
    name: '2-5-4-3-1 arctan/softplus/prelu(0.25) + identity, MSE, no bias',
    spec: {
      inputSize: 2,
      layers: [
        { units: 5, activation: 'arctan' },
        { units: 4, activation: 'softplus' },
        { units: 3, activation: 'prelu', alpha: 0.25 },
        { units: 1, activation: 'identity' },
      ],
      useBias: false,
    },
    loss: 'mse',
    l2: 0.05,
  },
  {
    name: '3-4-2 sigmoid + softmax with MSE (softmax Jacobian path)',
    spec: {
      inputSize: 3,
      layers: [
        { units: 4, activation: 'sigmoid' },
        { units: 2, activation: 'softmax' },
      ],
      useBias: true,
    },
    loss: 'mse',
    l2: 0,
  },
  {
    name: '2-3-2 tanh + tanh, MSE with L2 (the XOR architecture, wider)',
    spec: {
      inputSize: 2,
      layers: [
        { units: 3, activation: 'tanh' },
        { units: 2, activation: 'tanh' },
      ],
      useBias: true,
    },
    loss: 'mse',
    l2: 0.1,
  },
];

function randomBatch(spec: DenseNetworkSpec, loss: LossName, seed: number, size: number): { inputs: number[][]; targets: number[][] } {
  const random = createSeededRandom(seed);
  const outUnits = spec.layers[spec.layers.length - 1].units;
  const inputs = Array.from({ length: size }, () => Array.from({ length: spec.inputSize }, () => random.uniform(-2, 2)));
  const targets = Array.from({ length: size }, () => {
    if (loss === 'mse') return Array.from({ length: outUnits }, () => random.uniform(-1, 1));
    if (outUnits === 1) return [random.next() < 0.5 ? 0 : 1];
    const hot = random.int(outUnits);
    return Array.from({ length: outUnits }, (_, k) => (k === hot ? 1 : 0));
  });
  return { inputs, targets };
}

describe('didactic engine vs tfjs', () => {
  let worst = 0;

  for (const c of cases) {
    it(`has the same gradients as tf.variableGrads: ${c.name}`, () => {
      for (const seed of [1, 2, 3]) {
        const network = createDenseNetwork(c.spec, { seed, method: 'uniform' });
        const { inputs, targets } = randomBatch(c.spec, c.loss, 100 + seed, 6);
        const ours = batchGradients(network, inputs, targets, c.loss, c.l2);
        const reference = tfGradients(network, inputs, targets, c.loss, c.l2);
        expect(datasetLoss(network, inputs, targets, c.loss)).toBeCloseTo(
          reference.loss - (c.l2 / 2) * network.layers.reduce((s, layer) => s + layer.weights.reduce((a, w) => a + w * w, 0), 0),
          4,
        );
        network.layers.forEach((layer, l) => {
          reference.weights[l].forEach((g, i) => {
            const diff = Math.abs(ours.weights[l][i] - g);
            worst = Math.max(worst, diff);
            expect(diff, `layer ${l} weight ${i}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(g)));
          });
          const rb = reference.biases[l];
          const ob = ours.biases[l];
          expect(rb === null).toBe(ob === null);
          if (rb && ob) {
            rb.forEach((g, j) => {
              const diff = Math.abs(ob[j] - g);
              worst = Math.max(worst, diff);
              expect(diff, `layer ${l} bias ${j}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(g)));
            });
          }
        });
      }
    });
  }

  it('reports the largest difference seen', () => {
    // Printed for the summary; the per-gradient bound above is what fails the test.
    console.info(`max |gradient difference| vs tfjs: ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-5);
    expect(worst).toBeGreaterThanOrEqual(0);
  });
});

describe('backpropagation with the course equations', () => {
  it('computes the output and hidden sensitivities of a 2-2-1 tanh network by hand', () => {
    const spec: DenseNetworkSpec = {
      inputSize: 2,
      layers: [
        { units: 2, activation: 'tanh' },
        { units: 1, activation: 'tanh' },
      ],
      useBias: true,
    };
    const net = networkFromWeights(
      spec,
      [
        [
          [0.5, -0.4],
          [0.3, 0.8],
        ],
        [[0.7, -0.6]],
      ],
      [[0.1, -0.2], [0.2]],
    );
    const x = [1, -1];
    const t = [1];
    const pass = forwardPass(net, x);
    // a_1 = b_1 + w_11 x_1 + w_12 x_2 = 0.1 + 0.5·1 + (-0.4)(-1) = 1.0;  a_2 = -0.2 + 0.3·1 + 0.8·(-1) = -0.7
    const a2 = -0.7;
    expect(pass.layers[0].netInput[0]).toBeCloseTo(1.0, 6);
    expect(pass.layers[0].netInput[1]).toBeCloseTo(a2, 6);
    const y1 = Math.tanh(1.0);
    const y2 = Math.tanh(a2);
    const ak = 0.2 + 0.7 * y1 - 0.6 * y2;
    const z = Math.tanh(ak);
    const deltaK = (t[0] - z) * (1 - z * z);
    const delta1 = (1 - y1 * y1) * 0.7 * deltaK;
    const delta2 = (1 - y2 * y2) * -0.6 * deltaK;
    const deltas = backwardPass(net, pass, t, 'mse');
    expect(deltas[1][0]).toBeCloseTo(deltaK, 6);
    expect(deltas[0][0]).toBeCloseTo(delta1, 6);
    expect(deltas[0][1]).toBeCloseTo(delta2, 6);

    // Δw_kj = η δ_k y_j and Δw_ji = η δ_j x_i
    const eta = 0.5;
    const before = cloneNetwork(net);
    trainOnPattern(net, x, t, { learningRate: eta, loss: 'mse' });
    expect(net.layers[1].weights[0] - before.layers[1].weights[0]).toBeCloseTo(eta * deltaK * y1, 6);
    expect(net.layers[1].biases?.[0]).toBeCloseTo(0.2 + eta * deltaK, 6);
    expect(net.layers[0].weights[1] - before.layers[0].weights[1]).toBeCloseTo(eta * delta1 * -1, 6);
    expect(net.layers[0].weights[3] - before.layers[0].weights[3]).toBeCloseTo(eta * delta2 * -1, 6);
  });

  it('initializes reproducibly from a seed and scales the weights', () => {
    const spec: DenseNetworkSpec = {
      inputSize: 3,
      layers: [
        { units: 4, activation: 'relu' },
        { units: 1, activation: 'sigmoid' },
      ],
      useBias: true,
    };
    const a = createDenseNetwork(spec, { seed: 7 });
    const b = createDenseNetwork(spec, { seed: 7 });
    const small = createDenseNetwork(spec, { seed: 7, scale: 0.1 });
    expect(Array.from(a.layers[0].weights)).toEqual(Array.from(b.layers[0].weights));
    small.layers[0].weights.forEach((w, i) => expect(w).toBeCloseTo(0.1 * a.layers[0].weights[i], 6));
    expect(Array.from(createDenseNetwork(spec, { seed: 8 }).layers[0].weights)).not.toEqual(Array.from(a.layers[0].weights));
  });

  it('drops hidden neurons with dropout and keeps the expected activation', () => {
    const spec: DenseNetworkSpec = {
      inputSize: 2,
      layers: [
        { units: 200, activation: 'relu' },
        { units: 1, activation: 'identity' },
      ],
      useBias: false,
    };
    const net = createDenseNetwork(spec, { seed: 3 });
    const pass = forwardPass(net, [1, 1], { rate: 0.5, random: createSeededRandom(5) });
    const mask = pass.layers[0].dropoutMask;
    expect(mask).not.toBeNull();
    const dropped = Array.from(mask ?? []).filter((m) => m === 0).length;
    expect(dropped).toBeGreaterThan(70);
    expect(dropped).toBeLessThan(130);
    expect(Array.from(mask ?? []).every((m) => m === 0 || m === 2)).toBe(true);
    expect(pass.layers[1].dropoutMask).toBeNull();
  });

  it('learns a separable problem with mini-batches and L2', () => {
    const spec: DenseNetworkSpec = {
      inputSize: 2,
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      useBias: true,
    };
    const net = createDenseNetwork(spec, { seed: 11 });
    const random = createSeededRandom(12);
    const inputs = Array.from({ length: 60 }, () => [random.uniform(-1, 1), random.uniform(-1, 1)]);
    const targets = inputs.map(([a, b]) => [a + b > 0 ? 1 : 0]);
    const before = datasetLoss(net, inputs, targets, 'crossEntropy');
    for (let epoch = 0; epoch < 200; epoch++) trainOnBatch(net, inputs, targets, { learningRate: 0.5, loss: 'crossEntropy', l2: 0.001 });
    expect(datasetLoss(net, inputs, targets, 'crossEntropy')).toBeLessThan(before / 3);
  });
});

describe('XOR exercise of seed 000 (2-2-1 tanh, {-1, 1})', () => {
  it('converges from the default weights and more slowly from the same weights x0.1', () => {
    const normal = xorIterationsToConverge(XOR_DEFAULT_SETTINGS);
    const small = xorIterationsToConverge({ ...XOR_DEFAULT_SETTINGS, initialScale: 0.1 });
    console.info(`XOR iterations to mean J < 0.01: default ${normal}, x0.1 ${small}`);
    expect(normal).not.toBeNull();
    expect(small).not.toBeNull();
    expect(small ?? 0).toBeGreaterThan(2 * (normal ?? Infinity));
  });

  it('classifies all four patterns after convergence, and the x0.1 start sits on a plateau first', () => {
    const experiment = startXorExperiment(XOR_DEFAULT_SETTINGS);
    let record = stepXorExperiment(experiment);
    while (record.loss >= 0.01) record = stepXorExperiment(experiment);
    XOR_INPUTS.forEach((x, p) => {
      const z = forwardPass(experiment.network, x).layers[1].output[0];
      expect(Math.sign(z)).toBe(XOR_TARGETS[p][0]);
    });
    expect(record.outputDeltas.size).toBe(4);
    expect(record.parameters).toHaveLength(9);

    const small = startXorExperiment({ ...XOR_DEFAULT_SETTINGS, initialScale: 0.1 });
    for (let i = 0; i < 500; i++) stepXorExperiment(small);
    // Near zero weights every output is ≈ 0, so J ≈ ½ per pattern and the weights barely move: a plateau.
    expect(datasetLoss(small.network, XOR_INPUTS, XOR_TARGETS, 'mse')).toBeGreaterThan(0.45);
  });

  it('cannot be solved without bias: every neuron is odd, so the mean J never goes below 0.5', () => {
    for (const initialScale of [1, 0.1]) {
      const experiment = startXorExperiment({ ...XOR_DEFAULT_SETTINGS, useBias: false, initialScale });
      let lowest = experiment.initialLoss;
      for (let i = 0; i < 5000; i++) lowest = Math.min(lowest, stepXorExperiment(experiment).loss);
      // z(1, 1) = -z(-1, -1) with the same target -1: ½(1 + z)² + ½(1 - z)² = 1 + z² ≥ 1 per pair, mean ≥ 0.5.
      expect(lowest).toBeGreaterThan(0.5 - 1e-9);
      const z = XOR_INPUTS.map((x) => forwardPass(experiment.network, x).layers[1].output[0]);
      expect(z[2]).toBeCloseTo(-z[0], 12);
      expect(z[3]).toBeCloseTo(-z[1], 12);
    }
    expect(xorIterationsToConverge({ ...XOR_DEFAULT_SETTINGS, useBias: false }, 0.01, 5000)).toBeNull();
  });

  it('cannot be solved without hidden non-linearity: one tanh neuron stays at J >= 0.5 on average', () => {
    const spec: DenseNetworkSpec = { inputSize: 2, layers: [{ units: 1, activation: 'tanh' }], useBias: true };
    const net = networkFromWeights(spec, [[[0.3, -0.2]]], [[0.1]]);
    for (let i = 0; i < 2000; i++) trainOnBatch(net, XOR_INPUTS, XOR_TARGETS, { learningRate: 0.1, loss: 'mse' });
    expect(datasetLoss(net, XOR_INPUTS, XOR_TARGETS, 'mse')).toBeGreaterThan(0.45);
  });
});
