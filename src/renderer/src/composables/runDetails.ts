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

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The engine and backend a run used, in the interface language: "didáctico", "TensorFlow.js · backend wasm" (run
 * files say `didactic` / `none`; a name this version does not know is shown as written).
 */
export function engineLine(
  t: Translate,
  te: (key: string) => boolean,
  engine: string | null | undefined,
  backend: string | null | undefined,
): string {
  if (!engine) return '—';
  const name = te(`evaluation.engineName.${engine}`) ? t(`evaluation.engineName.${engine}`) : engine;
  return backend && backend !== 'none' ? t('evaluation.engineName.withBackend', { engine: name, backend }) : name;
}
