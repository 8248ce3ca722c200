import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAB_HOG_PARAMS } from '../../../shared/contract/features';
import type { SaliencyMap, SaliencyMethodRequest } from '../../../shared/contract/saliency';
import { saliencyMethodRequestSchema } from '../../../shared/contract/saliency';
import { hogGeometry } from '../../../shared/features/hogLength';
import { initBackend } from '../engine/backends';
import { computeSaliency } from './computeSaliency';
import { featureCell } from './hogCells';
import { patchStarts } from './occlusion';
import { CLASSES, halfCnn, halfMlp, hogRun, inHalf, linearModel, pixelRun, seededImage, seededValues, type Half } from './saliencyTesting';

/**
 * The hand-built cases whose answer is known: a model whose weights on one half of the image are zero can only look
 * at the other half, so every method's map must put its mass there (and the mirrored model's on the other side).
 */

// The backend the app picks on this machine (no native TensorFlow): it lacks some gradient kernels tfjs's cpu has,
// so the methods are tested where they run; inputGradient.test.ts runs on cpu.
beforeAll(async () => {
  await initBackend('wasm');
});

const request = (input: unknown): SaliencyMethodRequest => saliencyMethodRequestSchema.parse(input);

/** The map's total on the columns at least `margin` columns away from the middle, on `half`'s side. */
function beyond(map: SaliencyMap, half: Half, margin: number): number {
  return map.values.reduce((sum, value, i) => {
    const x = i % map.width;
    const far = half === 'left' ? x < map.width / 2 - margin : x >= map.width / 2 + margin;
    return far ? sum + value : sum;
  }, 0);
}

/** Share of the map's total on one half. */
function massOn(map: SaliencyMap, half: Half): number {
  let inside = 0;
  let total = 0;
  map.values.forEach((value, i) => {
    total += value;
    if (inHalf(i % map.width, map.width, half)) inside += value;
  });
  return total > 0 ? inside / total : Number.NaN;
}

const other = (half: Half): Half => (half === 'left' ? 'right' : 'left');

describe('saliency of an MLP on pixels that only sees one half', () => {
  it.each(['left', 'right'] as const)('%s half: the gradients are zero on the other half, occlusion lights the seen half', (half) => {
    const run = pixelRun(halfMlp(16, 16, half), { width: 16, height: 16, channels: 1 });
    const sample = { kind: 'image' as const, image: seededImage(16, 16, 1, 11) };
    for (const method of ['gradient', 'smoothgrad'] as const) {
      const result = computeSaliency(run, sample, { method: request({ method }) });
      expect(result.map).toMatchObject({ width: 16, height: 16 });
      expect(result.map.max).toBeGreaterThan(0);
      expect(massOn(result.map, half)).toBe(1);
      expect(Math.max(...result.map.values)).toBeCloseTo(1, 12);
    }
    const occluded = computeSaliency(run, sample, { method: request({ method: 'occlusion' }) });
    expect(occluded.occlusion).toMatchObject({ patch: 3, stride: 1, copies: 14 * 14 });
    // A square straddling the middle also covers a seen column, so the 2 unseen columns next to it get a little;
    // farther away, nothing.
    expect(massOn(occluded.map, half)).toBeGreaterThan(0.75);
    expect(beyond(occluded.map, other(half), 2)).toBeLessThan(1e-6);
    run.model.dispose();
  });

  it('explains the predicted class unless another is asked for, with its probability', () => {
    const run = pixelRun(halfMlp(8, 8, 'left'), { width: 8, height: 8, channels: 1 });
    const sample = { kind: 'image' as const, image: seededImage(8, 8, 1, 2) };
    const predicted = computeSaliency(run, sample, { method: request({ method: 'gradient' }) });
    expect(predicted.targetClass).toBe(predicted.predictedClass);
    const probabilities = tf.tidy(() =>
      Array.from(
        (
          run.model.predict(
            tf.tensor2d(
              Float32Array.from(sample.image.data, (v) => v / 255),
              [1, 64],
            ),
          ) as tf.Tensor
        ).dataSync(),
      ),
    );
    expect(predicted.predictedClass).toBe(probabilities.indexOf(Math.max(...probabilities)));
    expect(predicted.probability).toBeCloseTo(Math.max(...probabilities), 6);
    const chosen = computeSaliency(run, sample, { method: request({ method: 'gradient' }), targetClass: 2 });
    expect(chosen).toMatchObject({ targetClass: 2, label: CLASSES[2] });
    expect(chosen.probability).toBeCloseTo(probabilities[2], 6);
    expect(() => computeSaliency(run, sample, { method: request({ method: 'gradient' }), targetClass: 3 })).toThrow(
      expect.objectContaining({ code: 'saliency-bad-class' }),
    );
    run.model.dispose();
  });
});

