import { describe, expect, it } from 'vitest';
import { createDenseNetwork, forwardPass, networkFromWeights } from './denseNetwork';
import { inputEncoder } from './playgroundFeatures';
import { gridCoordinate, neuronGrids, neuronRange } from './playgroundNeurons';

const RESOLUTION = 20;

describe('neuron pictures', () => {
  it('a tanh neuron with w = (1, 0), b = 0 lights the half-plane x₁ > 0 with tanh(x₁ / 6)', () => {
    const network = networkFromWeights(
      {
        inputSize: 2,
        layers: [
          { units: 1, activation: 'tanh' },
          { units: 1, activation: 'sigmoid' },
        ],
        useBias: true,
      },
      [[[1, 0]], [[1]]],
      [[0], [0]],
    );
    const grids = neuronGrids(network, ['x1', 'x2'], RESOLUTION);
    const neuron = grids.layers[0][0];
    for (let r = 0; r < RESOLUTION; r++) {
      for (let c = 0; c < RESOLUTION; c++) {
        const x1 = gridCoordinate(c, RESOLUTION);
        const v = neuron[r * RESOLUTION + c];
        expect(v > 0).toBe(x1 > 0);
        expect(v).toBeCloseTo(Math.tanh(x1 / 6), 6);
      }
    }
    // The input pictures are the features themselves: x₂ grows upwards (row 0 is the top of the plane).
    expect(grids.inputs[1][0]).toBeGreaterThan(0);
    expect(grids.inputs[1][(RESOLUTION - 1) * RESOLUTION]).toBeLessThan(0);
  });

  it('gives every neuron the value of the engine’s forward pass at each cell', () => {
    const features = ['x1', 'x2', 'x1Squared', 'x1x2', 'sinX2'] as const;
    const network = createDenseNetwork(
      {
        inputSize: features.length,
        layers: [
          { units: 8, activation: 'tanh' },
          { units: 8, activation: 'relu' },
          { units: 8, activation: 'leakyRelu', alpha: 0.1 },
          { units: 1, activation: 'sigmoid' },
        ],
        useBias: true,
      },
      { seed: 3 },
    );
    const grids = neuronGrids(network, [...features], RESOLUTION);
    const encode = inputEncoder([...features]);
    let largest = 0;
    for (const [r, c] of [
      [0, 0],
      [3, 17],
      [19, 19],
      [10, 4],
    ]) {
      const input = encode(gridCoordinate(c, RESOLUTION), -gridCoordinate(r, RESOLUTION));
      const pass = forwardPass(network, input);
      input.forEach((v, i) => expect(grids.inputs[i][r * RESOLUTION + c]).toBeCloseTo(v, 6));
      pass.layers.forEach((layer, l) =>
        layer.output.forEach((y, j) => (largest = Math.max(largest, Math.abs(grids.layers[l][j][r * RESOLUTION + c] - y)))),
      );
    }
    expect(largest).toBeLessThan(1e-6);
  });

  it('refills the same arrays on the next frame, and allocates new ones when the network changed shape', () => {
    const spec = {
      inputSize: 2,
      layers: [
        { units: 3, activation: 'tanh' as const },
        { units: 1, activation: 'sigmoid' as const },
      ],
      useBias: true,
    };
    const first = neuronGrids(createDenseNetwork(spec, { seed: 1 }), ['x1', 'x2'], 8);
    const again = neuronGrids(createDenseNetwork(spec, { seed: 2 }), ['x1', 'x2'], 8, first);
    expect(again.layers[0][0]).toBe(first.layers[0][0]);
    const wider = neuronGrids(
      createDenseNetwork({ ...spec, layers: [{ units: 4, activation: 'tanh' }, spec.layers[1]] }, { seed: 1 }),
      ['x1', 'x2'],
      8,
      first,
    );
    expect(wider.layers[0]).toHaveLength(4);
    expect(() => neuronGrids(createDenseNetwork(spec, { seed: 1 }), ['x1'], 8)).toThrow(/2 inputs/);
  });

  it('colours a probability on [0, 1] and every other activation on [−1, 1]', () => {
    expect(neuronRange('sigmoid')).toEqual([0, 1]);
    expect(neuronRange('tanh')).toEqual([-1, 1]);
    expect(neuronRange('relu')).toEqual([-1, 1]);
  });
});
