import * as tf from '@tensorflow/tfjs';
import type { KernelBackend } from '@tensorflow/tfjs';
import { assertNever } from '../../../shared/assertNever';
import { ADAM_BETA1, ADAM_BETA2, OPTIMIZER_EPSILON as EPSILON, optimizerRule, RMSPROP_DECAY } from '../../../shared/models/optimizerTable';
import type { TrainingSettings } from '../../../shared/models/trainingSettings';
import { heapKernels, heapOffset, heapOutput, type HeapKernels } from './wasmHeap/heapKernels';

/** What the tfjs engine needs from an optimizer: tf.Optimizer and HeapOptimizer both fit. */
export interface TrainingOptimizer {
  applyGradients(grads: tf.NamedTensorMap): void;
  dispose(): void;
}

/**
 * tfjs's optimizers run every update as separate operations: Adam is 13 kernels per weight tensor (about a hundred
 * per batch of the DESIGN.md CNN, each with its bookkeeping). On the wasm backend this class does each tensor's
 * whole update in one call of our WebAssembly module (wasmHeap/heapKernels.wat), on the backend's memory. The
 * arithmetic is tfjs's, operation by operation in the same order and in float32 with the same float32 constants
 * (β, 1 - β, -lr, ε = 1e-7 like the backend's, β^t accumulated by float32 products), so it gives tfjs's numbers;
 * heapOptimizer.test.ts compares both. The moments are updated in place. The weights are written to new memory and
 * `assign`ed, never in place: the backend's XNNPACK convolution and matrix operators keep packed copies of their
 * weights keyed by the tensor's data id, so a weight changed in place would silently keep its old packed values.
 */
export class HeapOptimizer implements TrainingOptimizer {
  private readonly slots = new Map<string, tf.Tensor[]>();
  private readonly f32 = Math.fround;
  private accBeta1: number;
  private accBeta2: number;

  constructor(
    private readonly settings: Pick<TrainingSettings, 'optimizer' | 'learningRate' | 'momentum'>,
    private readonly backend: KernelBackend,
    private readonly kernels: HeapKernels,
  ) {
    this.accBeta1 = this.f32(ADAM_BETA1);
    this.accBeta2 = this.f32(ADAM_BETA2);
  }

  /** Zero-initialised state tensors of one weight (Adam's m and v, momentum's accumulation...). */
  private state(name: string, like: tf.Tensor, count: number): tf.Tensor[] {
    let slots = this.slots.get(name);
    if (!slots) {
      slots = Array.from({ length: count }, () => tf.keep(tf.zerosLike(like)));
      this.slots.set(name, slots);
    }
    return slots;
  }

  applyGradients(grads: tf.NamedTensorMap): void {
    const f32 = this.f32;
    const at = (t: { dataId: object }): number => heapOffset(this.backend, t);
    const { learningRate, momentum } = this.settings;
    const rule = optimizerRule(this.settings);
    const negLr = f32(-learningRate);
    const c1 = f32(1 - this.accBeta1);
    const c2 = f32(1 - this.accBeta2);
    for (const [name, grad] of Object.entries(grads)) {
      const variable = tf.engine().registeredVariables[name];
      if (!variable) throw new Error(`optimizer: no variable named ${name}`);
      if (grad.dtype !== 'float32' || variable.dtype !== 'float32') throw new Error(`optimizer: ${name} is not float32`);
      const n = variable.size;
      const out = heapOutput(this.backend, variable.shape);
      switch (rule) {
        case 'adam': {
          const [m, v] = this.state(name, variable, 2);
          this.kernels.adam(
            at(variable),
            at(grad),
            at(m),
            at(v),
            at(out),
            n,
            f32(ADAM_BETA1),
            f32(1 - ADAM_BETA1),
            f32(ADAM_BETA2),
            f32(1 - ADAM_BETA2),
            c1,
            c2,
            f32(EPSILON),
            negLr,
          );
          break;
        }
        case 'rmsprop': {
          const [meanSquare, moments] = this.state(name, variable, 2);
          this.kernels.rmsprop(
            at(variable),
            at(grad),
            at(meanSquare),
            at(moments),
            at(out),
            n,
            f32(RMSPROP_DECAY),
            f32(1 - RMSPROP_DECAY),
            0,
            f32(learningRate),
            f32(EPSILON),
          );
          break;
        }
        case 'momentum': {
          const [accumulation] = this.state(name, variable, 1);
          this.kernels.momentum(at(variable), at(grad), at(accumulation), at(out), n, f32(momentum), negLr);
          break;
        }
        case 'sgd':
          this.kernels.sgd(at(variable), at(grad), at(out), n, negLr);
          break;
        default:
          // Never reached (the compiler checks every rule is handled); it keeps `out`, never written, from replacing the weights.
          return assertNever(rule, 'optimizer rule');
      }
      const updated = tf.engine().makeTensorFromTensorInfo(out as tf.TensorInfo);
      variable.assign(updated);
      updated.dispose();
    }
    if (rule === 'adam') {
      this.accBeta1 = f32(this.accBeta1 * f32(ADAM_BETA1));
      this.accBeta2 = f32(this.accBeta2 * f32(ADAM_BETA2));
    }
  }

  dispose(): void {
    for (const slots of this.slots.values()) tf.dispose(slots);
    this.slots.clear();
  }
}

/** Tests and benches turn the fused optimizers off to compare with tfjs's. */
export const heapOptimizerOptions = { enabled: true };

/** The fused optimizer when the active backend is wasm and our module can work on its memory, else null. */
export function heapOptimizer(settings: Pick<TrainingSettings, 'optimizer' | 'learningRate' | 'momentum'>): HeapOptimizer | null {
  if (!heapOptimizerOptions.enabled || tf.getBackend() !== 'wasm') return null;
  const backend = tf.backend();
  const kernels = heapKernels(backend);
  return kernels ? new HeapOptimizer(settings, backend, kernels) : null;
}
