import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../../shared/didactic/seededRandom';
import { parseModelSpec } from '../../../../shared/models/modelSpec';
import { trainingSettingsSchema, type TrainingSettingsInput } from '../../../../shared/models/trainingSettings';
import { DidacticEngine, fusedDenseOptions } from '../didacticEngine';
import { prepareTrainingData } from '../trainingData';
import { wasmExp } from './fusedDense';

const INPUTS = 37; // blocks of 16 and 4 inputs and a scalar tail in the product kernels
const SAMPLES = 60;

function data() {
  const random = createSeededRandom(5);
  return prepareTrainingData(
    {
      sampleShape: [INPUTS],
      features: Array.from({ length: SAMPLES * INPUTS }, () => random.uniform(-2, 2)),
      labels: Array.from({ length: SAMPLES }, () => random.int(4)),
    },
    4,
  );
}

function engine(hidden: string[], fused: boolean, settings: Partial<TrainingSettingsInput> = {}): DidacticEngine {
  const spec = parseModelSpec({
    inputShape: [INPUTS],
    seed: 3,
    layers: [
      ...hidden.map((activation, k) => ({ type: 'dense', units: 9 + 2 * k, activation })),
      { type: 'output', units: 4, activation: 'softmax' },
    ],
  });
  const parsed = trainingSettingsSchema.parse({
    loss: 'categoricalCrossEntropy',
    optimizer: 'minibatch',
    batchSize: 16,
    learningRate: 0.5,
    epochs: 1,
    ...settings,
  });
  fusedDenseOptions.enabled = fused;
  try {
    return new DidacticEngine(spec, parsed, data());
  } finally {
    fusedDenseOptions.enabled = true;
  }
}

/** Batches of every size from 16 down to 1 (the kernels' 4-sample blocks and their remainders), in a shuffled order. */
function batches(): Int32Array[] {
  const random = createSeededRandom(11);
  const result: Int32Array[] = [];
  for (let n = 16; n >= 1; n--) result.push(Int32Array.from({ length: n }, () => random.int(SAMPLES)));
  return result;
}

describe('the fused WebAssembly training pass', () => {
  for (const hidden of [['sigmoid'], ['relu', 'sigmoid'], ['identity']]) {
    it(`trains bit for bit what the JavaScript path trains (hidden ${hidden.join(', ')})`, () => {
      const fused = engine(hidden, true);
      const plain = engine(hidden, false);
      expect(fused.fusedPass).toBe(true);
      expect(plain.fusedPass).toBe(false);
      for (const batch of batches()) {
        const a = fused.trainBatch(batch, true)!;
        const b = plain.trainBatch(batch, true)!;
        expect(a).toEqual(b);
      }
      expect(fused.takeEpochTotals()).toEqual(plain.takeEpochTotals());
      const after = plain.snapshot();
      fused.snapshot().forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(after[i])));
      const all = Array.from({ length: SAMPLES }, (_, i) => i);
      expect(fused.evaluate(all)).toEqual(plain.evaluate(all));
    });
  }

  it('keeps its weights in step with snapshot and restore', () => {
    const fused = engine(['sigmoid'], true);
    const plain = engine(['sigmoid'], false);
    const start = fused.snapshot();
    const [first, second] = batches();
    fused.trainBatch(first, false);
    fused.restore(start);
    fused.trainBatch(second, false);
    plain.trainBatch(second, false);
    const after = plain.snapshot();
    fused.snapshot().forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(after[i])));
  });

  it('leaves what it does not handle to the JavaScript path (momentum, Adam, L2, tanh, MSE)', () => {
    expect(engine(['sigmoid'], true, { momentum: 0.9 }).fusedPass).toBe(false);
    expect(engine(['sigmoid'], true, { optimizer: 'adam' }).fusedPass).toBe(false);
    expect(engine(['sigmoid'], true, { l2: 0.01 }).fusedPass).toBe(false);
    expect(engine(['tanh'], true).fusedPass).toBe(false);
    expect(engine(['sigmoid'], true, { loss: 'mse' }).fusedPass).toBe(false);
  });

  it('computes e^x as Math.exp does (fdlibm), bit for bit, alone and two lanes at a time: max relative error 0', () => {
    const { exp, expPair } = wasmExp()!;
    const random = createSeededRandom(17);
    const special = [
      0,
      -0,
      1,
      -1,
      0.5 * Math.LN2,
      -0.5 * Math.LN2,
      1.5 * Math.LN2,
      1.0397207,
      -1.0397207,
      1.03972077,
      2 ** -28,
      -(2 ** -29),
    ];
    const extreme = [1e-300, 700, 700.5, -700.5, 709.78, 709.8, -708.5, -720, -745.1, -745.2, Infinity, -Infinity];
    let maxRelative = 0;
    let mismatches = 0;
    const compare = (got: number, want: number): void => {
      if (!Object.is(got, want)) mismatches++;
      if (want !== 0 && Number.isFinite(want)) maxRelative = Math.max(maxRelative, Math.abs(got - want) / want);
    };
    const check = (a: number, b: number): void => {
      const [pa, pb] = expPair(a, b);
      compare(exp(a), Math.exp(a));
      compare(pa, Math.exp(a));
      compare(pb, Math.exp(b));
    };
    [...special, ...extreme].forEach((x, k, all) => check(x, all[(k + 5) % all.length]));
    for (let k = 0; k < 500_000; k++) check(random.uniform(-1.2, 1.2), random.uniform(-40, 40));
    for (let k = 0; k < 500_000; k++) check(random.uniform(-745, 710), random.uniform(-0.4, 0.4) * 2 ** -random.int(40));
    expect(Number.isNaN(exp(Number.NaN))).toBe(true);
    expect(expPair(Number.NaN, 1).map(Number.isNaN)).toEqual([true, false]);
    expect({ mismatches, maxRelative }).toEqual({ mismatches: 0, maxRelative: 0 });
  });
});
