/**
 * The optimizers a student picks (seed 001, "Algoritmos de optimización"), once. Each is an update rule plus how it
 * batches; the three engines implement each *rule* (`denseOptimizer.ts` for the didactic engine, `heapOptimizer.ts`
 * on the wasm heap, `tfjsOptimizer.ts` with tfjs's classes) as a `Record<OptimizerRule, …>` or an exhaustive switch,
 * so a rule added here and forgotten in an engine fails to compile.
 */

/**
 * The update rules (g includes the L2 term):
 * - sgd:      w ← w - η g
 * - momentum: v ← μ v + g;  w ← w - η v
 * - rmsprop:  s ← ρ s + (1 - ρ) g²;  w ← w - η g / √(s + ε)
 * - adam:     m ← β₁ m + (1 - β₁) g;  v ← β₂ v + (1 - β₂) g²;  w ← w - η m̂ / (√v̂ + ε)
 */
export const OPTIMIZER_RULES = {
  sgd: { slots: 0 },
  momentum: { slots: 1 },
  rmsprop: { slots: 2 },
  adam: { slots: 2 },
} as const satisfies Record<string, { /** State arrays kept per weight tensor (momentum's v, Adam's m and v...). */ slots: number }>;
export type OptimizerRule = keyof typeof OPTIMIZER_RULES;

/** tfjs's defaults for tf.train.adam(lr) and tf.train.rmsprop(lr), and the float32 backends' ε: both engines use them. */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const RMSPROP_DECAY = 0.9;
export const OPTIMIZER_EPSILON = 1e-7;

/** How many samples one update uses. */
export type BatchPolicy = 'all' | 'one' | 'setting';

interface OptimizerInfo {
  batch: BatchPolicy;
  /** The momentum setting applies (mini-batch SGD with momentum). */
  usesMomentum: boolean;
  /** Its rule, given the momentum setting. */
  rule: (momentum: number) => OptimizerRule;
}

export const OPTIMIZERS = {
  /** Gradient descent: one update per epoch on the whole training set. */
  gd: { batch: 'all', usesMomentum: false, rule: () => 'sgd' },
  /** Stochastic gradient descent: one update per sample. */
  sgd: { batch: 'one', usesMomentum: false, rule: () => 'sgd' },
  /** SGD on batches of `batchSize`, with optional momentum. */
  minibatch: { batch: 'setting', usesMomentum: true, rule: (momentum) => (momentum > 0 ? 'momentum' : 'sgd') },
  adam: { batch: 'setting', usesMomentum: false, rule: () => 'adam' },
  rmsprop: { batch: 'setting', usesMomentum: false, rule: () => 'rmsprop' },
} as const satisfies Record<string, OptimizerInfo>;
export type OptimizerName = keyof typeof OPTIMIZERS;
export const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as [OptimizerName, ...OptimizerName[]];

/** The update rule an optimizer setting runs. */
export function optimizerRule(settings: { optimizer: OptimizerName; momentum: number }): OptimizerRule {
  return OPTIMIZERS[settings.optimizer].rule(settings.momentum);
}

/** State arrays per weight tensor of an optimizer setting (for the memory estimate). */
export function optimizerSlots(optimizer: OptimizerName, momentum = 0): number {
  return OPTIMIZER_RULES[optimizerRule({ optimizer, momentum })].slots;
}

/** The batch size an optimizer actually uses for `trainingSamples` samples. */
export function effectiveBatchSize(settings: { optimizer: OptimizerName; batchSize: number }, trainingSamples: number): number {
  const policy: BatchPolicy = OPTIMIZERS[settings.optimizer].batch;
  switch (policy) {
    case 'all':
      return Math.max(1, trainingSamples);
    case 'one':
      return 1;
    case 'setting':
      return Math.max(1, Math.min(settings.batchSize, trainingSamples));
  }
}
