/**
 * The bench's MLP (bench/train.ts) through runTrainingJob only, batch 32 and batch 1: seconds per epoch (wall,
 * and CPU time (process.cpuUsage) between epoch events, minimum over epochs after the first), with the load average. Quicker
 * than the full bench for comparing variants. Run: `npx tsx bench/mlpJob.ts [epochs]` (default 5).
 */
import { readFileSync } from 'node:fs';
import { createSeededRandom } from '../src/shared/didactic/seededRandom';
import { parseModelSpec } from '../src/shared/models/modelSpec';
import { modelPresets } from '../src/shared/models/presets';
import { trainingSettingsSchema, type TrainingSettingsInput } from '../src/shared/models/trainingSettings';
import { runTrainingJob } from '../src/main/core/engine/trainingJob';

const epochs = Math.max(2, Number(process.argv[2] ?? 5));
const samples = 5000;

async function time(settings: TrainingSettingsInput): Promise<string> {
  const spec = parseModelSpec(modelPresets.mlp320_18_10);
  const random = createSeededRandom(42);
  const features = Float32Array.from({ length: samples * 320 }, () => random.next());
  const labels = Int32Array.from({ length: samples }, () => random.int(10));
  const times: number[] = [];
  const cpu: number[] = [];
  let last = 0;
  let lastCpu = process.cpuUsage();
  const outcome = await runTrainingJob(
    {
      spec,
      settings: trainingSettingsSchema.parse({ loss: 'categoricalCrossEntropy', epochs, ...settings }),
      data: { sampleShape: spec.inputShape, features, labels },
      folds: [{ train: Array.from({ length: samples }, (_, i) => i), validation: [] }],
      backend: 'cpu',
    },
    {
      batch: () => undefined,
      epoch: (record) => {
        times.push((record.elapsedMs - last) / 1000);
        last = record.elapsedMs;
        const c = process.cpuUsage(lastCpu);
        if (record.epoch > 1) cpu.push((c.user + c.system) / 1e6);
        lastCpu = process.cpuUsage();
      },
    },
  );
  return `${outcome.engine}: ${Math.min(...times).toFixed(4)} s/epoch wall (min of ${epochs}), CPU ${Math.min(...cpu).toFixed(4)} s; epochs ${times.map((t) => t.toFixed(4)).join(' ')}`;
}

const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const before = load();
console.log(`batch 32: ${await time({ optimizer: 'minibatch', learningRate: 0.1, batchSize: 32 })}`);
console.log(`batch 1:  ${await time({ optimizer: 'sgd', learningRate: 0.1 })}`);
console.log(`load ${before} before, ${load()} after`);
