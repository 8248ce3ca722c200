/**
 * How far the didactic engine's MLP kernel is from this CPU's peak, in multiply-adds (MACs) per second.
 *
 *   kernel      one epoch of the bench's MLP 320-18-10 (sigmoid, softmax, cross-entropy, SGD, batch 32, 5000
 *               samples) on the fused WebAssembly pass, its MACs counted: forward and weight gradients
 *               5000 × (320·18 + 18·10) each, sensitivities sent back 5000 × 18·10, one per weight per update.
 *   wasm peak   theoretical: two f32x4 multiplies and two f32x4 adds per cycle; and measured: bench/mlpPeak.wat, independent f32x4 multiplies and adds with nothing else to wait for
 *               (compiled with wabt's wat2wasm). wasm has no fused multiply-add, so one MAC is a mul and an add.
 *   native      theoretical, from /proc/cpuinfo (flags and MHz) and the core's known FMA pipes (printed with the
 *               assumption); and measured when numpy is there: a 1024² float32 matrix product on one thread (per CPU
 *               second, like the rest).
 *
 * Rates are printed per second of CPU time (process.cpuUsage), which on a loaded machine is what the core did while
 * it ran us, and per second of wall time. Rounds interleave the kernel and the peak loop; medians.
 * Run: `npx tsx bench/mlpPeak.ts [rounds]` (default 7).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWatToBase64 } from '../src/main/core/engine/testing/wat2wasm';
import { createSeededRandom, shuffledIndices } from '../src/shared/didactic/seededRandom';
import { parseModelSpec } from '../src/shared/models/modelSpec';
import { modelPresets } from '../src/shared/models/presets';
import { trainingSettingsSchema } from '../src/shared/models/trainingSettings';
import { DidacticEngine } from '../src/main/core/engine/didacticEngine';
import { prepareTrainingData } from '../src/main/core/engine/trainingData';

const rounds = Number(process.argv[2] ?? 7);
const SAMPLES = 5000;
const BATCH = 32;
const EPOCHS_PER_ROUND = 5;
const PEAK_ITERATIONS = 50_000_000;
const PEAK_MACS_PER_ITERATION = 24;

interface Rate {
  wall: number;
  cpu: number;
}

function timed(work: () => void, macs: number): Rate {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  work();
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(c0);
  return { wall: macs / wall, cpu: macs / ((used.user + used.system) / 1e6) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function g(value: number): string {
  return `${(value / 1e9).toFixed(2)} G`;
}

function cpuInfo(): { model: string; mhz: number; flags: Set<string>; vendor: string; family: number } {
  const text = readFileSync('/proc/cpuinfo', 'utf8');
  const field = (name: string): string => new RegExp(`^${name}\\s*: (.*)$`, 'm').exec(text)?.[1] ?? '';
  return {
    model: field('model name'),
    mhz: Number(field('cpu MHz')),
    flags: new Set(field('flags').split(' ')),
    vendor: field('vendor_id'),
    family: Number(field('cpu family')),
  };
}

/** Native float32 MACs per cycle of one core: FMA pipes × lanes, with the assumption that gives them. */
function nativePerCycle(cpu: ReturnType<typeof cpuInfo>): { perCycle: number; why: string } {
  const { flags } = cpu;
  if (flags.has('avx512f') && cpu.vendor === 'AuthenticAMD' && cpu.family === 25)
    return { perCycle: 16, why: 'AMD Zen 4 (family 25, avx512f): two 256-bit FMA pipes, a 512-bit FMA takes both' };
  if (flags.has('avx512f')) return { perCycle: 32, why: 'avx512f: assumed two 512-bit FMA units (Intel server cores)' };
  if (flags.has('fma') && flags.has('avx2')) return { perCycle: 16, why: 'avx2 + fma: two 256-bit FMA units' };
  return { perCycle: 8, why: 'SSE: a 128-bit multiply and add per cycle each (assumed)' };
}

