/**
 * The CNN of DESIGN.md on one and on two training workers (src/main/core/engine/dataParallel.ts).
 *
 * 1. Where two workers start to gain: seconds per epoch at several batch sizes on one and on two workers (random
 *    seeded 28x28 images, Adam; each run's fastest of 3 epochs, median of ROUNDS interleaved rounds, default 3), next
 *    to the forward multiply-adds per batch that the "auto" rule compares with TWO_WORKERS_MIN_MACS_PER_BATCH.
 * 2. Accuracy: `sinapsis train` on the bundled 5000 digits resized to 28x28, batch 64, Adam, EPOCHS epochs (default
 *    10), with --workers 1, 2 and 2 again: the test accuracies (two workers within 0.5 points of one; the two
 *    two-worker runs identical, same seed, same machine).
 *
 * Run: `npx tsx bench/cnnWorkers.ts [speed|accuracy]` (both by default). Prints the load average before and after:
 * on a shared machine the times are only indicative.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeededRandom } from '../src/shared/didactic/seededRandom';
import { parseModelSpec } from '../src/shared/models/modelSpec';
import { modelPresets } from '../src/shared/models/presets';
import { trainingSettingsSchema } from '../src/shared/models/trainingSettings';
import { forwardMacsPerSample, TWO_WORKERS_MIN_MACS_PER_BATCH } from '../src/main/core/engine/dataParallel';
import { runTrainingJob } from '../src/main/core/engine/trainingJob';

const part = process.argv[2];
const rounds = Math.max(1, Number(process.env.ROUNDS ?? 3));
const accuracyEpochs = Math.max(1, Number(process.env.EPOCHS ?? 10));
const spec = parseModelSpec(modelPresets.cnnDesign28);

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function epochSeconds(
  samples: number,
  batchSize: number,
  workers: 1 | 2,
  features: Float32Array,
  labels: Int32Array,
): Promise<number> {
  const times: number[] = [];
  let last = 0;
  const outcome = await runTrainingJob(
    {
      spec,
      settings: trainingSettingsSchema.parse({ optimizer: 'adam', learningRate: 1e-3, batchSize, epochs: 3, engine: 'tfjs', workers }),
      data: { sampleShape: spec.inputShape, features, labels },
      folds: [{ train: Array.from({ length: samples }, (_, i) => i), validation: [] }],
      backend: 'wasm',
    },
    {
      batch: () => undefined,
      epoch: (record) => {
        times.push((record.elapsedMs - last) / 1000);
        last = record.elapsedMs;
      },
    },
  );
  if (outcome.workers !== workers) throw new Error(`asked for ${workers} workers, trained on ${outcome.workers}`);
  return Math.min(...times);
}

async function speed(): Promise<void> {
  const samples = 1024;
  const random = createSeededRandom(42);
  const features = Float32Array.from({ length: samples * 784 }, () => random.next());
  const labels = Int32Array.from({ length: samples }, () => random.int(10));
  const macs = forwardMacsPerSample(spec);
  console.log(
    `DESIGN.md CNN, ${samples} random images, Adam; ${macs} forward multiply-adds per sample; auto uses two workers from ${TWO_WORKERS_MIN_MACS_PER_BATCH} per batch. Load average ${loadAverage()}.`,
  );
  for (const batchSize of [4, 8, 16, 32, 64]) {
    const one: number[] = [];
    const two: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // The order turns each round, so a burst of load does not always hit the same side.
      if (round % 2 === 0) {
        one.push(await epochSeconds(samples, batchSize, 1, features, labels));
        two.push(await epochSeconds(samples, batchSize, 2, features, labels));
      } else {
        two.push(await epochSeconds(samples, batchSize, 2, features, labels));
        one.push(await epochSeconds(samples, batchSize, 1, features, labels));
      }
    }
    const [a, b] = [median(one), median(two)];
    console.log(
      `  batch ${String(batchSize).padStart(2)} (${((macs * batchSize) / 1e6).toFixed(1)} M per batch): one worker ${a.toFixed(3)} s, two ${b.toFixed(3)} s per epoch, ${(a / b).toFixed(2)}x`,
    );
  }
  console.log(`  (load average after: ${loadAverage()})`);
}

function cliRun(workers: 1 | 2, out: string): { test: number; seconds: number; workers: number } {
  const stdout = execFileSync(
    process.execPath,
    [
      'bin/sinapsis.js',
      'train',
      '--data',
      join('resources', 'datasets', 'digits-opencv'),
      '--features',
      'pixels',
      '--size',
      '28x28',
      '--model',
      'cnnDesign28',
      '--optimizer',
      'adam',
      '--lr',
      '0.001',
      '--batch',
      '64',
      '--epochs',
      String(accuracyEpochs),
      '--workers',
      String(workers),
      '--out',
      out,
      '--json',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 3_600_000 },
  );
  const result = JSON.parse(stdout) as { accuracy: { test: number }; seconds: number; workers: number };
  return { test: result.accuracy.test, seconds: result.seconds, workers: result.workers };
}

function accuracy(): void {
  console.log(
    `\nsinapsis train, bundled digits (5000, 20x20 resized to 28x28), DESIGN.md CNN, batch 64, Adam, ${accuracyEpochs} epochs, seed 1. Load average ${loadAverage()}.`,
  );
  const root = mkdtempSync(join(tmpdir(), 'sinapsis-cnn-workers-'));
  try {
    const one = cliRun(1, join(root, 'one'));
    const two = cliRun(2, join(root, 'two'));
    const again = cliRun(2, join(root, 'again'));
    const pct = (v: number): string => `${(100 * v).toFixed(2)} %`;
    console.log(`  one worker:  test ${pct(one.test)} (${one.seconds.toFixed(1)} s, ${one.workers} worker)`);
    console.log(`  two workers: test ${pct(two.test)} (${two.seconds.toFixed(1)} s, ${two.workers} workers)`);
    const weights = (name: string): Buffer => readFileSync(join(root, name, 'model', 'weights.bin'));
    const same = again.test === two.test && weights('again').equals(weights('two'));
    console.log(`  two workers again: test ${pct(again.test)}, ${same ? 'identical weights.bin' : 'DIFFERENT (not reproducible)'}`);
    console.log(`  difference two - one: ${(100 * (two.test - one.test)).toFixed(2)} points (target: within 0.5)`);
    console.log(`  (load average after: ${loadAverage()})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (part !== 'accuracy') await speed();
if (part !== 'speed') accuracy();
