import type { ModelSpec } from '../../../shared/models/modelSpec';
import { effectiveBatchSize, type TrainingSettings } from '../../../shared/models/trainingSettings';
import { BatchedTrainer, createBatchedNetwork, type BatchedNetwork } from './batchedDense';
import { denseOptimizer, type DenseOptimizer } from './denseOptimizer';
import { countDeadUnits, dyingLayers } from './deadUnits';
import type { BatchDetails, Evaluation, LayerDeadUnits, TrainingEngine, WeightsSnapshot } from './engineTypes';
import type { TrainingData } from './trainingData';
import { LayerKernels } from './wasmDense/layerKernels';
import { FusedDense, fusedIneligibility } from './wasmDense/fusedDense';
import { optimizerRule } from '../../../shared/models/optimizerTable';

const EVALUATION_BATCH = 256;
const MIN_INPUTS_FOR_SIMD = 32;
const MIN_BATCH_FOR_SIMD = 4;

/** Tests and benches turn the fused training pass (wasmDense/fusedDense.ts) off to compare it with the JavaScript one. */
export const fusedDenseOptions = { enabled: true };

/** The didactic engine behind the training loop: dense networks on plain arrays, no tfjs involved. */
export class DidacticEngine implements TrainingEngine {
  readonly name = 'didactic' as const;
  readonly network: BatchedNetwork;
  /** Whether the dense layers' products run on WebAssembly SIMD (wasmDense/layerKernels.ts). */
  readonly simd: boolean;
  /**
   * The whole batch in WebAssembly (wasmDense/fusedDense.ts) when the model and settings are ones it handles and SIMD
   * is on; null when batches go through BatchedTrainer's JavaScript.
   */
  private readonly fused: FusedDense | null;
  private readonly trainer: BatchedTrainer;
  private readonly evaluator: BatchedTrainer;
  private readonly optimizer: DenseOptimizer;
  private readonly params: Float64Array[];
  private readonly grads: Float64Array[];
  private readonly l2Mask: boolean[];
  /** spec layer index of each entry of `params`. */
  private readonly paramLayer: number[];
  private readonly l2: number;
  /** The features as float64, see BatchedTrainer.forward. */
  private readonly features: Float64Array;
  private lossSum = 0;
  private correct = 0;
  private seen = 0;
  private rowPredictor: BatchedTrainer | null = null;
  private readonly lossName: TrainingSettings['loss'];
  /** Spec indices of the hidden ReLU layers (deadUnits.ts). */
  private readonly dying: Set<number>;

  constructor(
    spec: ModelSpec,
    settings: TrainingSettings,
    private readonly data: TrainingData,
  ) {
    this.network = createBatchedNetwork(spec);
    this.dying = new Set(dyingLayers(spec));
    this.features = Float64Array.from(data.features);
    const first = this.network.layers[0];
    // SIMD pays off once the first layer has a few dozen inputs and batches of several samples; the later layers
    // then use it too (BatchedTrainer), which on the bench's 320-18-10 was faster than their plain loops.
    const batch = effectiveBatchSize(settings, data.samples);
    const kernels =
      first.inputSize >= MIN_INPUTS_FOR_SIMD && batch >= MIN_BATCH_FOR_SIMD
        ? LayerKernels.forFeatures(data.features, first.inputSize, first.units, Math.max(batch, EVALUATION_BATCH))
        : null;
    this.trainer = new BatchedTrainer(this.network, settings.loss, spec.seed, kernels);
    this.evaluator = new BatchedTrainer(this.network, settings.loss, spec.seed, kernels);
    this.simd = kernels !== null;
    const rule = optimizerRule(settings);
    // Made before `params` is filled: it moves the network's weights into its memory (the arrays become views of it).
    this.fused =
      kernels && data.labels && fusedDenseOptions.enabled && !fusedIneligibility(this.network, { ...settings, rule }, data.labels)
        ? FusedDense.create(this.network, data.features, data.labels, batch, settings.learningRate)
        : null;
    this.optimizer = denseOptimizer(settings);
    this.lossName = settings.loss;
    this.l2 = settings.l2;
    this.params = [];
    this.grads = [];
    this.l2Mask = [];
    this.paramLayer = [];
    this.network.layers.forEach((layer, l) => {
      this.params.push(layer.weights);
      this.grads.push(this.trainer.gradients.weights[l]);
      this.l2Mask.push(true);
      this.paramLayer.push(layer.specIndex);
      if (layer.biases) {
        this.params.push(layer.biases);
        this.grads.push(this.trainer.gradients.biases[l]!);
        this.l2Mask.push(false);
        this.paramLayer.push(layer.specIndex);
      }
    });
  }

  /** Whether batches run in the fused WebAssembly pass (wasmDense/fusedDense.ts). */
  get fusedPass(): boolean {
    return this.fused !== null;
  }

  trainBatch(indices: Int32Array, wantDetails: boolean): BatchDetails | null {
    if (this.fused) return this.trainFusedBatch(this.fused, indices, wantDetails);
    const n = indices.length;
    const { targets, labels } = this.data;
    const features = this.features;
    this.trainer.forward(features, indices, n, true);
    const { loss, correct } = this.trainer.lossAndCorrect(targets, labels, indices, n);
    this.trainer.backward(features, targets, indices, n);
    if (this.l2 > 0) this.addL2Gradient();
    const details = wantDetails ? { loss: loss / n, accuracy: labels ? correct / n : null, gradientNorms: this.gradientNorms() } : null;
    this.optimizer.step(this.params, this.grads);
    this.lossSum += loss;
    this.correct += correct;
    this.seen += n;
    return details;
  }

