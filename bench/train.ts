/**
 * Seconds per epoch of Sinapsis's trainer (src/main/core/engine, our own loop: the didactic engine for dense nets,
 * tfjs for the CNN) against PyTorch and scikit-learn measured in the same run (bench/train_peers.py through
 * /usr/bin/python3 when torch/sklearn are installed, e.g. Debian's python3-torch and python3-sklearn).
 *
 *   MLP 320-18-10 (sigmoid, softmax, cross-entropy, SGD), 5000 samples, batch 32 and batch 1
 *   CNN 28x28 conv8-pool-conv16-pool-dense64-drop-10 (DESIGN.md), 5000 images, batch 64, Adam
 *
 * The batch-32 MLP row alternates Sinapsis, scikit-learn and PyTorch over MLP_ROUNDS rounds (default 5) and prints
 * medians: its epoch is ~10 ms, which a busy moment of a shared machine easily doubles.
 * Run: `npx tsx bench/train.ts [epochs]` (default 5 for the MLPs, whose first epoch is JIT warm-up and takes ~4x longer
 * in Sinapsis, so 3 left two real ones to take the minimum of on a shared machine; the CNN runs 4 epochs on
 * both sides, since tfjs needs about three to warm up; its rows, on one and on two workers, alternate with PyTorch over
 * CNN_ROUNDS rounds, default 3, and print medians and the two workers' hand-over cost per batch). Data are random and seeded: only the time matters here. The
 * load average is printed before and after: on a shared machine, compare runs only at similar loads. Set PYTHON to
 * use another interpreter. CPU time (process.cpuUsage between epoch events here, process_time in Python) is printed
 * next to the wall time: PyTorch uses both cores, Sinapsis one (two with two workers). bench/cnnWorkers.ts times the
 * CNN alone (batch sizes for the two-worker rule) and compares the test accuracy of one and two workers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createSeededRandom } from '../src/shared/didactic/seededRandom';
import { parseModelSpec } from '../src/shared/models/modelSpec';
import { modelPresets } from '../src/shared/models/presets';
import { trainingSettingsSchema, type TrainingSettingsInput } from '../src/shared/models/trainingSettings';
import type { BackendPreference } from '../src/shared/contract/app';
import { runTrainingJob } from '../src/main/core/engine/trainingJob';
import type { ExchangeTimes } from '../src/main/core/engine/dataParallel';

const epochs = Math.max(2, Number(process.argv[2] ?? 5));
/** Interleaved rounds of the CNN rows (one worker, two workers, PyTorch); CNN_ROUNDS=1 for a quick look. */
const cnnRounds = Math.max(1, Number(process.env.CNN_ROUNDS ?? 3));
const python = process.env.PYTHON ?? '/usr/bin/python3';

interface Row {
  task: string;
  ours: string;
  seconds: number;
  cpu: number;
  peers: { library: string; seconds: number; cpu?: number }[];
}

function randomData(samples: number, size: number, classes: number): { features: Float32Array; labels: Int32Array } {
  const random = createSeededRandom(42);
  return {
    features: Float32Array.from({ length: samples * size }, () => random.next()),
    labels: Int32Array.from({ length: samples }, () => random.int(classes)),
  };
}

async function timeOurs(
  presetId: 'mlp320_18_10' | 'cnnDesign28',
  samples: number,
  settings: TrainingSettingsInput,
  backend: BackendPreference,
  runEpochs = epochs,
): Promise<{ seconds: number; cpu: number; engine: string; backend: string | null; exchange: ExchangeTimes | null }> {
  const spec = parseModelSpec(presetId === 'mlp320_18_10' ? modelPresets.mlp320_18_10 : modelPresets.cnnDesign28);
  const size = spec.inputShape.reduce((a, b) => a * b, 1);
  const data = randomData(samples, size, 10);
  const times: number[] = [];
  const cpu: number[] = [];
  let last = 0;
  let lastCpu = process.cpuUsage();
  const outcome = await runTrainingJob(
    {
      spec,
      settings: trainingSettingsSchema.parse({ loss: 'categoricalCrossEntropy', epochs: runEpochs, ...settings }),
      data: { sampleShape: spec.inputShape, features: data.features, labels: data.labels },
      folds: [{ train: Array.from({ length: samples }, (_, i) => i), validation: [] }],
      backend,
    },
    {
      batch: () => undefined,
      epoch: (record) => {
        times.push((record.elapsedMs - last) / 1000);
        last = record.elapsedMs;
        const used = process.cpuUsage(lastCpu);
        cpu.push((used.user + used.system) / 1e6);
        lastCpu = process.cpuUsage();
      },
    },
  );
  const fastest = times.indexOf(Math.min(...times));
  return { seconds: times[fastest], cpu: cpu[fastest], engine: outcome.engine, backend: outcome.backend, exchange: outcome.exchange };
}

