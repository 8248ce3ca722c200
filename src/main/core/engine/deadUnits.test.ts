import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import { parseModelSpec } from '../../../shared/models/modelSpec';
import { trainingSettingsSchema } from '../../../shared/models/trainingSettings';
import { countDeadUnits, deadUnitProbe, DEAD_UNIT_PROBE_SIZE, dyingLayers, mostDeadLayer } from './deadUnits';
import { DidacticEngine } from './didacticEngine';
import { runTrainingLoop, type EpochRecord } from './trainLoop';
import { TfjsEngine } from './tfjsEngine';
import { prepareTrainingData } from './trainingData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('dead units: counting', () => {
  it('a unit is dead when it outputs 0 for every row; channels are the last axis', () => {
    // 3 rows of 4 units: unit 1 is always 0, unit 3 fires once.
    expect(countDeadUnits([0.5, 0, 0, 0, 0.2, 0, 0, 0, 0, 0, 0, 0.1], 4)).toBe(2);
    expect(countDeadUnits([], 3)).toBe(3);
    expect(
      mostDeadLayer([
        { layer: 0, units: 10, dead: 4 },
        { layer: 2, units: 4, dead: 4 },
      ]),
    ).toEqual({ layer: 2, units: 4, dead: 4 });
    expect(mostDeadLayer([])).toBeNull();
  });

  it('only hidden ReLU dense and convolution layers can die; the probe is the first training samples', () => {
    const spec = parseModelSpec({
      inputShape: [8, 8, 1],
      layers: [
        { type: 'conv2d', filters: 2, kernelSize: 3 },
        { type: 'maxPool' },
        { type: 'flatten' },
        { type: 'dense', units: 4, activation: { kind: 'leakyRelu', alpha: 0.1 } },
        { type: 'dense', units: 3, activation: 'relu' },
        { type: 'output', units: 2, activation: 'softmax' },
      ],
    });
    expect(dyingLayers(spec)).toEqual([0, 4]);
    expect(deadUnitProbe(range(1000))).toEqual(range(DEAD_UNIT_PROBE_SIZE));
  });
});

/** Biases of a layer set to -1000 silence its units whatever the (bounded) inputs: a known number of dead units. */
function silence(snapshot: (Float32Array | Float64Array)[], biasIndex: number, units: number[]): (Float32Array | Float64Array)[] {
  return snapshot.map((values, i) => {
    if (i !== biasIndex) return values;
    const copy = values.slice();
    for (const unit of units) copy[unit] = -1000;
    return copy;
  });
}

describe('dead units: the engines', () => {
  const random = createSeededRandom(5);
  const samples = 300;
  const dense = parseModelSpec({
    inputShape: [6],
    seed: 3,
    layers: [
      { type: 'dense', units: 8, activation: 'relu', initializer: { method: 'heNormal', scale: 1 } },
      { type: 'dense', units: 5, activation: 'relu', initializer: { method: 'heNormal', scale: 1 } },
      { type: 'output', units: 3, activation: 'softmax' },
    ],
  });
  const data = prepareTrainingData(
    { sampleShape: [6], features: range(samples * 6).map(() => random.uniform(-1, 1)), labels: range(samples).map(() => random.int(3)) },
    3,
  );
  const settings = trainingSettingsSchema.parse({
    optimizer: 'minibatch',
    learningRate: 0.05,
    batchSize: 16,
    epochs: 3,
    loss: 'categoricalCrossEntropy',
  });

  it('didactic and tfjs count the same dead units of a dense net, the silenced ones included', () => {
    const didactic = new DidacticEngine(dense, settings, data);
    const tfjs = new TfjsEngine(dense, settings, data);
    try {
      // Layers' parameters in both engines' snapshots: [W0, b0, W1, b1, W2, b2]; b0 is 1, b1 is 3.
      didactic.restore(silence(silence(didactic.snapshot(), 1, [2, 5]), 3, [0]));
      tfjs.restore(silence(silence(tfjs.snapshot(), 1, [2, 5]), 3, [0]));
      const probe = deadUnitProbe(range(samples));
      const fromDidactic = didactic.deadUnits(probe);
      expect(fromDidactic.map((l) => [l.layer, l.units])).toEqual([
        [0, 8],
        [1, 5],
      ]);
      expect(fromDidactic[0].dead).toBeGreaterThanOrEqual(2);
      expect(fromDidactic[1].dead).toBeGreaterThanOrEqual(1);
      expect(tfjs.deadUnits(probe)).toEqual(fromDidactic);
    } finally {
      tfjs.dispose();
    }
  });

  it('tfjs counts the dead filters of a convolution (one unit per filter, at every position), as a plain loop does', () => {
    const spec = parseModelSpec({
      inputShape: [6, 6, 1],
      seed: 2,
      layers: [{ type: 'conv2d', filters: 4, kernelSize: 3 }, { type: 'flatten' }, { type: 'output', units: 2, activation: 'softmax' }],
    });
    const pixels = range(40 * 36).map(() => random.uniform(0, 1));
    const images = prepareTrainingData({ sampleShape: [6, 6, 1], features: pixels, labels: range(40).map(() => random.int(2)) }, 2);
    /** Reference: ReLU(conv 3×3 valid + b) by loops over the kernel [3, 3, 1, filters] (HWIO) and the images (NHWC). */
    const reference = (kernel: ArrayLike<number>, bias: ArrayLike<number>): number => {
      let dead = 0;
      for (let f = 0; f < 4; f++) {
        let fired = false;
        for (let n = 0; n < 40 && !fired; n++) {
          for (let y = 0; y < 4; y++) {
            for (let x = 0; x < 4; x++) {
              let sum = bias[f];
              for (let dy = 0; dy < 3; dy++)
                for (let dx = 0; dx < 3; dx++) sum += pixels[n * 36 + (y + dy) * 6 + (x + dx)] * kernel[(dy * 3 + dx) * 4 + f];
              if (sum > 0) fired = true;
            }
          }
        }
        if (!fired) dead++;
      }
      return dead;
    };
    const engine = new TfjsEngine(spec, settings, images);
    try {
      const before = engine.snapshot();
      expect(engine.deadUnits(range(40))).toEqual([{ layer: 0, units: 4, dead: reference(before[0], before[1]) }]);
      const silenced = silence(before, 1, [1, 3]);
      engine.restore(silenced);
      const [after] = engine.deadUnits(range(40));
      expect(after.dead).toBe(reference(silenced[0], silenced[1]));
      expect(after.dead).toBeGreaterThanOrEqual(2);
    } finally {
      engine.dispose();
    }
  });

  it('the training loop records them after every epoch (a sigmoid net has none to count)', () => {
    const records: EpochRecord[] = [];
    const result = runTrainingLoop({
      spec: dense,
      settings,
      data,
      folds: [{ train: range(240), validation: range(60).map((i) => 240 + i) }],
      createEngine: () => new DidacticEngine(dense, settings, data),
      events: { batch: () => undefined, epoch: (record) => records.push(record) },
    });
    result.finalEngine?.dispose();
    expect(records).toHaveLength(3);
    for (const record of records) expect(record.deadUnits.map((l) => l.layer)).toEqual([0, 1]);
    const sigmoid = parseModelSpec({
      inputShape: [6],
      layers: [
        { type: 'dense', units: 4, activation: 'sigmoid' },
        { type: 'output', units: 3, activation: 'softmax' },
      ],
    });
    expect(new DidacticEngine(sigmoid, settings, data).deadUnits(range(50))).toEqual([]);
  });
});