describe('saliency of a CNN that only sees one half', () => {
  it.each(['left', 'right'] as const)('%s half: gradients, SmoothGrad and occlusion light that half', (half) => {
    const run = pixelRun(halfCnn(16, 16, 1, half), { width: 16, height: 16, channels: 1 });
    const sample = { kind: 'image' as const, image: seededImage(16, 16, 1, 7) };
    for (const method of ['gradient', 'smoothgrad', 'occlusion'] as const) {
      const result = computeSaliency(run, sample, { method: request({ method }) });
      // The 3×3 kernel reaches one column across the middle, a 3-pixel occluding square two more.
      const reach = method === 'occlusion' ? 3 : 1;
      expect(massOn(result.map, half)).toBeGreaterThan(method === 'occlusion' ? 0.7 : 0.9);
      expect(beyond(result.map, other(half), reach)).toBeLessThan(1e-6);
    }
    run.model.dispose();
  });

  it.each(['left', 'right'] as const)(
    'Grad-CAM: a red square on the left and a blue one on the right, a model that uses only the %s colour lights its square',
    (half) => {
      // Filter 0 picks the red channel, filter 1 the blue one; the output reads only one filter's maps (all positions),
      // so Grad-CAM's channel weights must pick that filter and its map holds only that square.
      const kernel = new Float32Array(3 * 3 * 3 * 2);
      kernel[(4 * 3 + 0) * 2 + 0] = 1; // centre, red -> filter 0
      kernel[(4 * 3 + 2) * 2 + 1] = 1; // centre, blue -> filter 1
      const model = halfCnn(16, 16, 3, 'left', { kernel });
      const output = model.layers[model.layers.length - 1];
      const used = half === 'left' ? 0 : 1;
      const dense = new Float32Array(16 * 16 * 2 * CLASSES.length);
      for (let position = 0; position < 16 * 16; position++) dense[(position * 2 + used) * CLASSES.length + 0] = 0.05;
      output.setWeights([tf.tensor2d(dense, [16 * 16 * 2, CLASSES.length]), tf.zeros([CLASSES.length])]);
      const image = new Uint8Array(16 * 16 * 3);
      for (let y = 4; y < 12; y++) {
        for (let x = 1; x < 7; x++) image[(y * 16 + x) * 3] = 255; // red, left
        for (let x = 9; x < 15; x++) image[(y * 16 + x) * 3 + 2] = 255; // blue, right
      }
      const run = pixelRun(model, { width: 16, height: 16, channels: 3 });
      const result = computeSaliency(
        run,
        { kind: 'image', image: { width: 16, height: 16, channels: 3, data: image } },
        {
          method: request({ method: 'gradcam' }),
          targetClass: 0,
        },
      );
      expect(result.gradcam).toMatchObject({ layers: [model.layers[0].name], layer: 0, mapWidth: 16, mapHeight: 16 });
      expect(massOn(result.map, half)).toBeGreaterThan(0.98);
      expect(result.picture).toMatchObject({ width: 16, height: 16 });
      model.dispose();
    },
  );

  it('Grad-CAM on a chosen conv layer (by its number among the conv layers), and refuses a layer that does not exist', () => {
    const run = pixelRun(halfCnn(8, 8, 1, 'left'), { width: 8, height: 8, channels: 1 });
    const sample = { kind: 'image' as const, image: seededImage(8, 8, 1, 4) };
    expect(computeSaliency(run, sample, { method: request({ method: 'gradcam', layer: 0 }) }).gradcam?.layer).toBe(0);
    expect(() => computeSaliency(run, sample, { method: request({ method: 'gradcam', layer: 1 }) })).toThrow(
      expect.objectContaining({ code: 'inference-no-such-conv' }),
    );
    run.model.dispose();
  });
});

