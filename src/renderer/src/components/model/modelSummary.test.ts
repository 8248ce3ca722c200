import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../../shared/models/modelSpec';
import { modelPresets } from '../../../../shared/models/presets';
import { moveLayer, newLayer, summarizeForBuilder } from './modelSummary';

describe('summarizeForBuilder', () => {
  it('gives every layer of a valid model and no error', () => {
    const result = summarizeForBuilder(parseModelSpec(modelPresets.mlp320_18_10));
    expect(result.error).toBeNull();
    expect(result.summary?.totalParams).toBe(320 * 18 + 18 + 18 * 10 + 10);
    expect(result.layers.map((l) => l.outputShape)).toEqual([[18], [10]]);
  });

  it('pins a conv arithmetic error to its layer and keeps the shapes before it', () => {
    const spec = parseModelSpec({
      inputShape: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 4, kernelSize: 5 },
        { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2 },
        { type: 'flatten' },
        { type: 'output', units: 10 },
      ],
    });
    const result = summarizeForBuilder(spec);
    expect(result.summary).toBeNull();
    expect(result.error?.code).toBe('model-window-not-integer');
    expect(result.error?.layer).toBe(1);
    expect(result.error?.params.n).toBe(24);
    expect(result.layers.map((l) => l.outputShape)).toEqual([[24, 24, 4]]);
  });

  it('pins a missing flatten to the dense layer', () => {
    const spec = parseModelSpec({
      inputShape: [8, 8, 1],
      layers: [{ type: 'maxPool' }, { type: 'dense', units: 4 }, { type: 'output', units: 2 }],
    });
    const result = summarizeForBuilder(spec);
    expect(result.error).toMatchObject({ code: 'model-needs-flatten', layer: 1 });
    expect(result.layers).toHaveLength(1);
  });

  it('reports a model without an output layer at its last layer', () => {
    const spec = parseModelSpec({ inputShape: [4], layers: [{ type: 'dense', units: 4 }] });
    expect(summarizeForBuilder(spec).error).toMatchObject({ code: 'model-needs-output', layer: 0 });
  });
});

describe('layer editing helpers', () => {
  it('creates layers that the schema accepts', () => {
    for (const type of ['dense', 'output', 'conv2d', 'maxPool', 'avgPool', 'flatten', 'dropout', 'batchNorm'] as const) {
      expect(() => parseModelSpec({ inputShape: [4], layers: [newLayer(type)] })).not.toThrow();
    }
  });

  it('moves a layer up and down within bounds', () => {
    const layers = [newLayer('dense'), newLayer('dropout'), newLayer('output')];
    expect(moveLayer(layers, 1, -1).map((l) => l.type)).toEqual(['dropout', 'dense', 'output']);
    expect(moveLayer(layers, 0, -1)).toBe(layers);
  });
});
