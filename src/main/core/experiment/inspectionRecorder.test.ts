import { describe, expect, it } from 'vitest';
import { InspectionRecorder, MAX_KEPT_INSPECTIONS } from './inspectionRecorder';

const histogram = { layer: 0, min: 0, max: 1, mean: 0.5, std: 0.1, counts: [1, 2] };

describe('InspectionRecorder', () => {
  it('keeps every fold, thins a long run to its whole span, and keeps the first and final weights', () => {
    const recorder = new InspectionRecorder(2);
    const epochs = 3 * MAX_KEPT_INSPECTIONS;
    for (let epoch = 1; epoch <= epochs; epoch++)
      recorder.record({ fold: 1, epoch, final: epoch === epochs, histograms: [histogram], boundary: null });
    recorder.record({
      fold: 0,
      epoch: 1,
      final: true,
      histograms: [histogram],
      boundary: {
        plane: { features: ['a', 'b'], xMin: 0, xMax: 1, yMin: 0, yMax: 1, resolution: 1, outputs: 1 },
        values: [0.7],
        points: [],
      },
    });
    const file = recorder.file();
    expect(file.folds.map((f) => f.inspections.length)).toEqual([1, expect.any(Number)]);
    const kept = file.folds[1].inspections;
    expect(kept.length).toBeLessThanOrEqual(MAX_KEPT_INSPECTIONS + 1);
    expect(kept.length).toBeGreaterThan(MAX_KEPT_INSPECTIONS / 2);
    expect(kept[0].epoch).toBe(1);
    expect(kept.at(-1)).toMatchObject({ epoch: epochs, final: true });
    // Still in epoch order, spread over the whole run.
    expect(kept.map((k) => k.epoch)).toEqual([...kept.map((k) => k.epoch)].sort((a, b) => a - b));
    expect(kept[Math.floor(kept.length / 2)].epoch).toBeGreaterThan(epochs / 4);
    expect(file.boundary?.values).toEqual([0.7]);
  });
});
