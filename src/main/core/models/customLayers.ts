import * as tf from '@tensorflow/tfjs';
import type { TensorOps } from '../../../shared/didactic/activations';
import { ACTIVATIONS, type CustomTfjsActivationKind } from '../../../shared/models/activationTable';

/**
 * Layers tfjs lacks, registered for (de)serialisation so that saved models load again:
 * - `SinapsisActivation`: the activations whose `tfjs.layer` is 'custom' in the activation table, computed by the
 *   table's tensor form: arctan (f' = 1 / (1 + x²), tfjs differentiates tf.atan), the perceptron's step (tfjs gives
 *   tf.step a zero gradient, as the lecture's table says) and ELU with any α (tfjs's ELU layer only accepts α = 1).
 * - `SinapsisDropout`: dropout whose masks come from a seed that advances each batch. tfjs's own dropout layer
 *   either draws from Math.random (not reproducible) or, given a seed, repeats the same mask every batch.
 */

export type ElementwiseFunction = CustomTfjsActivationKind;

/** tfjs's operations as the table's tensor forms use them (tfjs's own signatures are wider: they accept arrays too). */
const TF_OPS: TensorOps<tf.Tensor> = {
  atan: tf.atan,
  step: tf.step,
  elu: tf.elu,
  where: tf.where,
  greaterEqual: tf.greaterEqual,
  mul: tf.mul,
};

/** tfjs's LayerArgs (name, inputShape, ...), which tfjs does not export by name. */
type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

interface ActivationLayerArgs extends LayerArgs {
  fn: ElementwiseFunction;
  /** ELU's α; ignored by the others. */
  alpha?: number;
}

export class SinapsisActivation extends tf.layers.Layer {
  static readonly className = 'SinapsisActivation';
  readonly fn: ElementwiseFunction;
  readonly alpha: number;

  constructor(args: ActivationLayerArgs) {
    const { fn, alpha, ...layerArgs } = args;
    super(layerArgs);
    this.fn = fn;
    this.alpha = alpha ?? 1;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const tensorForm = ACTIVATIONS[this.fn].tfjs.tensor;
    return tf.tidy(() => tensorForm(TF_OPS, x, this.alpha));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), fn: this.fn, alpha: this.alpha };
  }
}

interface DropoutLayerArgs extends LayerArgs {
  rate: number;
  seed: number;
}

export class SinapsisDropout extends tf.layers.Layer {
  static readonly className = 'SinapsisDropout';
  readonly rate: number;
  readonly seed: number;
  private calls = 0;

  constructor(args: DropoutLayerArgs) {
    const { rate, seed, ...layerArgs } = args;
    super(layerArgs);
    this.rate = rate;
    this.seed = seed;
  }

  /**
   * Set when this model computes rows `offset`… of a batch of `total` rows split between two training workers
   * (engine/dataParallel.ts): the mask is drawn for the whole batch and the part's rows are used, so each row gets
   * the mask it would get on one worker (tf.dropout is x · multiplier, and 1 · multiplier = multiplier exactly).
   */
  shard: { offset: number; total: number } | null = null;

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (!kwargs.training || this.rate === 0) return x;
    // A new seed per batch: reproducible across runs, different masks across batches.
    const seed = this.seed + 7919 * ++this.calls;
    const shard = this.shard;
    if (!shard) return tf.tidy(() => tf.dropout(x, this.rate, undefined, seed));
    return tf.tidy(() => {
      const multiplier = tf.dropout(tf.ones([shard.total, ...x.shape.slice(1)]), this.rate, undefined, seed);
      return tf.mul(x, tf.slice(multiplier, shard.offset, x.shape[0]));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

let registered = false;

export function registerCustomLayers(): void {
  if (registered) return;
  tf.serialization.registerClass(SinapsisActivation);
  tf.serialization.registerClass(SinapsisDropout);
  registered = true;
}
