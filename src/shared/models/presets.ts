import type { ModelSpecInput } from './modelSpec';

/** Ready-made models of the course, by id. */
export const MODEL_PRESET_IDS = [
  'perceptron',
  'mlp320_18_10',
  'mlp320_18_18_10',
  'wine13_8_4_3',
  'lenet28',
  'lenet20',
  'cnnDesign28',
] as const;
export type ModelPresetId = (typeof MODEL_PRESET_IDS)[number];

export const modelPresets: Record<ModelPresetId, ModelSpecInput> = {
  /** One neuron with the step function: the logic-gate exercise (seed 001), trained with the perceptron rule. */
  perceptron: {
    name: 'Perceptron',
    inputShape: [2],
    layers: [{ type: 'output', units: 1, activation: 'step', initializer: { method: 'uniform', scale: 1 } }],
  },
  /** The HOG lab: 320 features (12×24 image, 8 orientations, 4×4 cells, 2×2 blocks), 18 hidden neurons, 10 digits. */
  mlp320_18_10: {
    name: 'MLP 320-18-10',
    inputShape: [320],
    layers: [
      { type: 'dense', units: 18, activation: 'sigmoid' },
      { type: 'output', units: 10, activation: 'softmax' },
    ],
  },
  /** The same lab's follow-up: a second hidden layer of the same size (seed 000). */
  mlp320_18_18_10: {
    name: 'MLP 320-18-18-10',
    inputShape: [320],
    layers: [
      { type: 'dense', units: 18, activation: 'sigmoid' },
      { type: 'dense', units: 18, activation: 'sigmoid' },
      { type: 'output', units: 10, activation: 'softmax' },
    ],
  },
  /** The rule of thumb applied to Wine (seed 004): 13 features, 3 classes. */
  wine13_8_4_3: {
    name: 'Wine 13-8-4-3',
    inputShape: [13],
    layers: [
      { type: 'dense', units: 8, activation: 'relu' },
      { type: 'dense', units: 4, activation: 'relu' },
      { type: 'output', units: 3, activation: 'softmax' },
    ],
  },
  /** LeNet-like: conv 5×5 -> pool -> conv 5×5 -> pool -> dense, for 28×28 grayscale digits. */
  lenet28: {
    name: 'LeNet-like 28×28',
    inputShape: [28, 28, 1],
    layers: [
      { type: 'conv2d', filters: 6, kernelSize: 5, activation: 'relu' },
      { type: 'maxPool', poolSize: 2 },
      { type: 'conv2d', filters: 16, kernelSize: 5, activation: 'relu' },
      { type: 'maxPool', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 120, activation: 'relu' },
      { type: 'dense', units: 84, activation: 'relu' },
      { type: 'output', units: 10, activation: 'softmax' },
    ],
  },
  /** The same idea for 20×20 images: 20 -> 16 -> 8 -> 4 -> 2. */
  lenet20: {
    name: 'LeNet-like 20×20',
    inputShape: [20, 20, 1],
    layers: [
      { type: 'conv2d', filters: 6, kernelSize: 5, activation: 'relu' },
      { type: 'maxPool', poolSize: 2 },
      { type: 'conv2d', filters: 16, kernelSize: 5, activation: 'relu' },
      { type: 'maxPool', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 64, activation: 'relu' },
      { type: 'output', units: 10, activation: 'softmax' },
    ],
  },
  /** The CNN timed in DESIGN.md: conv8-pool-conv16-pool-dense64-dropout-10 (3×3 kernels, 'same' padding). */
  cnnDesign28: {
    name: 'CNN conv8-pool-conv16-pool-dense64-drop-10',
    inputShape: [28, 28, 1],
    layers: [
      { type: 'conv2d', filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' },
      { type: 'maxPool', poolSize: 2 },
      { type: 'conv2d', filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' },
      { type: 'maxPool', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 64, activation: 'relu' },
      { type: 'dropout', rate: 0.5 },
      { type: 'output', units: 10, activation: 'softmax' },
    ],
  },
};
