import {
  arctan,
  elu,
  identity,
  leakyRelu,
  prelu,
  relu,
  sigmoid,
  softplus,
  step,
  tanh,
  type Activation,
  type TensorOps,
} from '../didactic/activations';

/**
 * Every activation Sinapsis offers, once. The model spec's schema, the layer builder's choices, the labs, the tfjs
 * model builder, the didactic engine and the saved-model export all derive from this table, so adding an activation
 * is one entry here, its maths in `didactic/activations.ts`, its name in `shared/i18n/glossary.ts` and its
 * tests (docs/CONVENTIONS.md has the recipe). `satisfies` makes a missing or misspelt field a compile error.
 */

/** How the tfjs model computes it: inside the weighted layer (tfjs's own activation string), or as a layer after it. */
export type TfjsActivation =
  | { layer: 'native'; name: 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softplus' | 'softmax' }
  /** tfjs's `leakyReLU` layer with α. */
  | { layer: 'leakyRelu' }
  /** tfjs's `prelu` layer, α learned (one per channel for images, one per neuron for dense layers). */
  | { layer: 'prelu' }
  /** Our `SinapsisActivation` layer (tfjs lacks it, or only with α = 1): its tensor form, with tfjs's operations. */
  | { layer: 'custom'; tensor: <T>(ops: TensorOps<T>, x: T, alpha: number) => T };

export interface ActivationInfo {
  /** Default α (negative slope or scale) for those that take one; null for the others. */
  alpha: number | null;
  /** α is a trained parameter (PReLU): it adds parameters, and the didactic engine (which keeps α fixed) cannot train it. */
  learnsAlpha: boolean;
  /** The activation this one equals when α is not learned (PReLU with fixed α is a leaky ReLU). */
  withFixedAlpha: ActivationKindName | null;
  /** Offered for hidden layers (softmax is not: it belongs to the output). */
  hidden: boolean;
  /** Offered for the output layer. */
  output: boolean;
  /** f′ is not zero everywhere, so backpropagation can train the layers before it (the step's is 0). */
  hasGradient: boolean;
  /**
   * f(x) = 0 and f′(x) = 0 for every x < 0 (ReLU): a unit whose input is negative for every sample outputs 0, passes
   * no gradient and never recovers, a dead unit. The trainer counts these units (core/engine/deadUnits.ts).
   */
  canDie: boolean;
  tfjs: TfjsActivation;
  /** f and f′ with α (ignored by those without one); null for softmax, which is not elementwise. */
  elementwise: ((alpha: number) => Activation) | null;
}

/** The keys of ACTIVATIONS, spelt out so the table can refer to itself (`withFixedAlpha`); checked below. */
type ActivationKindName =
  'identity' | 'step' | 'sigmoid' | 'tanh' | 'arctan' | 'relu' | 'leakyRelu' | 'prelu' | 'elu' | 'softplus' | 'softmax';

const plain = { alpha: null, learnsAlpha: false, withFixedAlpha: null, hidden: true, hasGradient: true, canDie: false } as const;

/** In the order of the lecture table (seed 000, "Importancia de las derivadas"), softmax last. */
export const ACTIVATIONS = {
  identity: { ...plain, output: true, tfjs: { layer: 'native', name: 'linear' }, elementwise: () => identity },
  step: {
    ...plain,
    output: true,
    hasGradient: false,
    tfjs: { layer: 'custom', tensor: (ops, x) => ops.step(x) },
    elementwise: () => step,
  },
  sigmoid: { ...plain, output: true, tfjs: { layer: 'native', name: 'sigmoid' }, elementwise: () => sigmoid },
  tanh: { ...plain, output: true, tfjs: { layer: 'native', name: 'tanh' }, elementwise: () => tanh },
  arctan: { ...plain, output: false, tfjs: { layer: 'custom', tensor: (ops, x) => ops.atan(x) }, elementwise: () => arctan },
  relu: { ...plain, output: false, canDie: true, tfjs: { layer: 'native', name: 'relu' }, elementwise: () => relu },
  leakyRelu: { ...plain, alpha: 0.01, output: false, tfjs: { layer: 'leakyRelu' }, elementwise: leakyRelu },
  prelu: {
    ...plain,
    alpha: 0.25,
    learnsAlpha: true,
    withFixedAlpha: 'leakyRelu',
    output: false,
    tfjs: { layer: 'prelu' },
    elementwise: prelu,
  },
  elu: {
    ...plain,
    alpha: 1,
    output: false,
    // tfjs's ELU layer only takes α = 1: α (eˣ - 1) for x < 0 is tf.elu times α on the negative side.
    tfjs: {
      layer: 'custom',
      tensor: (ops, x, alpha) => (alpha === 1 ? ops.elu(x) : ops.where(ops.greaterEqual(x, 0), x, ops.mul(alpha, ops.elu(x)))),
    },
    elementwise: elu,
  },
  softplus: { ...plain, output: false, tfjs: { layer: 'native', name: 'softplus' }, elementwise: () => softplus },
  softmax: { ...plain, hidden: false, output: true, tfjs: { layer: 'native', name: 'softmax' }, elementwise: null },
} as const satisfies Record<ActivationKindName, ActivationInfo>;

type Table = typeof ACTIVATIONS;
export type ActivationKind = keyof Table;
/** Compile-time check that the spelt-out names are exactly the table's keys. */
const sameKeys: [ActivationKind] extends [ActivationKindName] ? ([ActivationKindName] extends [ActivationKind] ? true : never) : never =
  true;
void sameKeys;

type KindsWhere<Field extends keyof ActivationInfo, Value> = {
  [K in ActivationKind]: Table[K][Field] extends Value ? K : never;
}[ActivationKind];
/** Activations written `{ kind, alpha }` in a model spec. */
export type AlphaActivationKind = KindsWhere<'alpha', number>;
/** Activations written as a plain string. */
export type PlainActivationKind = Exclude<ActivationKind, AlphaActivationKind>;
export type OutputActivationKind = KindsWhere<'output', true>;
export type HiddenActivationKind = KindsWhere<'hidden', true>;
/** Elementwise activations (all but softmax): the lecture table, with f and f′. */
export type ElementwiseActivationKind = Exclude<ActivationKind, KindsWhere<'elementwise', null>>;
export type CustomTfjsActivationKind = { [K in ActivationKind]: Table[K]['tfjs'] extends { layer: 'custom' } ? K : never }[ActivationKind];

type NonEmpty<T> = [T, ...T[]];
const kinds = Object.keys(ACTIVATIONS) as ActivationKind[];
function kindsWhere<K extends ActivationKind>(keep: (info: ActivationInfo) => boolean): NonEmpty<K> {
  return kinds.filter((kind) => keep(ACTIVATIONS[kind])) as NonEmpty<K>;
}

export const ACTIVATION_KINDS = kinds as NonEmpty<ActivationKind>;
export const ALPHA_ACTIVATION_KINDS = kindsWhere<AlphaActivationKind>((info) => info.alpha !== null);
export const PLAIN_ACTIVATION_KINDS = kindsWhere<PlainActivationKind>((info) => info.alpha === null);
/** The output layer's choices, softmax first (the default for classification). */
export const OUTPUT_ACTIVATION_KINDS = [
  'softmax',
  ...kindsWhere<OutputActivationKind>((info) => info.output).filter((kind) => kind !== 'softmax'),
] as NonEmpty<OutputActivationKind>;
export const HIDDEN_ACTIVATION_KINDS = kindsWhere<HiddenActivationKind>((info) => info.hidden);
export const ELEMENTWISE_ACTIVATION_KINDS = kindsWhere<ElementwiseActivationKind>((info) => info.elementwise !== null);

export function takesAlpha(kind: ActivationKind): kind is AlphaActivationKind {
  return ACTIVATIONS[kind].alpha !== null;
}

/** Default α of an activation, 0 for those without one. */
export function defaultAlpha(kind: ActivationKind): number {
  return ACTIVATIONS[kind].alpha ?? 0;
}

/** f and f′ of an elementwise activation with α (ignored by those that have none); α defaults to the table's. */
export function getActivation(kind: ElementwiseActivationKind, alpha: number = defaultAlpha(kind)): Activation {
  return ACTIVATIONS[kind].elementwise(alpha);
}
