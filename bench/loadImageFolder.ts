/**
 * Files per second and memory of the image-folder loader. Run: `npx tsx bench/loadImageFolder.ts [count]`
 * (default 60000). Loads the bundled 5000-digit folder, then a generated folder of `count` 28x28 grey PNGs
 * (10 classes, MNIST-sized) in a temporary directory, which it deletes afterwards, once decoding on the main
 * thread and once in worker threads (from source they start through tsx, ~2 s slower than bundled). Prints files/s, the
 * largest event-loop gap while loading (how long the UI could stall) and the resident memory after loading.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadImageFolder } from '../src/main/core/datasets/images/loadImageFolder';
import { buildDigitLikeFolder } from '../src/main/core/datasets/testing/messyDataset';

async function measure(label: string, path: string, threads?: number): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const dataset = await loadImageFolder(path, { signal: new AbortController().signal, datasetId: 'bench', threads });
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const { total, pixelBytes } = dataset.summary;
  console.log(
    `${label}: ${total} images in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} files/s; ` +
      `largest event-loop gap ${(delay.max / 1e6).toFixed(0)} ms; pixels ${(pixelBytes / 1024 ** 2).toFixed(1)} MB; ` +
      `RSS ${(process.memoryUsage().rss / 1024 ** 2).toFixed(0)} MB`,
  );
}

const count = Number(process.argv[2] ?? 60000);
await measure('digits-opencv (20x20 PNG)', join(import.meta.dirname, '..', 'resources', 'datasets', 'digits-opencv'));
const started = performance.now();
const root = await buildDigitLikeFolder(10, Math.ceil(count / 10), 28);
console.log(`generated ${count} PNGs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
try {
  await measure('generated (28x28 PNG), decoding on the main thread (the default for small files)', root);
  await measure('generated (28x28 PNG), decoding in 2 worker threads', root, 2);
} finally {
  await rm(root, { recursive: true, force: true });
}
