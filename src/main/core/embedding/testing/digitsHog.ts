import { hogPipelineSchema } from '../../../../shared/contract/features';
import type { ImageDataset } from '../../datasets/datasetTypes';
import { openDatasetSource } from '../../datasets/openDatasetSource';
import { datasetSamples } from '../embeddingSamples';
import type { Matrix } from '../matrix';

/** The bundled digits' HOG with the course's settings, as Características computes it: what the quality test and bench map. */
export async function digitsHogFeatures(): Promise<Matrix> {
  const signal = new AbortController().signal;
  const dataset = (await openDatasetSource('builtin:digits', { signal })) as ImageDataset;
  const input = await datasetSamples(
    dataset,
    { kind: 'hog', pipeline: hogPipelineSchema.parse({}) },
    { signal, cacheDir: null, onProgress: () => {}, cancelled: () => new Error('cancelled') },
  );
  return input.matrix;
}

/** A matrix as CSV for Python; String(v) is the shortest text that reads back as the same double, so numpy gets the very same matrix. */
export function matrixCsv(m: Matrix): string {
  const lines: string[] = [];
  for (let r = 0; r < m.rows; r++) lines.push(Array.from(m.values.subarray(r * m.columns, (r + 1) * m.columns), String).join(','));
  return lines.join('\n') + '\n';
}
