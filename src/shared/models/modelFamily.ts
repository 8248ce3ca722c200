import type { ModelSpec } from './modelSpec';

/**
 * The kinds of network an assignment can allow, as the course names them: a single layer of neurons (perceptron,
 * linear/logistic regression), a multilayer perceptron, or a convolutional network.
 */
export const MODEL_FAMILIES = ['singleLayer', 'mlp', 'cnn'] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/** The family of a spec: convolutional as soon as one layer is a convolution, else by its hidden dense layers. */
export function modelFamily(spec: Pick<ModelSpec, 'layers'>): ModelFamily {
  if (spec.layers.some((layer) => layer.type === 'conv2d')) return 'cnn';
  return spec.layers.some((layer) => layer.type === 'dense') ? 'mlp' : 'singleLayer';
}
