import type { ModelSpec } from './modelSpec';

/** One change made to a preset so it fits the data, for the notice shown in Modelo and printed by the CLI. */
export type PresetChange = { kind: 'input'; from: number[]; to: number[] } | { kind: 'output'; from: number; to: number };

/** The output units a classifier with `classes` classes needs: one unit per class (one sigmoid unit also fits two). */
export function outputFits(layer: { units: number; activation: string }, classes: number): boolean {
  if (layer.units === classes) return true;
  return classes === 2 && layer.units === 1 && layer.activation !== 'softmax';
}

/**
 * A preset made for the dataset in hand: its input takes the features' shape (e.g. [28, 28, 3] for colour photos
 * instead of the preset's grey [28, 28, 1]) and its output layer one unit per class. The layers in between are the
 * preset's. Both GUI and CLI use this, and both say what changed.
 */
export function adaptPreset(
  spec: ModelSpec,
  inputShape: ModelSpec['inputShape'] | null,
  classes: number | null,
): { spec: ModelSpec; changes: PresetChange[] } {
  const changes: PresetChange[] = [];
  let adapted = spec;
  if (inputShape && inputShape.join('x') !== spec.inputShape.join('x')) {
    changes.push({ kind: 'input', from: [...spec.inputShape], to: [...inputShape] });
    adapted = { ...adapted, inputShape };
  }
  const last = adapted.layers[adapted.layers.length - 1];
  if (classes && last?.type === 'output' && !outputFits(last, classes)) {
    changes.push({ kind: 'output', from: last.units, to: classes });
    adapted = { ...adapted, layers: [...adapted.layers.slice(0, -1), { ...last, units: classes }] };
  }
  return { spec: adapted, changes };
}

/** The English sentence of a change (the CLI's line; the UI translates `model.presets.changed.<kind>`). */
export function describePresetChange(change: PresetChange): string {
  if (change.kind === 'input') return `input [${change.from.join('×')}] -> [${change.to.join('×')}] to match the features`;
  return `output units ${change.from} -> ${change.to}, one per class`;
}
