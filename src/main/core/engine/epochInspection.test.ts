import { describe, expect, it } from 'vitest';
import type { TrainingEngine } from './engineTypes';
import { epochInspector, histogram, INSPECTIONS_PER_SECOND, type EpochInspection } from './epochInspection';

describe('epoch inspection', () => {
  it('histograms count every weight into equal-width bins between the smallest and the largest', () => {
    const h = histogram(2, [-1, -1, 0, 0.5, 1], 4);
    expect(h).toMatchObject({ layer: 2, min: -1, max: 1, counts: [2, 0, 1, 2] });
    expect(h.mean).toBeCloseTo(-0.1, 10);
    expect(histogram(0, [3, 3, 3], 5).counts).toEqual([3, 0, 0, 0, 0]);
  });

  it('inspects the first epoch, then at most a few times a second, and always the final weights', () => {
    let clock = 0;
    const seen: EpochInspection[] = [];
    const engine = {
      layerKernels: () => [{ layer: 0, values: [1, 2] }],
      predictRows: (_rows: Float32Array, count: number) => new Float32Array(count).fill(0.25),
    } as unknown as TrainingEngine;
    const inspect = epochInspector(
      { rows: new Float32Array(6), count: 3 },
      (i) => seen.push(i),
      () => clock,
    );
    for (let epoch = 1; epoch <= 100; epoch++) {
      clock += 10; // 100 epochs in one second
      inspect(engine, 0, epoch, false);
    }
    inspect(engine, 0, 100, true);
    expect(seen[0].epoch).toBe(1);
    expect(seen.length).toBeLessThanOrEqual(INSPECTIONS_PER_SECOND + 2);
    expect(seen[seen.length - 1]).toMatchObject({ final: true, boundary: [0.25, 0.25, 0.25] });
  });
});
