/**
 * Activation functions of the lecture table (seed 000, "Importancia de las derivadas"), each paired with
 * its derivative as the course writes f and f'. A neuron's *net input* (activación, a_j = b_j + Σ w_ji x_i)
 * goes into `output` to give the neuron's output y_j = f(a_j); `der` is f'(a_j), which backpropagation
 * multiplies into every sensitivity, so it must be cheap and exact.
 */
export interface Activation {
  /** f(x) */
  output(x: number): number;
  /** f'(x), the derivative with respect to the net input x. */
  der(x: number): number;
  /**
   * f' written with the output y = f(x), where the course writes it that way (sigmoid: y (1 - y), tanh: 1 - y²):
   * the same number as der(x), without computing f again. Backprop can use it when it kept the outputs.
   */
  derFromOutput?(y: number): number;
}

/**
 * The tfjs operations an activation's tensor form may use (`ACTIVATIONS[kind].tfjs.tensor` in
 * `models/activationTable.ts`). Written as an interface so this file stays free of tfjs (the renderer imports it);
 * core passes `tf` itself. Add the operation here when a new activation needs one tfjs has.
 */
export interface TensorOps<T> {
  atan(x: T): T;
  step(x: T): T;
  elu(x: T): T;
  where(condition: T, a: T, b: T): T;
  greaterEqual(x: T, y: number): T;
  mul(a: number, x: T): T;
}

export const identity: Activation = { output: (x) => x, der: () => 1 };

/** Binary step. Its derivative is 0 everywhere except at 0, where it is undefined ("?" in the table); we use 0, so it cannot learn by backprop. */
export const step: Activation = { output: (x) => (x >= 0 ? 1 : 0), der: () => 0 };

export function sigmoidOutput(x: number): number {
  // Two branches keep exp() from overflowing for large |x|.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Logistic ("soft step"): f' = f (1 - f). */
export const sigmoid: Activation = {
  output: sigmoidOutput,
  der: (x) => {
    const f = sigmoidOutput(x);
    return f * (1 - f);
  },
  derFromOutput: (f) => f * (1 - f),
};

/** Hyperbolic tangent: f' = 1 - f². Saturates at ±1, where f' → 0. */
export const tanh: Activation = {
  output: (x) => Math.tanh(x),
  der: (x) => {
    const f = Math.tanh(x);
    return 1 - f * f;
  },
  derFromOutput: (f) => 1 - f * f,
};

/** ArcTan: f' = 1 / (x² + 1). */
export const arctan: Activation = { output: (x) => Math.atan(x), der: (x) => 1 / (x * x + 1) };

/** ReLU: f' = 1 for x ≥ 0 (as in the lecture table), 0 otherwise. */
export const relu: Activation = { output: (x) => (x >= 0 ? x : 0), der: (x) => (x >= 0 ? 1 : 0) };

/** Leaky ReLU with a fixed slope α for negative inputs, so the neuron never stops learning completely. */
export function leakyRelu(alpha: number): Activation {
  return { output: (x) => (x >= 0 ? x : alpha * x), der: (x) => (x >= 0 ? 1 : alpha) };
}

/**
 * PReLU: the same formula as leaky ReLU, but in a real network α is a learned parameter. Here α is given
 * (the explorer's slider, or a fixed value in the didactic network, which does not learn α).
 */
export function prelu(alpha: number): Activation {
  return leakyRelu(alpha);
}

/** ELU: α(eˣ - 1) for x < 0, x otherwise; f' = f + α = α eˣ for x < 0. */
export function elu(alpha: number): Activation {
  return {
    output: (x) => (x >= 0 ? x : alpha * (Math.exp(x) - 1)),
    der: (x) => (x >= 0 ? 1 : alpha * Math.exp(x)),
  };
}

/** SoftPlus: ln(1 + eˣ), a smooth ReLU; its derivative is the sigmoid. */
export const softplus: Activation = {
  // log1p(exp(x)) overflows for large x, where softplus(x) ≈ x + log1p(exp(-x)).
  output: (x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))),
  der: sigmoidOutput,
};

/**
 * Softmax turns a layer's net inputs into probabilities that sum to 1. It is not elementwise (each output
 * depends on every net input), so it is not an `Activation`; its Jacobian is ∂z_k/∂a_m = z_k (1[k = m] - z_m).
 */
export function softmax(netInputs: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < netInputs.length; i++) max = Math.max(max, netInputs[i]);
  const out = new Float64Array(netInputs.length);
  let sum = 0;
  for (let i = 0; i < netInputs.length; i++) {
    // Subtracting the max leaves the result unchanged and keeps exp() finite.
    out[i] = Math.exp(netInputs[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}
