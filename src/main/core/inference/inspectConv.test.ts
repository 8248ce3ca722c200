import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../shared/models/modelSpec';
import { RUN_FORMAT_VERSION } from '../../../shared/contract/runs';
import { buildModel } from '../models/buildModel';
import { pixelDetails } from '../features/pixelDetails';
import { convLayerIndices, inspectConv, valuePicture } from './inspectConv';
import type { RunModel } from './runModelCache';

/** A 5×5 grey input through a conv layer whose two 3×3 filters pick the centre pixel, +1 and −1, then leaky ReLU. */
function centreModel(): RunModel {
  const spec = parseModelSpec({
    name: 'centre',
    inputShape: [5, 5, 1],
    layers: [
      { type: 'conv2d', filters: 2, kernelSize: 3, padding: 'same', useBias: false, activation: { kind: 'leakyRelu', alpha: 0.1 } },
      { type: 'flatten' },
      { type: 'output', units: 2, activation: 'softmax' },
    ],
  });
  const { model } = buildModel(spec);
  const kernel = new Float32Array(3 * 3 * 1 * 2);
  kernel[4 * 2 + 0] = 1; // [ky=1][kx=1][in=0][filter=0]
  kernel[4 * 2 + 1] = -1;
  const conv = model.layers[convLayerIndices(model)[0]];
  conv.setWeights([tf.tensor4d(kernel, [3, 3, 1, 2])]);
  const features = {
    kind: 'pixels' as const,
    length: 25,
    details: pixelDetails({ width: 5, height: 5, channels: 1, colorMode: 'grayscale', resizeMode: 'stretch', keepShape: false }),
  };
  return {
    dir: '/none',
    model,
    inputShape: [5, 5, 1],
    outputWidth: 2,
    preprocessing: {
      formatVersion: RUN_FORMAT_VERSION,
      scaling: 'none',
      scaler: null,
      features,
      sampleShape: [5, 5, 1],
      classes: ['a', 'b'],
    },
  };
}

describe('inspectConv', () => {
  it("returns each filter's weights in [kh][kw][in] order and the maps after the activation layer", () => {
    const run = centreModel();
    const input = Float32Array.from({ length: 25 }, (_, i) => i / 24);
    const result = inspectConv(run, input, { channels: 8 });
    expect(result.layers).toHaveLength(1);
    const [layer] = result.layers;
    expect(layer.kernelShape).toEqual([3, 3, 1, 2]);
    expect(layer.filters[0].values).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(layer.filters[1].values).toEqual([0, 0, 0, 0, -1, 0, 0, 0, 0]);
    expect(layer.mapShape).toEqual([5, 5, 2]);
    // Channel 0 is the input itself; channel 1 is leakyReLU(−input), so the activation layer was included.
    expect(layer.maps[0]).toMatchObject({ channel: 0, width: 5, height: 5, min: 0, max: 1 });
    expect(layer.maps[1].min).toBeCloseTo(-0.1, 6);
    expect(layer.maps[1].max).toBe(0);
    expect(result.input).toMatchObject({ width: 5, height: 5, min: 0, max: 1 });
    // Paged: from channel 1 on there is only channel 1, the same picture as in the first page.
    const second = inspectConv(run, input, { firstChannel: 1, channels: 8 }).layers[0];
    expect(second.maps.map((map) => map.channel)).toEqual([1]);
    expect(second.maps[0]).toEqual(layer.maps[1]);
    expect(inspectConv(run, input, { firstChannel: 2, channels: 8 }).layers[0].maps).toEqual([]);
    run.model.dispose();
  });

  it('draws values min -> black, max -> white, and a constant picture mid grey', () => {
    const picture = valuePicture([0, 2, 4, 6], 2, 2);
    expect(picture).toMatchObject({ width: 2, height: 2, min: 0, max: 6 });
    expect(picture.png).toMatch(/^data:image\/png;base64,/);
    expect(valuePicture([3, 3], 2, 1)).toMatchObject({ min: 3, max: 3 });
  });
});
