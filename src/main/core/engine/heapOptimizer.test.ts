import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { initBackend } from './backends';
import { heapOptimizer } from './heapOptimizer';
import { tfjsOptimizer } from './tfjsOptimizer';

beforeAll(async () => {
  await initBackend('wasm');
});

type Settings = Parameters<typeof tfjsOptimizer>[0];

/** Weights after `steps` updates with seeded gradients, by tfjs's optimizer or ours, on the wasm backend. */
function train(settings: Settings, fused: boolean, steps: number, shapes: number[][]): Float32Array[] {
  const random = createSeededRandom(9);
  const variables = shapes.map((shape, i) =>
    tf.tidy(() =>
      tf.variable(
        tf.tensor(
          Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.uniform(-1, 1)),
          shape,
        ),
        true,
        `w${fused ? 'f' : 't'}${i}_${Math.random()}`,
      ),
    ),
  );
  const optimizer = fused ? heapOptimizer(settings)! : tfjsOptimizer(settings);
  expect(optimizer).not.toBeNull();
  for (let step = 0; step < steps; step++) {
    tf.tidy(() => {
      const grads: tf.NamedTensorMap = {};
      variables.forEach((v) => {
        grads[v.name] = tf.tensor(
          Float32Array.from({ length: v.size }, () => random.uniform(-2, 2)),
          v.shape,
        );
      });
      optimizer.applyGradients(grads);
    });
  }
  const out = variables.map((v) => v.dataSync().slice() as Float32Array);
  optimizer.dispose();
  tf.dispose(variables);
  return out;
}

describe('fused optimizers on the wasm heap', () => {
  // 1027 values: four at a time plus a scalar tail of 3.
  const shapes = [[3, 3, 1, 8], [8], [1027], [2]];
  const cases: Settings[] = [
    { optimizer: 'adam', learningRate: 0.01, momentum: 0 },
    { optimizer: 'rmsprop', learningRate: 0.01, momentum: 0 },
    { optimizer: 'minibatch', learningRate: 0.1, momentum: 0.9 },
    { optimizer: 'minibatch', learningRate: 0.1, momentum: 0 },
    { optimizer: 'sgd', learningRate: 0.05, momentum: 0 },
  ];
  for (const settings of cases) {
    it(`${settings.optimizer}${settings.momentum ? ' with momentum' : ''}: the same weights as tfjs's optimizer after 12 steps`, () => {
      const expected = train(settings, false, 12, shapes);
      const actual = train(settings, true, 12, shapes);
      actual.forEach((values, t) =>
        values.forEach((v, i) => expect(Math.abs(v - expected[t][i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected[t][i])))),
      );
    });
  }

  it('leaves no tensor behind after dispose, and never writes into memory another tensor shares', () => {
    const before = tf.memory().numTensors;
    const w = tf.tidy(() => tf.variable(tf.tensor1d([1, 2, 3, 4, 5]), true, `shared_${Math.random()}`));
    const view = tf.reshape(w, [5, 1]); // shares w's memory
    const optimizer = heapOptimizer({ optimizer: 'sgd', learningRate: 1, momentum: 0 })!;
    tf.tidy(() => optimizer.applyGradients({ [w.name]: tf.ones([5]) }));
    expect(Array.from(w.dataSync())).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(view.dataSync())).toEqual([1, 2, 3, 4, 5]);
    optimizer.dispose();
    tf.dispose([w, view]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('fused optimizers in training', () => {
  it('a conv + pool + dense network on wasm learns exactly as with tfjs optimizers (the weights XNNPACK packs change every step)', async () => {
    const { TfjsEngine } = await import('./tfjsEngine');
    const { prepareTrainingData } = await import('./trainingData');
    const { parseModelSpec } = await import('../../../shared/models/modelSpec');
    const { trainingSettingsSchema } = await import('../../../shared/models/trainingSettings');
    const { heapOptimizerOptions } = await import('./heapOptimizer');
    await tf.setBackend('wasm');
    const spec = parseModelSpec({
      inputShape: [8, 8, 1],
      seed: 3,
      layers: [
        { type: 'conv2d', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' },
        { type: 'maxPool', poolSize: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 6, activation: 'relu' },
        { type: 'output', units: 3, activation: 'softmax' },
      ],
    });
    const random = createSeededRandom(5);
    const data = prepareTrainingData(
      {
        sampleShape: [8, 8, 1],
        features: Array.from({ length: 24 * 64 }, () => random.next()),
        labels: Array.from({ length: 24 }, (_, i) => i % 3),
      },
      3,
    );
    const losses = (fused: boolean, optimizer: 'adam' | 'sgd'): number[] => {
      heapOptimizerOptions.enabled = fused;
      try {
        const engine = new TfjsEngine(spec, trainingSettingsSchema.parse({ optimizer, learningRate: 0.05, batchSize: 8 }), data);
        const out: number[] = [];
        for (let step = 0; step < 12; step++)
          out.push(
            engine.trainBatch(
              Int32Array.from({ length: 8 }, (_, i) => (step * 8 + i) % 24),
              true,
            )!.loss,
          );
        engine.dispose();
        return out;
      } finally {
        heapOptimizerOptions.enabled = true;
      }
    };
    for (const optimizer of ['adam', 'sgd'] as const) {
      const expected = losses(false, optimizer);
      const actual = losses(true, optimizer);
      actual.forEach((loss, i) => expect(Math.abs(loss - expected[i])).toBeLessThan(1e-5));
      expect(actual[11]).not.toBe(actual[0]);
    }
  });
});
