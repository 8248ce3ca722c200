/**
 * Time per image of each "¿Dónde mira la red?" method on a LeNet-sized model (modelPresets.lenet28: conv6-pool-
 * conv16-pool-120-84-10 on 28×28 grey) and on the lab's HOG MLP (320-18-10 on 12×24 images), against one plain
 * prediction of the same image in the same run (the ratio says how many predictions a map costs). The goal is under
 * 1 s per image for every method on the LeNet model. Weights are the seeded initial ones: the time does not depend
 * on what the network learned.
 * Run: `npx tsx bench/saliency.ts [backend] [repeats]` (defaults: wasm, 5; the figure is the minimum after a warm-up).
 */
import { initBackend } from '../src/main/core/engine/backends';
import { buildModel } from '../src/main/core/models/buildModel';
import { predictVector } from '../src/main/core/inference/predictSample';
import type { RunModel } from '../src/main/core/inference/runModelCache';
import { sampleFeatures, type SampleInput } from '../src/main/core/inference/sampleFeatures';
import { computeSaliency } from '../src/main/core/saliency/computeSaliency';
import { hogRun, pixelRun, seededImage } from '../src/main/core/saliency/saliencyTesting';
import { saliencyMethodRequestSchema, type SaliencyMethod } from '../src/shared/contract/saliency';
import { saliencyMethodsFor } from '../src/shared/inference/saliencyMethods';
import { modelPresets } from '../src/shared/models/presets';
import { parseModelSpec } from '../src/shared/models/modelSpec';

const backend = (process.argv[2] ?? 'wasm') as 'wasm' | 'cpu';
const repeats = Math.max(1, Number(process.argv[3] ?? 5));

function best(run: () => void): number {
  run(); // warm-up: kernels compiled, weights uploaded
  let fastest = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function report(name: string, run: RunModel, sample: SampleInput, methods: SaliencyMethod[]): void {
  const vector = sampleFeatures(sample, run.preprocessing);
  const predict = best(() => predictVector(run, vector, 5));
  console.log(`${name} (${backend}): one prediction ${predict.toFixed(1)} ms`);
  for (const method of methods) {
    const request = saliencyMethodRequestSchema.parse({ method });
    const ms = best(() => computeSaliency(run, sample, { method: request }));
    const verdict = ms < 1000 ? 'under 1 s' : 'OVER 1 s';
    console.log(
      `  ${method.padEnd(10)} ${ms.toFixed(1).padStart(8)} ms per image  = ${(ms / predict).toFixed(1).padStart(6)} predictions  (${verdict})`,
    );
  }
}

async function main(): Promise<void> {
  await initBackend(backend);
  const lenet = pixelRun(buildModel(parseModelSpec(modelPresets.lenet28)).model, { width: 28, height: 28, channels: 1 });
  report(
    'LeNet-like 28×28',
    lenet,
    { kind: 'image', image: seededImage(28, 28, 1, 1) },
    saliencyMethodsFor({ features: 'pixels', cnn: true }),
  );
  const hog = hogRun(buildModel(parseModelSpec(modelPresets.mlp320_18_10)).model, 12, 24);
  report(
    'HOG MLP 320-18-10 on 12×24',
    hog,
    { kind: 'image', image: seededImage(12, 24, 1, 1) },
    saliencyMethodsFor({ features: 'hog', cnn: false }),
  );
}

void main();
