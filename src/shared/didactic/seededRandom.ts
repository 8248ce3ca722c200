/**
 * A small seeded pseudo-random number generator (mulberry32). The same seed always gives the same
 * sequence on every machine, so a lab (initial weights, a toy data set, a dropout mask) can be
 * reproduced from its settings file. Not for cryptography.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal N(0, 1) by the Box-Muller transform. */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

export function createSeededRandom(seed: number): SeededRandom {
  // Keep 32 bits: mulberry32 works on unsigned 32-bit state.
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal: () => {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(next() * n),
  };
}

/** Fisher-Yates shuffle of [0, n) with a seeded generator: the order in which patterns are presented. */
export function shuffledIndices(n: number, random: SeededRandom): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  fisherYates(order, random);
  return order;
}

/**
 * `items` in the order shuffledIndices(items.length, random) gives (the same draws), as an Int32Array: the training
 * loop's order of each epoch without building a number[] and copying it twice (a third of a millisecond per epoch
 * of 5000 samples, about 4 % of the bench MLP's epoch).
 */
export function shuffledOrder(items: readonly number[], random: SeededRandom): Int32Array {
  const order = new Int32Array(items.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  fisherYates(order, random);
  for (let i = 0; i < order.length; i++) order[i] = items[order[i]];
  return order;
}

function fisherYates(order: number[] | Int32Array, random: SeededRandom): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
}
