/**
 * Time per epoch of the didactic engine alone on the bench's MLP 320-18-10 (sigmoid, softmax, cross-entropy,
 * minibatch SGD), 5000 random samples: wall and CPU time (process.cpuUsage), minimum over epochs, with the load
 * average. For profiling (`node --cpu-prof --import tsx bench/mlpEpoch.ts`) and comparing variants quickly.
 * Run: `npx tsx bench/mlpEpoch.ts [epochs] [batch]` (defaults 10, 32). The engine takes its fused WebAssembly pass
 * (wasmDense/fusedDense.ts) here; FUSED=0 times the JavaScript path instead.
 */
import { readFileSync } from 'node:fs';
import { createSeededRandom, shuffledIndices } from '../src/shared/didactic/seededRandom';
import { parseModelSpec } from '../src/shared/models/modelSpec';
import { modelPresets } from '../src/shared/models/presets';
import { trainingSettingsSchema } from '../src/shared/models/trainingSettings';
import { DidacticEngine, fusedDenseOptions } from '../src/main/core/engine/didacticEngine';
import { prepareTrainingData } from '../src/main/core/engine/trainingData';

const epochs = Number(process.argv[2] ?? 10);
const batchSize = Number(process.argv[3] ?? 32);
const samples = 5000;
const spec = parseModelSpec(modelPresets.mlp320_18_10);
const random = createSeededRandom(42);
const data = prepareTrainingData(
  {
    sampleShape: [320],
    features: Float32Array.from({ length: samples * 320 }, () => random.next()),
    labels: Int32Array.from({ length: samples }, () => random.int(10)),
  },
  10,
);
const settings = trainingSettingsSchema.parse({
  loss: 'categoricalCrossEntropy',
  optimizer: batchSize === 1 ? 'sgd' : 'minibatch',
  learningRate: 0.1,
  batchSize,
  epochs,
});
fusedDenseOptions.enabled = process.env.FUSED !== '0';
const engine = new DidacticEngine(spec, settings, data);
const order = random;
let wall = Infinity;
let cpu = Infinity;
let loss = 0;
for (let e = 0; e < epochs; e++) {
  const perm = Int32Array.from(shuffledIndices(samples, order));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let b = 0; b < samples; b += batchSize)
    engine.trainBatch(perm.subarray(b, Math.min(samples, b + batchSize)), b + batchSize >= samples);
  const c = process.cpuUsage(c0);
  wall = Math.min(wall, (performance.now() - t0) / 1000);
  cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  loss = engine.takeEpochTotals().loss;
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  `batch ${batchSize}${engine.fusedPass ? ' (fused)' : ''}: wall ${wall.toFixed(4)} s  cpu ${cpu.toFixed(4)} s  (min of ${epochs})  loss ${loss.toFixed(6)}  load ${load}`,
);
