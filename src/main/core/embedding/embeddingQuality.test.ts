import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from './matrix';
import { pca } from './pca';
import { trustworthiness } from './trustworthiness';
import { SPLIT_MIN_ROWS } from './splitForces';
import { tsne } from './tsne';
import { digitsHogFeatures, matrixCsv } from './testing/digitsHog';

/**
 * Quality measured against scikit-learn on the SAME feature matrix: the bundled digits' HOG with the course's
 * settings, written to a CSV that /usr/bin/python3 reads. Our t-SNE's trustworthiness (k = 5) must be within 0.02
 * of `TSNE(random_state=0)`'s, our trustworthiness function must agree with sklearn's, and PCA must give sklearn's
 * coordinates up to the sign of each axis.
 */

const PYTHON = '/usr/bin/python3';
const hasSklearn = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' }).status === 0;

const SCRIPT = String.raw`
import json, sys
import numpy as np
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, trustworthiness
X = np.loadtxt(sys.argv[1], delimiter=',')
ours = np.loadtxt(sys.argv[2], delimiter=',')
theirs = TSNE(random_state=0).fit_transform(X)
pca = PCA(n_components=2, svd_solver='full').fit_transform(X)
print(json.dumps({
  'sklearn': float(trustworthiness(X, theirs, n_neighbors=5)),
  'oursBySklearn': float(trustworthiness(X, ours, n_neighbors=5)),
  'pca': pca.tolist(),
}))
`;

let features: Matrix;

beforeAll(async () => {
  features = await digitsHogFeatures();
}, 300_000);

describe('feature map quality against scikit-learn', () => {
  it.skipIf(!hasSklearn)(
    't-SNE of the digits HOG: trustworthiness within 0.02 of sklearn TSNE(random_state=0); PCA equal up to sign',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'sinapsis-embed-quality-'));
      const ours = tsne(features, { seed: 0 }).coordinates;
      const embedded: Matrix = { rows: features.rows, columns: 2, values: ours };
      writeFileSync(join(dir, 'features.csv'), matrixCsv(features));
      writeFileSync(join(dir, 'ours.csv'), matrixCsv(embedded));
      writeFileSync(join(dir, 'reference.py'), SCRIPT);
      const python = spawnSync(PYTHON, [join(dir, 'reference.py'), join(dir, 'features.csv'), join(dir, 'ours.csv')], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 ** 2,
      });
      expect(python.status, python.stderr).toBe(0);
      const reference = JSON.parse(python.stdout) as { sklearn: number; oursBySklearn: number; pca: number[][] };
      const own = trustworthiness(features, embedded, 5);
      console.log(
        `trustworthiness k=5 on ${features.rows} digits (HOG ${features.columns}): Sinapsis t-SNE ${own.toFixed(4)}, sklearn TSNE ${reference.sklearn.toFixed(4)}`,
      );
      expect(Math.abs(own - reference.oursBySklearn)).toBeLessThan(1e-9);
      expect(Math.abs(own - reference.sklearn)).toBeLessThanOrEqual(0.02);

      const mine = pca(features, 2).scores;
      for (let axis = 0; axis < 2; axis++) {
        // Up to sign: compare against whichever sign of sklearn's axis is nearer.
        const same = Math.max(...reference.pca.map((row, r) => Math.abs(row[axis] - mine[2 * r + axis])));
        const flipped = Math.max(...reference.pca.map((row, r) => Math.abs(-row[axis] - mine[2 * r + axis])));
        expect(Math.min(same, flipped)).toBeLessThan(1e-6);
      }
    },
    900_000,
  );

  it('the same seed gives the same t-SNE and PCA coordinates', () => {
    const subset: Matrix = { rows: 600, columns: features.columns, values: features.values.subarray(0, 600 * features.columns) };
    const a = tsne(subset, { seed: 7, iterations: 300 }).coordinates;
    const b = tsne(subset, { seed: 7, iterations: 300 }).coordinates;
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(pca(subset).scores)).toEqual(Array.from(pca(subset).scores));
  }, 300_000);

  it('splitting the gradient with a helper thread gives exactly the coordinates of one thread', () => {
    const rows = SPLIT_MIN_ROWS + 200;
    const subset: Matrix = { rows, columns: features.columns, values: features.values.subarray(0, rows * features.columns) };
    const one = tsne(subset, { seed: 3, iterations: 300, threads: 1 });
    const two = tsne(subset, { seed: 3, iterations: 300, threads: 2 });
    expect(Array.from(two.coordinates)).toEqual(Array.from(one.coordinates));
    expect(two.klDivergence).toBe(one.klDivergence);
    expect(one.helpedIterations).toBe(0);
    // The helper starts while the neighbours are searched, so it shares (nearly) every iteration on two cores.
    if (availableParallelism() >= 2) expect(two.helpedIterations).toBeGreaterThan(0);
  }, 300_000);
});
