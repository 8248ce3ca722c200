import { UMAP } from 'umap-js';
import { createSeededRandom } from '../../../shared/didactic/seededRandom';
import type { Matrix } from './matrix';

/** UMAP's defaults (umap-learn's and umap-js's): 15 neighbours, minimum distance 0.1, epochs chosen by size. */
export const UMAP_DEFAULTS = { neighbours: 15, minDist: 0.1 } as const;

export interface UmapOptions {
  seed?: number;
  onProgress?: (stage: 'neighbours' | 'optimise', done: number, total: number) => void;
}

/**
 * UMAP (umap-js, PAIR-code's port of umap-learn) into two dimensions. Every random draw (the neighbour search's
 * trees, the initial layout, the negative samples) goes through one seeded generator, so a seed gives one picture.
 */
export function umap(data: Matrix, options: UmapOptions = {}): Float64Array {
  const random = createSeededRandom(options.seed ?? 0);
  const rows: number[][] = [];
  for (let r = 0; r < data.rows; r++) rows.push(Array.from(data.values.subarray(r * data.columns, (r + 1) * data.columns)));
  const model = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(UMAP_DEFAULTS.neighbours, data.rows - 1),
    minDist: UMAP_DEFAULTS.minDist,
    random: random.next,
  });
  options.onProgress?.('neighbours', 0, data.rows);
  const epochs = model.initializeFit(rows);
  options.onProgress?.('neighbours', data.rows, data.rows);
  const every = Math.max(1, Math.floor(epochs / 50));
  for (let epoch = 0; epoch < epochs; epoch++) {
    model.step();
    if ((epoch + 1) % every === 0 || epoch === epochs - 1) options.onProgress?.('optimise', epoch + 1, epochs);
  }
  const embedding = model.getEmbedding();
  const out = new Float64Array(data.rows * 2);
  embedding.forEach((point, r) => {
    out[2 * r] = point[0];
    out[2 * r + 1] = point[1] ?? 0;
  });
  return out;
}
