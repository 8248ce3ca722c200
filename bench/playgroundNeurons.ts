/**
 * What the Playground's neuron pictures cost per animation frame. Run: `npx tsx bench/playgroundNeurons.ts`.
 * On 3 hidden layers of 8 tanh neurons with all seven features, at the lab's 50 × 50 grid, it prints in one run:
 * - the pictures of all 25 neurons in one pass (`neuronGrids`, buffers reused, as the lab draws a frame),
 * - the peer: the output map alone computed as the lab did before (`predict` at every grid point, which allocates
 *   every layer's arrays at each point),
 * - one training epoch of the same network on the 210 training points of the default circles set,
 * and the ratios. The lab trains for about 12 ms per frame, so the pictures should take a few ms: well under one
 * frame (16 ms), and no slower than the old output-only map.
 */
import { predict } from '../src/shared/didactic/denseNetwork';
import { DEFAULT_PLAYGROUND_SETTINGS, createPlayground, trainPlaygroundEpoch } from '../src/shared/didactic/playground';
import { PLAYGROUND_FEATURE_IDS, inputEncoder } from '../src/shared/didactic/playgroundFeatures';
import { type NeuronGrids, gridCoordinate, neuronGrids } from '../src/shared/didactic/playgroundNeurons';

const RESOLUTION = 50;
const REPEATS = 30;

const state = createPlayground({
  ...DEFAULT_PLAYGROUND_SETTINGS,
  features: [...PLAYGROUND_FEATURE_IDS],
  hiddenLayers: [0, 1, 2].map(() => ({ units: 8, activation: 'tanh' as const, alpha: 0.01 })),
});
const encode = inputEncoder(state.settings.features);

/** Median milliseconds of `REPEATS` calls (after 3 warm-up calls). */
function medianMs(run: () => void): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

let grids: NeuronGrids | undefined;
const allNeurons = medianMs(() => {
  grids = neuronGrids(state.network, state.settings.features, RESOLUTION, grids);
});
const outputOnly = medianMs(() => {
  const grid = new Float32Array(RESOLUTION * RESOLUTION);
  for (let r = 0; r < RESOLUTION; r++)
    for (let c = 0; c < RESOLUTION; c++)
      grid[r * RESOLUTION + c] = predict(state.network, encode(gridCoordinate(c, RESOLUTION), -gridCoordinate(r, RESOLUTION)))[0];
});
const epoch = medianMs(() => trainPlaygroundEpoch(state));

console.log(`Playground 7 features, 3×8 tanh + 1 sigmoid, ${RESOLUTION}×${RESOLUTION} grid, median of ${REPEATS}:`);
console.log(`  all 25 neuron pictures (neuronGrids): ${allNeurons.toFixed(2)} ms`);
console.log(`  peer, output map only (predict per point): ${outputOnly.toFixed(2)} ms  (ratio ${(outputOnly / allNeurons).toFixed(1)}×)`);
console.log(
  `  one training epoch (${state.train.length} points): ${epoch.toFixed(2)} ms  (pictures / epoch ${(allNeurons / epoch).toFixed(2)})`,
);
