/**
 * Seconds per epoch of CNN training (28x28x1 -> conv8-pool-conv16-pool-dense64-10, Adam, batch 64) on the wasm
 * backend (with our Conv2DBackpropFilter kernel) against the cpu backend, same data, same initial weights, one run.
 * Run: `npx tsx bench/conv.ts [samples] [epochs]` (defaults 512 samples, 2 epochs; the first epoch on each backend
 * is a warm-up, the figure is the minimum over the remaining ones). Also prints both final losses, which must agree.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/main/core/engine/backends';
import { createSeededRandom } from '../src/shared/didactic/seededRandom';

const samples = Number(process.argv[2] ?? 512);
const epochs = Math.max(2, Number(process.argv[3] ?? 2));
const batchSize = 64;
const classes = 10;

function build(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  return model;
}

const random = createSeededRandom(42);
const xs = Float32Array.from({ length: samples * 28 * 28 }, () => random.next());
const ys = new Float32Array(samples * classes);
for (let i = 0; i < samples; i++) ys[i * classes + Math.floor(random.next() * classes)] = 1;

async function timeBackend(
  backend: 'wasm' | 'cpu',
  initial: { values: Float32Array; shape: number[] }[],
): Promise<{ seconds: number; loss: number }> {
  await initBackend(backend);
  const model = build();
  model.setWeights(initial.map((w) => tf.tensor(w.values, w.shape)));
  const x = tf.tensor4d(xs, [samples, 28, 28, 1]);
  const y = tf.tensor2d(ys, [samples, classes]);
  let best = Infinity;
  let loss = NaN;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const start = performance.now();
    // shuffle off so both backends see the same batches and their losses can be compared.
    const history = await model.fit(x, y, { batchSize, epochs: 1, shuffle: false, verbose: 0 });
    const seconds = (performance.now() - start) / 1000;
    if (epoch > 0) best = Math.min(best, seconds);
    loss = Number(history.history.loss[0]);
    console.log(`  ${backend} epoch ${epoch + 1}: ${seconds.toFixed(2)} s, loss ${loss.toFixed(5)}${epoch === 0 ? ' (warm-up)' : ''}`);
  }
  tf.dispose([x, y]);
  model.dispose();
  return { seconds: best, loss };
}

async function main(): Promise<void> {
  await initBackend('cpu');
  const initial = build()
    .getWeights()
    .map((w) => ({ values: w.dataSync() as Float32Array, shape: w.shape }));
  console.log(`CNN 28x28 conv8-pool-conv16-pool-dense64-10, ${samples} samples, batch ${batchSize}, Adam`);
  const wasm = await timeBackend('wasm', initial);
  const cpu = await timeBackend('cpu', initial);
  console.log(
    `wasm: ${wasm.seconds.toFixed(2)} s/epoch   cpu: ${cpu.seconds.toFixed(2)} s/epoch   cpu/wasm: ${(cpu.seconds / wasm.seconds).toFixed(1)}x`,
  );
  console.log(
    `final loss wasm ${wasm.loss.toFixed(6)}  cpu ${cpu.loss.toFixed(6)}  |diff| ${Math.abs(wasm.loss - cpu.loss).toExponential(2)}`,
  );
}

void main();
