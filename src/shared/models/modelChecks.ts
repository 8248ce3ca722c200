import { SinapsisError } from '../contract/errors';
import { ACTIVATIONS } from './activationTable';
import { optimizerSlots, type OptimizerName } from './optimizerTable';
import { activationKind, type ModelSpec } from './modelSpec';
import type { ModelSummary } from './shapes';

/** Warnings the builder shows next to a model: the network can be trained, but probably not well. */
export interface ModelWarning {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** "Greatly exceed": more than this many parameters per training sample. */
export const PARAMS_PER_SAMPLE_WARNING = 10;

export function modelWarnings(spec: ModelSpec, summary: ModelSummary, trainingSamples?: number): ModelWarning[] {
  const warnings: ModelWarning[] = [];
  if (trainingSamples !== undefined && trainingSamples > 0 && summary.trainableParams > PARAMS_PER_SAMPLE_WARNING * trainingSamples) {
    warnings.push({
      code: 'params-exceed-samples',
      message: `The model has ${summary.trainableParams} trainable parameters for ${trainingSamples} training samples (${(summary.trainableParams / trainingSamples).toFixed(1)} per sample): it can memorise the training set (overfitting). Use fewer neurons, dropout, L2 or more data.`,
      params: { params: summary.trainableParams, samples: trainingSamples },
    });
  }
  spec.layers.forEach((layer, index) => {
    if (layer.type === 'dense' && !ACTIVATIONS[activationKind(layer.activation)].hasGradient) {
      warnings.push({
        code: 'step-hidden-layer',
        message: `Layer ${index + 1} uses the step function, whose derivative is 0: backpropagation cannot train the layers before it. Use the perceptron rule, or sigmoid/tanh/ReLU.`,
        params: { where: index + 1 },
      });
    }
    if (layer.type === 'output' && layer.activation === 'softmax' && layer.units === 1) {
      warnings.push({
        code: 'softmax-single-output',
        message: `The output layer has one neuron with softmax, which always outputs 1. Use sigmoid for one output, or one neuron per class with softmax.`,
      });
    }
  });
  return warnings;
}

/** Float32 values take 4 bytes. */
const BYTES_PER_VALUE = 4;

export interface MemoryEstimate {
  /** Weights, their gradients, optimizer state and the best weights kept for early stopping. */
  parameterBytes: number;
  /** Every layer's outputs and their gradients for one batch. */
  activationBytes: number;
  /** Training and validation samples as float32 tensors. */
  dataBytes: number;
  totalBytes: number;
}

export function estimateMemory(
  summary: ModelSummary,
  options: { batchSize: number; samples: number; optimizer: OptimizerName; momentum?: number },
): MemoryEstimate {
  const copies = 3 + optimizerSlots(options.optimizer, options.momentum); // weights, gradients, best weights, slots
  const parameterBytes = summary.totalParams * copies * BYTES_PER_VALUE;
  // Forward outputs plus the same amount again for their gradients during backprop.
  const activationBytes = summary.activationsPerSample * options.batchSize * 2 * BYTES_PER_VALUE;
  const inputSize = summary.inputShape.reduce((a, b) => a * b, 1);
  const outputSize = summary.outputShape.reduce((a, b) => a * b, 1);
  const dataBytes = options.samples * (inputSize + outputSize) * BYTES_PER_VALUE;
  return { parameterBytes, activationBytes, dataBytes, totalBytes: parameterBytes + activationBytes + dataBytes };
}

/** 1.5 GiB: the wasm backend's heap tops out near 2 GiB, and the lab machines are modest. */
export const DEFAULT_MEMORY_BUDGET_BYTES = 1.5 * 1024 ** 3;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Rejects, before anything is allocated, a training that would not fit in `budgetBytes`. */
export function checkMemoryBudget(estimate: MemoryEstimate, budgetBytes = DEFAULT_MEMORY_BUDGET_BYTES): void {
  if (estimate.totalBytes <= budgetBytes) return;
  throw new SinapsisError(
    'model-too-large',
    `Training this model needs about ${formatBytes(estimate.totalBytes)} (parameters ${formatBytes(estimate.parameterBytes)}, activations per batch ${formatBytes(estimate.activationBytes)}, data ${formatBytes(estimate.dataBytes)}), more than the ${formatBytes(budgetBytes)} budget. Use fewer filters or neurons, a smaller batch, or smaller images.`,
    { estimated: formatBytes(estimate.totalBytes), budget: formatBytes(budgetBytes) },
  );
}
