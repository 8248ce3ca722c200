/**
 * Seconds per epoch of the didactic engine (src/shared/didactic) against tfjs (`model.fit`, plain SGD) on the
 * same dense networks and data, in one run. Run: `npx tsx bench/didacticVsTfjs.ts [backend]` (default cpu).
 * Prints the minimum of 3 epochs for each, and the ratio.
 */
import * as tf from '@tensorflow/tfjs';
import { createDenseNetwork, trainOnBatch } from '../src/shared/didactic/denseNetwork';
import { createSeededRandom } from '../src/shared/didactic/seededRandom';

interface Task {
  name: string;
  inputs: number;
  hidden: number[];
  outputs: number;
  samples: number;
  batchSize: number;
}

const tasks: Task[] = [
  { name: 'playground 2-4-2-1, 300 samples, batch 10', inputs: 2, hidden: [4, 2], outputs: 1, samples: 300, batchSize: 10 },
  { name: 'XOR 2-2-1, 4 samples, batch 4', inputs: 2, hidden: [2], outputs: 1, samples: 4, batchSize: 4 },
  { name: 'MLP 320-18-10 (HOG lab), 5000 samples, batch 32', inputs: 320, hidden: [18], outputs: 10, samples: 5000, batchSize: 32 },
];

function data(task: Task): { x: number[][]; y: number[][] } {
  const random = createSeededRandom(42);
  const x = Array.from({ length: task.samples }, () => Array.from({ length: task.inputs }, () => random.uniform(-1, 1)));
  const y = x.map(() => Array.from({ length: task.outputs }, () => (random.next() < 0.5 ? 0 : 1)));
  return { x, y };
}

function minOf3(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

async function main(): Promise<void> {
  const backend = process.argv[2] ?? 'cpu';
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend(backend);
  await tf.ready();
  console.log(`tfjs backend: ${tf.getBackend()}`);
  console.log('| task | didactic s/epoch | tfjs s/epoch | tfjs / didactic |');
  console.log('|---|---|---|---|');
  for (const task of tasks) {
    const { x, y } = data(task);
    const network = createDenseNetwork(
      {
        inputSize: task.inputs,
        layers: [
          ...task.hidden.map((units) => ({ units, activation: 'sigmoid' as const })),
          { units: task.outputs, activation: 'sigmoid' },
        ],
        useBias: true,
      },
      { seed: 1 },
    );
    const didactic = minOf3(() => {
      for (let start = 0; start < x.length; start += task.batchSize) {
        trainOnBatch(network, x.slice(start, start + task.batchSize), y.slice(start, start + task.batchSize), {
          learningRate: 0.1,
          loss: 'mse',
        });
      }
    });

    const model = tf.sequential();
    task.hidden.forEach((units, i) =>
      model.add(tf.layers.dense({ units, activation: 'sigmoid', ...(i === 0 ? { inputShape: [task.inputs] } : {}) })),
    );
    model.add(tf.layers.dense({ units: task.outputs, activation: 'sigmoid' }));
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const xs = tf.tensor2d(x);
    const ys = tf.tensor2d(y);
    let tfjs = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await model.fit(xs, ys, { epochs: 1, batchSize: task.batchSize, shuffle: false, verbose: 0 });
      tfjs = Math.min(tfjs, (performance.now() - start) / 1000);
    }
    xs.dispose();
    ys.dispose();
    console.log(`| ${task.name} | ${didactic.toFixed(4)} | ${tfjs.toFixed(4)} | ${(tfjs / didactic).toFixed(1)}x |`);
  }
}

void main();
