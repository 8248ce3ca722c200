import { z } from 'zod';
import type { RunConfig } from '../../../shared/contract/runs';

/** Row-normalized confusion matrix: each row divided by its total (the recall of that class on the diagonal). */
export function rowNormalize(matrix: number[][]): number[][] {
  return matrix.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((value) => (total ? value / total : 0));
  });
}

/** Model name of a stored spec, if it has one. */
export function specName(spec: unknown): string | null {
  const parsed = z.object({ name: z.string() }).safeParse(spec);
  return parsed.success && parsed.data.name ? parsed.data.name : null;
}

/** Whether a run's model has convolutional layers (its filters and feature maps can be shown). */
export function hasConvLayers(config: RunConfig): boolean {
  return config.model.layers.some((layer) => layer.type.toLowerCase() === 'conv2d');
}
