import { describe, expect, it } from 'vitest';
import { createSeededRandom, shuffledIndices, shuffledOrder } from './seededRandom';

describe('shuffledOrder', () => {
  it("gives the training samples in shuffledIndices's order, with the same draws", () => {
    const train = Array.from({ length: 997 }, (_, i) => 3 * i + 1);
    const a = createSeededRandom(12);
    const b = createSeededRandom(12);
    for (let epoch = 0; epoch < 3; epoch++) {
      const expected = shuffledIndices(train.length, a).map((i) => train[i]);
      expect(Array.from(shuffledOrder(train, b))).toEqual(expected);
    }
    expect(a.next()).toBe(b.next());
  });

  it('keeps every sample exactly once, and an empty or single list as it is', () => {
    const train = Array.from({ length: 100 }, (_, i) => i);
    expect(Array.from(shuffledOrder(train, createSeededRandom(1))).sort((x, y) => x - y)).toEqual(train);
    expect(Array.from(shuffledOrder([], createSeededRandom(1)))).toEqual([]);
    expect(Array.from(shuffledOrder([7], createSeededRandom(1)))).toEqual([7]);
  });
});
