import { describe, expect, it } from 'vitest';
import { hogPipelineSchema, LAB_HOG_PARAMS } from '../../../shared/contract/features';
import { hog } from '../features/hog';
import { prepareImage } from '../features/prepareImage';
import { pixelDetails } from '../features/pixelDetails';
import { hogPipelineOf, rawFeatures, sampleFeatures, scaleVector } from './sampleFeatures';

const image = { width: 20, height: 20, channels: 1 as const, data: Uint8Array.from({ length: 400 }, (_, i) => (i * 37) % 256) };

describe('sampleFeatures', () => {
  it('reads back the HOG pipeline a run records in its feature details', () => {
    const pipeline = hogPipelineSchema.parse({
      resize: { width: 12, height: 24 },
      interpolation: 'area',
      params: { ...LAB_HOG_PARAMS, transformSqrt: true },
    });
    const details = {
      ...pipeline.params,
      resize: [12, 24] as [number, number],
      grayscale: true,
      interpolation: 'area' as const,
      length: 320,
    };
    expect(hogPipelineOf(details)).toEqual(pipeline);
  });

  it('HOG: the vector of the prepared image, rounded to float32 as the training matrix', () => {
    const pipeline = hogPipelineSchema.parse({});
    const features = {
      kind: 'hog' as const,
      length: 320,
      details: {
        ...pipeline.params,
        resize: [12, 24] as [number, number] | null,
        grayscale: true,
        interpolation: 'linear' as const,
        length: 320,
      },
    };
    const expected = Float32Array.from(hog(prepareImage(image, pipeline), pipeline.params).vector);
    expect(rawFeatures({ kind: 'image', image }, features)).toEqual(expected);
    expect(() => rawFeatures({ kind: 'image', image }, { ...features, details: { ...features.details, resize: null } })).toThrow(
      /gives \d+ HOG features/,
    );
  });

  it('pixels: grey, INTER_AREA resize to the trained size, / 255', () => {
    const features = {
      kind: 'pixels' as const,
      length: 100,
      details: pixelDetails({ width: 10, height: 10, channels: 1, colorMode: 'grayscale', resizeMode: 'stretch', keepShape: false }),
    };
    const vector = rawFeatures({ kind: 'image', image }, features);
    const prepared = prepareImage(image, { grayscale: true, resize: { width: 10, height: 10 }, interpolation: 'area' });
    expect(vector).toHaveLength(100);
    expect(vector[42]).toBe(Math.fround(prepared.data[42] / 255));
  });

  it('scaling: (x - mean) / std and (x - min) / range with the stored statistics; rows must have the trained length', () => {
    const raw = Float32Array.from([1, 2, 3]);
    expect(Array.from(scaleVector(raw, { kind: 'standard', mean: [1, 1, 1], std: [1, 2, 4] }))).toEqual([0, 0.5, 0.5]);
    expect(Array.from(scaleVector(raw, { kind: 'minmax', min: [0, 0, 1], range: [2, 4, 4] }))).toEqual([0.5, 0.5, 0.5]);
    const columns = { kind: 'columns' as const, length: 3, details: { columns: ['a', 'b', 'c'] } };
    expect(Array.from(sampleFeatures({ kind: 'row', values: [1, 2, 3] }, { features: columns, scaler: null }))).toEqual([1, 2, 3]);
    expect(() => sampleFeatures({ kind: 'row', values: [1, 2] }, { features: columns, scaler: null })).toThrow(/2 numbers/);
    expect(() => sampleFeatures({ kind: 'row', values: [1, Number.NaN, 2] }, { features: columns, scaler: null })).toThrow(/finite/);
    expect(() => sampleFeatures({ kind: 'image', image }, { features: columns, scaler: null })).toThrow(/table columns/);
  });
});