  private trainFusedBatch(fused: FusedDense, indices: Int32Array, wantDetails: boolean): BatchDetails | null {
    const n = indices.length;
    const { loss, correct } = fused.trainBatch(indices, n);
    this.lossSum += loss;
    this.correct += correct;
    this.seen += n;
    return wantDetails ? { loss: loss / n, accuracy: correct / n, gradientNorms: fused.gradientNorms() } : null;
  }

  /** ∂/∂w of (λ/2) Σ w² is λ w, for kernels only (biases are not penalised). */
  private addL2Gradient(): void {
    this.params.forEach((w, i) => {
      if (!this.l2Mask[i]) return;
      const g = this.grads[i];
      for (let k = 0; k < w.length; k++) g[k] += this.l2 * w[k];
    });
  }

  private gradientNorms(): { layer: number; norm: number }[] {
    const squares = new Map<number, number>();
    this.grads.forEach((g, i) => {
      let sum = 0;
      for (let k = 0; k < g.length; k++) sum += g[k] * g[k];
      const layer = this.paramLayer[i];
      squares.set(layer, (squares.get(layer) ?? 0) + sum);
    });
    return [...squares.entries()].map(([layer, sum]) => ({ layer, norm: Math.sqrt(sum) }));
  }

  takeEpochTotals(): Evaluation {
    const seen = Math.max(1, this.seen);
    const result = { loss: this.lossSum / seen, accuracy: this.data.labels ? this.correct / seen : null };
    this.lossSum = 0;
    this.correct = 0;
    this.seen = 0;
    return result;
  }

  evaluate(indices: readonly number[]): Evaluation {
    if (indices.length === 0) return { loss: Number.NaN, accuracy: null };
    const { targets, labels } = this.data;
    const features = this.features;
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < indices.length; start += EVALUATION_BATCH) {
      const part = indices.slice(start, start + EVALUATION_BATCH);
      this.evaluator.forward(features, part, part.length, false);
      const result = this.evaluator.lossAndCorrect(targets, labels, part, part.length);
      lossSum += result.loss;
      correct += result.correct;
    }
    return { loss: lossSum / indices.length, accuracy: labels ? correct / indices.length : null };
  }

  deadUnits(indices: readonly number[]): LayerDeadUnits[] {
    const layers = this.network.layers.map((layer, l) => ({ layer, l })).filter(({ layer }) => this.dying.has(layer.specIndex));
    if (layers.length === 0 || indices.length === 0) return [];
    const counts = layers.map(({ layer }) => ({ layer: layer.specIndex, units: layer.units, active: new Uint8Array(layer.units) }));
    for (let start = 0; start < indices.length; start += EVALUATION_BATCH) {
      const part = indices.slice(start, start + EVALUATION_BATCH);
      this.evaluator.forward(this.features, part, part.length, false);
      layers.forEach(({ layer, l }, k) => {
        const out = this.evaluator.layerOutputs(l);
        const active = counts[k].active;
        for (let i = 0; i < part.length * layer.units; i++) if (out[i] > 0) active[i % layer.units] = 1;
      });
    }
    return counts.map(({ layer, units, active }) => ({ layer, units, dead: countDeadUnits(active, units) }));
  }

  /** Outputs of the network for the given samples (row after row), without dropout. */
  predict(indices: readonly number[]): Float64Array {
    const k = this.network.layers[this.network.layers.length - 1].units;
    const result = new Float64Array(indices.length * k);
    for (let start = 0; start < indices.length; start += EVALUATION_BATCH) {
      const part = indices.slice(start, start + EVALUATION_BATCH);
      this.evaluator.forward(this.features, part, part.length, false);
      result.set(this.evaluator.outputs().subarray(0, part.length * k), start * k);
    }
    return result;
  }

  layerKernels(): { layer: number; values: ArrayLike<number> }[] {
    return this.network.layers.map((layer) => ({ layer: layer.specIndex, values: layer.weights }));
  }

  predictRows(rows: Float32Array, count: number): Float32Array {
    // Its own pass without the SIMD first layer, whose kernels hold the training features, not these rows.
    this.rowPredictor ??= new BatchedTrainer(this.network, this.lossName, 0, null);
    const k = this.network.layers[this.network.layers.length - 1].units;
    const features = Float64Array.from(rows);
    const result = new Float32Array(count * k);
    for (let start = 0; start < count; start += EVALUATION_BATCH) {
      const n = Math.min(EVALUATION_BATCH, count - start);
      this.rowPredictor.forward(
        features,
        Int32Array.from({ length: n }, (_, i) => start + i),
        n,
        false,
      );
      result.set(this.rowPredictor.outputs().subarray(0, n * k), start * k);
    }
    return result;
  }

  snapshot(): WeightsSnapshot {
    return this.params.map((p) => p.slice());
  }

  restore(snapshot: WeightsSnapshot): void {
    this.params.forEach((p, i) => p.set(snapshot[i]));
  }

  dispose(): void {
    /* plain arrays: nothing to release */
  }
}
