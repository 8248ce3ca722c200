import { SinapsisError } from '../../../../shared/contract/errors';
import type { LayerSpec, ModelSpec } from '../../../../shared/models/modelSpec';
import { summarizeModel, type LayerSummary, type ModelSummary } from '../../../../shared/models/shapes';

export interface BuilderError {
  code: string;
  params: Record<string, string | number>;
  /** English text from the core's shape checks, shown when the UI has no translation for `code`. */
  message: string;
  /** 0-based index of the first layer that cannot be built, or null when the problem is the model as a whole. */
  layer: number | null;
}

export interface BuilderSummary {
  /** The whole model's summary, or null when it cannot be built. */
  summary: ModelSummary | null;
  /** Summaries of the layers before the first problem (all of them when the model is valid). */
  layers: LayerSummary[];
  error: BuilderError | null;
}

/** A throw-away head that lets a prefix of the model be summarized: flatten whatever comes out, then one output. */
const probeHead: LayerSpec[] = [
  { type: 'flatten' },
  { type: 'output', units: 1, activation: 'sigmoid', useBias: true, initializer: { method: 'glorotUniform', scale: 1 } },
];

function asBuilderError(failure: unknown, layer: number | null): BuilderError {
  if (failure instanceof SinapsisError) return { code: failure.code, params: failure.params ?? {}, message: failure.message, layer };
  return { code: 'unknown', params: {}, message: failure instanceof Error ? failure.message : String(failure), layer };
}

/**
 * `summarizeModel` for a model being edited: when the model cannot be built, the layers before the problem
 * still get their shapes and parameters, and the problem is pinned to the layer that causes it.
 */
export function summarizeForBuilder(spec: ModelSpec): BuilderSummary {
  try {
    const summary = summarizeModel(spec);
    return { summary, layers: summary.layers, error: null };
  } catch (failure) {
    let layers: LayerSummary[] = [];
    for (let count = 1; count <= spec.layers.length; count++) {
      const prefix = spec.layers.slice(0, count);
      try {
        // A final output layer is checked as itself; any other prefix gets the probe head.
        const probe = count === spec.layers.length ? prefix : [...prefix, ...probeHead];
        layers = summarizeModel({ ...spec, layers: probe }).layers.slice(0, count);
      } catch (prefixFailure) {
        return { summary: null, layers, error: asBuilderError(prefixFailure, count - 1) };
      }
    }
    return { summary: null, layers, error: asBuilderError(failure, null) };
  }
}

export { newLayer } from '../../../../shared/models/layerTable';

/** Moves the layer at `from` by `delta` places; returns a new array. */
export function moveLayer(layers: LayerSpec[], from: number, delta: number): LayerSpec[] {
  const to = from + delta;
  if (to < 0 || to >= layers.length) return layers;
  const next = [...layers];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}