describe('HOG-cell weights', () => {
  it('a linear model that reads only one cell lights that cell, and only it', () => {
    const width = 12;
    const height = 24;
    const geometry = hogGeometry(height, width, LAB_HOG_PARAMS);
    const cell = { row: 2, column: 1 };
    const kernel = new Float32Array(geometry.length * CLASSES.length);
    const weights = seededValues(geometry.length, 9);
    for (let i = 0; i < geometry.length; i++) {
      const at = featureCell(i, LAB_HOG_PARAMS, geometry);
      // Positive weights of class 0 on every feature of the cell (all its blocks and bins).
      if (at.row === cell.row && at.column === cell.column) kernel[i * CLASSES.length] = 0.5 + Math.abs(weights[i]);
    }
    const run = hogRun(linearModel(geometry.length, kernel), width, height);
    const image = seededImage(width, height, 1, 21);
    const result = computeSaliency(run, { kind: 'image', image }, { method: request({ method: 'hogCells' }), targetClass: 0 });
    const hog = result.hog!;
    expect(hog).toMatchObject({ cellRows: 6, cellColumns: 3, orientations: 8, pixelsPerCell: [4, 4] });
    const bins = hog.orientations;
    for (let r = 0; r < hog.cellRows; r++) {
      for (let c = 0; c < hog.cellColumns; c++) {
        const own = hog.weights.slice((r * hog.cellColumns + c) * bins, (r * hog.cellColumns + c + 1) * bins);
        // Every weight of the cell is positive, so its shares w·x are ≥ 0 (0 for a bin no gradient fell in).
        if (r === cell.row && c === cell.column) expect(Math.min(...own) >= 0 && Math.max(...own) > 0).toBe(true);
        else expect(own.every((w) => w === 0)).toBe(true);
      }
    }
    // The overlay: the cell's 4×4 pixels at 1, every other pixel 0.
    result.map.values.forEach((value, p) => {
      const inCell = Math.floor(p / width / 4) === cell.row && Math.floor((p % width) / 4) === cell.column;
      expect(value).toBeCloseTo(inCell ? 1 : 0, 12);
    });
    expect(hog.binTotals.reduce((a, b) => a + b, 0)).toBeCloseTo(result.map.max, 4);
    expect(result.picture).toMatchObject({ width, height });
    run.model.dispose();
  });

  it('occlusion of a HOG run covers the image and computes HOG again for every copy', () => {
    const geometry = hogGeometry(24, 12, LAB_HOG_PARAMS);
    const run = hogRun(linearModel(geometry.length, seededValues(geometry.length * CLASSES.length, 3)), 12, 24);
    const result = computeSaliency(run, { kind: 'image', image: seededImage(12, 24, 1, 5) }, { method: request({ method: 'occlusion' }) });
    expect(result.occlusion).toMatchObject({ patch: 2, stride: 1, copies: 11 * 23 });
    expect(result.map).toMatchObject({ width: 12, height: 24 });
    expect(result.map.max).toBeGreaterThan(0);
    run.model.dispose();
  });
});

describe('refusals and memory', () => {
  it('refuses the methods that do not apply, saying what to use instead', () => {
    const mlp = pixelRun(halfMlp(8, 8, 'left'), { width: 8, height: 8, channels: 1 });
    const sample = { kind: 'image' as const, image: seededImage(8, 8, 1, 1) };
    expect(() => computeSaliency(mlp, sample, { method: request({ method: 'gradcam' }) })).toThrow(
      expect.objectContaining({ code: 'saliency-needs-conv', message: expect.stringContaining('occlusion') }),
    );
    expect(() => computeSaliency(mlp, sample, { method: request({ method: 'hogCells' }) })).toThrow(
      expect.objectContaining({ code: 'saliency-needs-hog' }),
    );
    expect(() => computeSaliency(mlp, { kind: 'row', values: [1, 2] }, { method: request({ method: 'gradient' }) })).toThrow(
      expect.objectContaining({ code: 'inference-wrong-input' }),
    );
    expect(() => computeSaliency(mlp, sample, { method: request({ method: 'occlusion', patch: 9 }) })).toThrow(
      expect.objectContaining({ code: 'saliency-patch-too-large' }),
    );
    const length = hogGeometry(24, 12, LAB_HOG_PARAMS).length;
    const hog = hogRun(linearModel(length, seededValues(length * 3, 1)), 12, 24);
    expect(() =>
      computeSaliency(hog, { kind: 'image', image: seededImage(12, 24, 1, 1) }, { method: request({ method: 'gradient' }) }),
    ).toThrow(expect.objectContaining({ code: 'saliency-needs-pixels' }));
    mlp.model.dispose();
    hog.model.dispose();
  });

  it('leaves no tensor behind, whatever the method', () => {
    const cnn = pixelRun(
      halfCnn(16, 16, 1, 'left'),
      { width: 16, height: 16, channels: 1 },
      {
        kind: 'standard',
        mean: Array.from({ length: 256 }, () => 0.4),
        std: Array.from({ length: 256 }, () => 0.3),
      },
    );
    const length = hogGeometry(24, 12, LAB_HOG_PARAMS).length;
    const hog = hogRun(linearModel(length, seededValues(length * 3, 1)), 12, 24);
    const image = seededImage(16, 16, 1, 3);
    const before = tf.memory().numTensors;
    for (const method of ['gradcam', 'gradient', 'smoothgrad', 'occlusion'] as const)
      computeSaliency(cnn, { kind: 'image', image }, { method: request({ method }) });
    for (const method of ['hogCells', 'occlusion'] as const)
      computeSaliency(hog, { kind: 'image', image: seededImage(12, 24, 1, 3) }, { method: request({ method }) });
    expect(tf.memory().numTensors).toBe(before);
    cnn.model.dispose();
    hog.model.dispose();
  });

  it('slides the occlusion square to the last position that ends at the edge', () => {
    expect(patchStarts(10, 3, 3)).toEqual([0, 3, 6, 7]);
    expect(patchStarts(9, 3, 3)).toEqual([0, 3, 6]);
    expect(patchStarts(4, 4, 2)).toEqual([0]);
  });
});
