/**
 * One training batch of the DESIGN.md CNN (batch 64, Adam, 28x28 random seeded images) on one thread of the wasm
 * backend: wall time of single batches (minimum and 10th percentile over ROUNDS × 20) and CPU time per batch (minimum over ROUNDS rounds of 20 batches) and, with `profile`, the tfjs kernels of
 * one batch summed by name (minimum over 15 profiled batches). Used to find where a one-worker batch spends its time.
 *
 * Run: `npx tsx bench/cnnBatch.ts [profile]` (ROUNDS=8 by default). Prints the load average: on a shared machine
 * compare CPU times, not wall times.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { createSeededRandom } from '../src/shared/didactic/seededRandom';
import { parseModelSpec } from '../src/shared/models/modelSpec';
import { modelPresets } from '../src/shared/models/presets';
import { trainingSettingsSchema } from '../src/shared/models/trainingSettings';
import { initBackend } from '../src/main/core/engine/backends';
import { registerWasmTrainingKernels } from '../src/main/core/engine/wasmTrainingKernels';
import { TfjsEngine } from '../src/main/core/engine/tfjsEngine';
import { prepareTrainingData } from '../src/main/core/engine/trainingData';

const rounds = Math.max(1, Number(process.env.ROUNDS ?? 8));
const loadAverage = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  await initBackend('wasm');
  registerWasmTrainingKernels();
  const spec = parseModelSpec(modelPresets.cnnDesign28);
  const samples = 1024;
  const random = createSeededRandom(42);
  const features = Float32Array.from({ length: samples * 784 }, () => random.next());
  const labels = Int32Array.from({ length: samples }, () => random.int(10));
  const settings = trainingSettingsSchema.parse({ optimizer: 'adam', learningRate: 1e-3, batchSize: 64, epochs: 1, engine: 'tfjs' });
  const data = prepareTrainingData({ sampleShape: spec.inputShape, features, labels }, 10);
  const engine = new TfjsEngine(spec, settings, data);
  const batches = samples / 64;
  const indices = (b: number): Int32Array => Int32Array.from({ length: 64 }, (_, i) => ((b % batches) * 64 + i * 7) % samples);
  console.log(`load average ${loadAverage()}`);
  for (let b = 0; b < 60; b++) engine.trainBatch(indices(b), false);
  if (process.argv[2] === 'profile') {
    const best = new Map<string, number>();
    const counts = new Map<string, number>();
    for (let r = 0; r < 15; r++) {
      const info = await tf.profile(() => {
        engine.trainBatch(indices(r), false);
      });
      const sums = new Map<string, number>();
      const n = new Map<string, number>();
      if (r === 14 && process.env.DETAIL)
        for (const k of info.kernels)
          console.log(k.name, JSON.stringify(k.inputShapes), JSON.stringify(k.outputShapes), (k.kernelTimeMs as number).toFixed(3));
      for (const k of info.kernels) {
        sums.set(k.name, (sums.get(k.name) ?? 0) + (k.kernelTimeMs as number));
        n.set(k.name, (n.get(k.name) ?? 0) + 1);
      }
      for (const [name, ms] of sums) best.set(name, Math.min(best.get(name) ?? Infinity, ms));
      for (const [name, c] of n) counts.set(name, c);
    }
    const rows = [...best.entries()].sort((a, b) => b[1] - a[1]);
    let total = 0;
    for (const [name, ms] of rows) {
      total += ms;
      console.log(`${name.padEnd(28)} ${String(counts.get(name)).padStart(4)} ${ms.toFixed(3)} ms`);
    }
    console.log(`kernels total ${total.toFixed(3)} ms, ${[...counts.values()].reduce((a, b) => a + b, 0)} kernels`);
  }
  // Each batch timed alone too: its minimum wall time is the least disturbed by other processes.
  const cpu: number[] = [];
  const single: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = cpuMs();
    for (let b = 0; b < 20; b++) {
      const w0 = performance.now();
      engine.trainBatch(indices(b), false);
      single.push(performance.now() - w0);
    }
    cpu.push((cpuMs() - c0) / 20);
  }
  single.sort((a, b) => a - b);
  console.log(
    `per batch: wall min ${single[0].toFixed(2)} ms, 10th percentile ${single[Math.floor(single.length / 10)].toFixed(2)} ms; CPU (process, all threads) min of ${rounds} × 20 batches ${Math.min(...cpu).toFixed(2)} ms; load average ${loadAverage()}`,
  );
  const w = engine.snapshot();
  // The sum of the weights: equal between two versions of a kernel that train the same numbers.
  console.log(`checksum ${w.reduce((s, a) => s + Array.from(a).reduce((x, y) => x + y, 0), 0)}`);
}
void main();