function sgemmOneThread(): number | null {
  try {
    const out = execFileSync(
      process.env.PYTHON ?? '/usr/bin/python3',
      [
        '-c',
        'import numpy as np,time\na=np.random.rand(1024,1024).astype(np.float32);a@a\nb=[]\nfor _ in range(5):\n t=time.process_time();a@a;b.append(time.process_time()-t)\nprint(1024**3/sorted(b)[2])',
      ],
      { encoding: 'utf8', env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' } },
    );
    return Number(out.trim());
  } catch {
    return null;
  }
}

const peakModule = new WebAssembly.Module(Buffer.from(compileWatToBase64(join(import.meta.dirname, 'mlpPeak.wat')), 'base64'));
const peak = (new WebAssembly.Instance(peakModule, {}).exports as { peak(iterations: number, scale: number): number }).peak;

const spec = parseModelSpec(modelPresets.mlp320_18_10);
const random = createSeededRandom(42);
const data = prepareTrainingData(
  {
    sampleShape: [320],
    features: Float32Array.from({ length: SAMPLES * 320 }, () => random.next()),
    labels: Int32Array.from({ length: SAMPLES }, () => random.int(10)),
  },
  10,
);
const settings = trainingSettingsSchema.parse({
  loss: 'categoricalCrossEntropy',
  optimizer: 'minibatch',
  learningRate: 0.1,
  batchSize: BATCH,
  epochs: 1,
});
const engine = new DidacticEngine(spec, settings, data);
const batches = Math.ceil(SAMPLES / BATCH);
const layers = engine.network.layers;
const products = layers.reduce((sum, l) => sum + l.inputSize * l.units, 0);
const parameters = layers.reduce((sum, l) => sum + l.inputSize * l.units + (l.biases ? l.units : 0), 0);
const backSent = layers.slice(1).reduce((sum, l) => sum + l.inputSize * l.units, 0);
const macsPerEpoch = SAMPLES * (2 * products + backSent) + batches * parameters;
const orders = Array.from({ length: EPOCHS_PER_ROUND }, () => Int32Array.from(shuffledIndices(SAMPLES, random)));

function epochs(): void {
  for (const order of orders) {
    for (let b = 0; b < SAMPLES; b += BATCH) engine.trainBatch(order.subarray(b, Math.min(SAMPLES, b + BATCH)), false);
    engine.takeEpochTotals();
  }
}

const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
// Warm-up: V8 first runs wasm on its baseline compiler and swaps in optimised code between calls (never inside one).
epochs();
for (let i = 0; i < 20; i++) peak(100_000, 1);
const kernel: Rate[] = [];
const wasmPeak: Rate[] = [];
for (let r = 0; r < rounds; r++) {
  kernel.push(timed(epochs, EPOCHS_PER_ROUND * macsPerEpoch));
  wasmPeak.push(timed(() => peak(PEAK_ITERATIONS, 1), PEAK_ITERATIONS * PEAK_MACS_PER_ITERATION));
}
const sgemm = sgemmOneThread();
const cpu = cpuInfo();
const native = nativePerCycle(cpu);
const nativePeak = native.perCycle * cpu.mhz * 1e6;
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const k = { cpu: median(kernel.map((x) => x.cpu)), wall: median(kernel.map((x) => x.wall)) };
const w = { cpu: median(wasmPeak.map((x) => x.cpu)), wall: median(wasmPeak.map((x) => x.wall)) };
console.log(
  `${cpu.model}, ${cpu.mhz} MHz, Node ${process.version}, fused pass ${engine.fusedPass ? 'on' : 'off'}; load ${loadBefore} before, ${load} after`,
);
console.log(
  `MLP 320-18-10 batch ${BATCH}: ${(macsPerEpoch / 1e6).toFixed(1)} M multiply-adds per epoch; medians of ${rounds} rounds (MAC/s per CPU second, per wall second):`,
);
console.log(
  `  kernel (whole epochs)       ${g(k.cpu)}  ${g(k.wall)}   (${((macsPerEpoch / k.cpu) * 1000).toFixed(2)} ms of CPU per epoch)`,
);
console.log(`  wasm SIMD peak, measured    ${g(w.cpu)}  ${g(w.wall)}   kernel = ${((100 * k.cpu) / w.cpu).toFixed(0)} % of it`);
console.log(
  `  wasm SIMD peak, theoretical ${g(8 * cpu.mhz * 1e6)}  (two f32x4 multiplies and two adds per cycle, as Zen 4's FP pipes issue them)   kernel = ${((100 * k.cpu) / (8 * cpu.mhz * 1e6)).toFixed(0)} % of it`,
);
console.log(
  `  native peak, theoretical    ${g(nativePeak)}  (${native.perCycle} MAC/cycle × ${cpu.mhz} MHz: ${native.why})   kernel = ${((100 * k.cpu) / nativePeak).toFixed(0)} % of it`,
);
if (sgemm)
  console.log(
    `  native sgemm 1024², 1 thread ${g(sgemm)}  (numpy, per CPU second, median of 5)   kernel = ${((100 * k.cpu) / sgemm).toFixed(0)} % of it`,
  );
