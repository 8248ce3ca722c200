/**
 * The input features the Playground can feed its network (TensorFlow Playground's feature column): the two
 * coordinates and five transforms of them. This list is the only place they are defined; the settings schema, the
 * training inputs, the feature column's checkboxes and pictures, and the names in the neuron panel derive from it.
 *
 * Each feature is computed from the plane's coordinates (x₁, x₂ in [−6, 6], as drawn) and divided by its largest
 * magnitude over the plane, so every input the network sees lies in [−1, 1] and tanh and sigmoid start unsaturated:
 * x₁ / 6, x₁² / 36, x₁x₂ / 36, and sin x₁ as it is (sin of the drawn coordinate, about two periods across the plane).
 */

/** Half the width of the plane: the toy sets' points lie in [−6, 6]². */
export const PLAYGROUND_EXTENT = 6;

export interface PlaygroundFeature {
  id: string;
  /** What the column shows, in Unicode math (the same in every language). */
  symbol: string;
  /** The network's input for the point (x1, x2) of the plane, in [−1, 1]. */
  value: (x1: number, x2: number) => number;
}

const E = PLAYGROUND_EXTENT;

/** In the column's order. The translated description of each is `labs.playground.featureNames.<id>`. */
export const PLAYGROUND_FEATURES = [
  { id: 'x1', symbol: 'x₁', value: (x1: number) => x1 / E },
  { id: 'x2', symbol: 'x₂', value: (_x1: number, x2: number) => x2 / E },
  { id: 'x1Squared', symbol: 'x₁²', value: (x1: number) => (x1 * x1) / (E * E) },
  { id: 'x2Squared', symbol: 'x₂²', value: (_x1: number, x2: number) => (x2 * x2) / (E * E) },
  { id: 'x1x2', symbol: 'x₁x₂', value: (x1: number, x2: number) => (x1 * x2) / (E * E) },
  { id: 'sinX1', symbol: 'sin x₁', value: (x1: number) => Math.sin(x1) },
  { id: 'sinX2', symbol: 'sin x₂', value: (_x1: number, x2: number) => Math.sin(x2) },
] as const satisfies readonly PlaygroundFeature[];

export type PlaygroundFeatureId = (typeof PLAYGROUND_FEATURES)[number]['id'];
export const PLAYGROUND_FEATURE_IDS = PLAYGROUND_FEATURES.map((f) => f.id) as [PlaygroundFeatureId, ...PlaygroundFeatureId[]];
/** The plain coordinates, as the Playground started before it had features (and as old settings files load). */
export const DEFAULT_PLAYGROUND_FEATURES: PlaygroundFeatureId[] = ['x1', 'x2'];

const BY_ID = new Map<string, PlaygroundFeature>(PLAYGROUND_FEATURES.map((f) => [f.id, f]));

export function playgroundFeature(id: PlaygroundFeatureId): PlaygroundFeature {
  const feature = BY_ID.get(id);
  if (!feature) throw new Error(`Unknown Playground feature "${id}".`);
  return feature;
}

/** The chosen ids in the column's order, each once: the network's input i is always the same feature for the same choice. */
export function orderedFeatures(ids: readonly PlaygroundFeatureId[]): PlaygroundFeatureId[] {
  const chosen = new Set(ids);
  return PLAYGROUND_FEATURE_IDS.filter((id) => chosen.has(id));
}

/**
 * The network's input vector for a point of the plane, one entry per chosen feature in the column's order. The
 * order and the functions are looked up once here, not at every point: training and the grids call it thousands of times.
 */
export function inputEncoder(ids: readonly PlaygroundFeatureId[]): (x1: number, x2: number) => number[] {
  const values = orderedFeatures(ids).map((id) => playgroundFeature(id).value);
  return (x1, x2) => values.map((value) => value(x1, x2));
}
