import { createSeededRandom, type SeededRandom } from '../didactic/seededRandom';
import { isWeighted, pair, type InitializerSpec, type ModelSpec } from './modelSpec';
import type { ModelSummary } from './shapes';

/**
 * Initial kernels and biases drawn with our own seeded generator, not tfjs's: the same seed then gives the same
 * starting weights on every backend and in both engines (tfjs and the didactic engine), which is what makes
 * runs reproducible and the engines comparable.
 *
 * Layouts follow tfjs: a dense kernel is [inputs, units] (w_ji at i * units + j); a conv kernel is
 * [kernelHeight, kernelWidth, inputChannels, filters].
 */
export interface InitialLayerWeights {
  /** Index of the layer in `spec.layers`. */
  layerIndex: number;
  kernelShape: number[];
  kernel: Float32Array;
  /** Null when the layer has no bias. */
  bias: Float32Array | null;
}

function draw(init: InitializerSpec, fanIn: number, fanOut: number, random: SeededRandom): number {
  switch (init.method) {
    case 'glorotUniform': {
      const range = Math.sqrt(6 / (fanIn + fanOut));
      return init.scale * random.uniform(-range, range);
    }
    case 'heNormal':
      return init.scale * Math.sqrt(2 / fanIn) * random.normal();
    case 'uniform':
      return init.scale * random.uniform(-1, 1);
    case 'zeros':
      return 0;
  }
}

export function initialWeights(spec: ModelSpec, summary: ModelSummary): InitialLayerWeights[] {
  const random = createSeededRandom(spec.seed);
  const result: InitialLayerWeights[] = [];
  let inputShape = summary.inputShape;
  spec.layers.forEach((layer, layerIndex) => {
    const outputShape = summary.layers[layerIndex].outputShape;
    if (isWeighted(layer)) {
      let kernelShape: number[];
      let fanIn: number;
      let fanOut: number;
      if (layer.type === 'conv2d') {
        const [kh, kw] = pair(layer.kernelSize);
        const cin = inputShape[2];
        kernelShape = [kh, kw, cin, layer.filters];
        fanIn = kh * kw * cin;
        fanOut = kh * kw * layer.filters;
      } else {
        kernelShape = [inputShape[0], layer.units];
        fanIn = inputShape[0];
        fanOut = layer.units;
      }
      const kernel = new Float32Array(kernelShape.reduce((a, b) => a * b, 1));
      for (let i = 0; i < kernel.length; i++) kernel[i] = draw(layer.initializer, fanIn, fanOut, random);
      const units = kernelShape[kernelShape.length - 1];
      let bias: Float32Array | null = null;
      if (layer.useBias) {
        bias = new Float32Array(units);
        // Keras starts biases at 0; the lecture's uniform draws include the bias (a weight of a constant input 1).
        if (layer.initializer.method === 'uniform')
          for (let j = 0; j < units; j++) bias[j] = draw(layer.initializer, fanIn, fanOut, random);
      }
      result.push({ layerIndex, kernelShape, kernel, bias });
    }
    inputShape = outputShape;
  });
  return result;
}