function peer(task: string, samples: number, peerEpochs = epochs): { library: string; seconds: number; cpu?: number } | null {
  try {
    const out = execFileSync(python, ['bench/train_peers.py', task, String(samples), String(peerEpochs)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 1_800_000,
    });
    const parsed = JSON.parse(out.trim().split('\n').pop()!) as { library: string; seconds: number; cpu?: number };
    return parsed;
  } catch (error) {
    console.error(`(peer ${task} unavailable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    return null;
  }
}

/** Four decimals below 0.1 s, where the MLP's epochs are. */
function seconds(value: number): string {
  return value.toFixed(value < 0.1 ? 4 : 3);
}

function label(result: { engine: string; backend: string | null }): string {
  return result.backend ? `${result.engine} (${result.backend})` : result.engine;
}

/** Interleaved rounds of the batch-32 MLP row (MLP_ROUNDS=1 for a quick look). */
const MLP_ROUNDS = Math.max(1, Number(process.env.MLP_ROUNDS ?? 5));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const rows: Row[] = [];
  const sgd = { optimizer: 'minibatch', learningRate: 0.1 } as const;

  // The MLP's epoch is ~10 ms, so one busy moment of the machine can double it: rounds alternate Sinapsis,
  // scikit-learn and PyTorch (each the fastest of `epochs` epochs, as before) and the row shows each one's median.
  const mlpRounds: { ours: Awaited<ReturnType<typeof timeOurs>>; peers: ReturnType<typeof peer>[] }[] = [];
  for (let round = 0; round < MLP_ROUNDS; round++)
    mlpRounds.push({
      ours: await timeOurs('mlp320_18_10', 5000, { ...sgd, batchSize: 32 }, 'cpu'),
      peers: [peer('sklearn32', 5000), peer('mlp32', 5000)],
    });
  const mlp32tfjs = await timeOurs('mlp320_18_10', 5000, { ...sgd, batchSize: 32, engine: 'tfjs' }, 'wasm');
  const mlp32Peers = [0, 1].flatMap((k) => {
    const runs = mlpRounds.map((r) => r.peers[k]).filter((p) => p !== null);
    return runs.length
      ? [{ library: runs[0].library, seconds: median(runs.map((p) => p.seconds)), cpu: median(runs.map((p) => p.cpu ?? 0)) }]
      : [];
  });
  rows.push({
    task: `MLP 320-18-10, 5000 samples, batch 32 (medians of ${MLP_ROUNDS} interleaved rounds)`,
    ours: label(mlpRounds[0].ours),
    seconds: median(mlpRounds.map((r) => r.ours.seconds)),
    cpu: median(mlpRounds.map((r) => r.ours.cpu)),
    peers: [...mlp32Peers, { library: `Sinapsis ${label(mlp32tfjs)}`, seconds: mlp32tfjs.seconds, cpu: mlp32tfjs.cpu }],
  });

  const mlp1 = await timeOurs('mlp320_18_10', 5000, { optimizer: 'sgd', learningRate: 0.1 }, 'cpu');
  rows.push({
    task: 'MLP 320-18-10, 5000 samples, batch 1',
    ours: label(mlp1),
    seconds: mlp1.seconds,
    cpu: mlp1.cpu,
    peers: [peer('mlp1', 5000)].filter((p) => p !== null),
  });

  // The CNN on one and on two workers (dataParallel.ts) and PyTorch, interleaved round by round (the order turns
  // each round), each run's fastest epoch, then the median over the rounds: on a shared machine a burst of load
  // hits one run, not one side.
  const cnnEpochs = 4;
  const cnnSettings = { optimizer: 'adam', learningRate: 1e-3, batchSize: 64, engine: 'tfjs' } as const;
  const cnnRuns: { one: number[]; two: number[]; torch: number[]; oneCpu: number[]; twoCpu: number[]; torchCpu: number[] } = {
    one: [],
    two: [],
    torch: [],
    oneCpu: [],
    twoCpu: [],
    torchCpu: [],
  };
  let exchangeLine = '';
  let torchName = '';
  const cnnSides = [
    async () => {
      const r = await timeOurs('cnnDesign28', 5000, { ...cnnSettings, workers: 1 }, 'wasm', cnnEpochs);
      cnnRuns.one.push(r.seconds);
      cnnRuns.oneCpu.push(r.cpu);
    },
    async () => {
      const r = await timeOurs('cnnDesign28', 5000, { ...cnnSettings, workers: 2 }, 'wasm', cnnEpochs);
      cnnRuns.two.push(r.seconds);
      cnnRuns.twoCpu.push(r.cpu);
      if (r.exchange) {
        const per = (ms: number): string => (ms / r.exchange!.batches).toFixed(2);
        exchangeLine = `hand-over per batch: worker 0 ${per(r.exchange.copyMs)} ms (weights out, gradient sum), worker 1 ${per(r.exchange.partnerCopyMs)} ms (weights in, gradients out); worker 0 waited ${per(r.exchange.waitMs)} ms, worker 1 busy ${per(r.exchange.partnerBusyMs)} ms`;
      }
    },
    async () => {
      const p = peer('cnn', 5000, cnnEpochs);
      if (!p) return;
      torchName = p.library;
      cnnRuns.torch.push(p.seconds);
      cnnRuns.torchCpu.push(p.cpu ?? Number.NaN);
    },
  ];
  for (let round = 0; round < cnnRounds; round++) for (let k = 0; k < cnnSides.length; k++) await cnnSides[(round + k) % cnnSides.length]();
  const cnnTask = `CNN 28x28 conv8-pool-conv16-pool-dense64-drop-10, 5000 images, batch 64, Adam (median of ${cnnRounds} interleaved rounds)`;
  const torchPeer = cnnRuns.torch.length ? [{ library: torchName, seconds: median(cnnRuns.torch), cpu: median(cnnRuns.torchCpu) }] : [];
  rows.push({ task: cnnTask, ours: 'tfjs (wasm), 1 worker', seconds: median(cnnRuns.one), cpu: median(cnnRuns.oneCpu), peers: torchPeer });
  rows.push({
    task: `${cnnTask}, two workers\n  (${exchangeLine}; ${(median(cnnRuns.one) / median(cnnRuns.two)).toFixed(2)}x faster than one worker)`,
    ours: 'tfjs (wasm), 2 workers',
    seconds: median(cnnRuns.two),
    cpu: median(cnnRuns.twoCpu),
    peers: torchPeer,
  });

  console.log(
    `\nSeconds per epoch (min of ${epochs} epochs, CNN min of ${cnnEpochs}), Node ${process.version}, same run, load average ${loadBefore} before, ${loadAverage()} after:\n`,
  );
  for (const row of rows) {
    console.log(`${row.task}\n  Sinapsis ${row.ours}: ${seconds(row.seconds)} s (CPU ${seconds(row.cpu)} s)`);
    for (const p of row.peers)
      console.log(
        `  ${p.library}: ${seconds(p.seconds)} s${p.cpu === undefined ? '' : ` (CPU ${seconds(p.cpu)} s)`}  (Sinapsis / this = ${(row.seconds / p.seconds).toFixed(2)}x)`,
      );
  }
}

void main();
