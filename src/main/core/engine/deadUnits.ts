import { ACTIVATIONS } from '../../../shared/models/activationTable';
import { activationKind, type ModelSpec } from '../../../shared/models/modelSpec';
import type { LayerDeadUnits } from './engineTypes';

/**
 * Dead units: a hidden unit whose activation can die (ReLU: f(x) = 0 and f′(x) = 0 for x < 0, `canDie` in the
 * activation table) is dead on a batch when its output is 0 for every sample of it (for a convolution: at every
 * position of every sample, one unit per filter). A dead unit passes no gradient, so it never learns again; when a
 * whole layer dies the network outputs the same for every input and sits at chance with the loss of the class prior.
 * The training loop measures this after every epoch on the same training batch (`deadUnitProbe`), in every engine,
 * and the diagnosis reads it (core/evaluation/diagnosis.ts, `dead-units`).
 */

/** Training samples the measurement looks at: a batch large enough that a live unit fires on some of them. */
export const DEAD_UNIT_PROBE_SIZE = 256;

/** Spec indices of the hidden dense and convolution layers whose activation can die (ReLU), in order. */
export function dyingLayers(spec: ModelSpec): number[] {
  const layers: number[] = [];
  spec.layers.forEach((layer, index) => {
    if ((layer.type === 'dense' || layer.type === 'conv2d') && ACTIVATIONS[activationKind(layer.activation)].canDie) layers.push(index);
  });
  return layers;
}

/** The batch the measurement uses: the first training samples of the fold, the same ones every epoch. */
export function deadUnitProbe(train: readonly number[]): number[] {
  return train.slice(0, DEAD_UNIT_PROBE_SIZE);
}

/**
 * How many of `units` channels never output more than 0 in `values`: row-major rows of `units` values (a dense
 * layer's samples, or a convolution's samples × positions, channels last as tfjs's NHWC).
 */
export function countDeadUnits(values: ArrayLike<number>, units: number): number {
  const active = new Uint8Array(units);
  for (let k = 0; k < values.length; k++) if (values[k] > 0) active[k % units] = 1;
  let dead = 0;
  for (let j = 0; j < units; j++) if (!active[j]) dead++;
  return dead;
}

/** The layer with the largest share of dead units (first of ties), or null when none was measured. */
export function mostDeadLayer(layers: readonly LayerDeadUnits[]): LayerDeadUnits | null {
  let worst: LayerDeadUnits | null = null;
  for (const layer of layers) {
    if (layer.units > 0 && (!worst || layer.dead / layer.units > worst.dead / worst.units)) worst = layer;
  }
  return worst;
}
