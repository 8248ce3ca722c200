import { describe, expect, it } from 'vitest';
import { logicGate } from './logicGates';
import { blobs, circles, spirals, xorQuadrants } from './toy2d';

describe('logicGate', () => {
  it('gives the truth tables in 0/1 encoding', () => {
    expect(logicGate('xor').targets).toEqual([0, 1, 1, 0]);
    expect(logicGate('and').targets).toEqual([0, 0, 0, 1]);
    expect(logicGate('or').targets).toEqual([0, 1, 1, 1]);
    expect(logicGate('xor').features).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  it('uses -1/1 inputs and output names in bipolar encoding', () => {
    const and = logicGate('and', 'bipolar');
    expect(and.features).toEqual([
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ]);
    expect(and.classNames).toEqual(['-1', '1']);
    expect(and.targets).toEqual([0, 0, 0, 1]);
  });
});

describe('toy 2D sets', () => {
  const options = { samples: 200, noise: 0, seed: 11 };

  it('are reproducible from the seed', () => {
    expect(circles(options)).toEqual(circles(options));
    expect(spirals(options).features).not.toEqual(spirals({ ...options, noise: 0.5 }).features);
    expect(blobs(options).features).not.toEqual(blobs({ ...options, seed: 12 }).features);
  });

  it('circles without noise: class 1 inside radius 2.5, class 0 outside 3.5', () => {
    const data = circles(options);
    expect(data.features).toHaveLength(200);
    data.features.forEach(([x, y], i) => {
      const r = Math.hypot(x, y);
      if (data.targets[i] === 1) expect(r).toBeLessThan(2.5);
      else expect(r).toBeGreaterThanOrEqual(3.5);
    });
  });

  it('xor quadrants label by the sign of x*y', () => {
    const data = xorQuadrants(options);
    data.features.forEach(([x, y], i) => expect(data.targets[i]).toBe(x * y >= 0 ? 1 : 0));
  });

  it('spirals and blobs are balanced', () => {
    for (const data of [spirals(options), blobs(options), blobs({ ...options, classes: 4 })]) {
      const counts = new Map<number, number>();
      for (const t of data.targets) counts.set(t, (counts.get(t) ?? 0) + 1);
      const values = [...counts.values()];
      expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    }
  });

  it('blobs: noisier sets spread further from the centres', () => {
    const spread = (noise: number) => {
      const d = blobs({ ...options, noise, samples: 2000 });
      return d.features.reduce((sum, [x, y], i) => sum + Math.hypot(x - (d.targets[i] ? 2 : -2), y - (d.targets[i] ? 2 : -2)), 0);
    };
    expect(spread(1)).toBeGreaterThan(spread(0) * 1.5);
  });
});
