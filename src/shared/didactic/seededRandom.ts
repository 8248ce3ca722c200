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
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
