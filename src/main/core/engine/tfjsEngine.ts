import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../../shared/models/modelSpec';
import type { TrainingSettings } from '../../../shared/models/trainingSettings';
import { buildModel, weightedLayerName } from '../models/buildModel';
import { SinapsisDropout } from '../models/customLayers';
import type { GradientPartner } from './dataParallel';
import { countDeadUnits, dyingLayers } from './deadUnits';
import type { BatchDetails, Evaluation, LayerDeadUnits, LayerGradientNorm, TrainingEngine, WeightsSnapshot } from './engineTypes';
import { lossFunction } from './losses';
import { heapOptimizer, type TrainingOptimizer } from './heapOptimizer';
import { tfjsOptimizer } from './tfjsOptimizer';
import type { TrainingData } from './trainingData';

/** Samples per forward pass when evaluating: large enough to amortise per-op overhead, small enough for memory. */
const EVALUATION_BATCH = 512;

/**
 * Training with tfjs, with our own loop instead of model.fit: one `variableGrads` per batch, so we control the
 * order of samples (seeded), see every gradient (per-layer norms) and stop between any two batches.
 */
export class TfjsEngine implements TrainingEngine {
  readonly name = 'tfjs' as const;
  readonly model: tf.LayersModel;
  private readonly labels: Int32Array | null;
  private readonly optimizer: TrainingOptimizer;
  private readonly loss: (t: tf.Tensor, z: tf.Tensor) => tf.Scalar;
  private readonly variables: tf.Variable[];
  /** The trainable weights in the model's order (the same in every thread that builds the same spec). */
  get trainableVariables(): readonly tf.Variable[] {
    return this.variables;
  }
  private readonly kernels: tf.Variable[];
  /** tfjs variable name -> index of the spec layer it belongs to. */
  private readonly layerOfVariable = new Map<string, number>();
  private lossSum = 0;
  private correctSum = 0;
  private seen = 0;
  /** The hidden ReLU layers (spec index, tfjs layer whose output is the activation) and a model that outputs them. */
  private readonly dying: { layer: number; name: string }[];
  private activationsModel: tf.LayersModel | null = null;
  /** The dropout layers, told which rows of the batch they compute when a partner trains the other half. */
  private readonly dropouts: SinapsisDropout[];

  constructor(
    spec: ModelSpec,
    private readonly settings: TrainingSettings,
    private readonly data: TrainingData,
    /** The second worker of data-parallel training (dataParallel.ts), or null to train on this thread alone. */
    private readonly partner: GradientPartner | null = null,
  ) {
    this.model = buildModel(spec).model;
    this.dropouts = this.model.layers.filter((layer): layer is SinapsisDropout => layer instanceof SinapsisDropout);
    this.labels = data.labels;
    // On wasm, one call of our WebAssembly module per weight tensor instead of tfjs's chain of kernels (same arithmetic).
    this.optimizer = heapOptimizer(settings) ?? tfjsOptimizer(settings);
    this.loss = lossFunction(settings.loss);
    this.variables = this.model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
    this.kernels = [];
    for (const layer of this.model.layers) {
      // Layer names are "L<n>_<type>" (plus "_activation" for a separate activation layer), see buildModel.
      const match = /^L(\d+)_/.exec(layer.name);
      if (!match) continue;
      for (const weight of layer.trainableWeights) {
        const variable = (weight as unknown as { val: tf.Variable }).val;
        this.layerOfVariable.set(variable.name, Number(match[1]) - 1);
        if (weight.originalName.endsWith('/kernel')) this.kernels.push(variable);
      }
    }
    const names = new Set(this.model.layers.map((layer) => layer.name));
    this.dying = dyingLayers(spec).map((layer) => {
      const name = weightedLayerName(spec, layer);
      // An activation tfjs has not built in follows its layer as `<name>_activation` (buildModel).
      return { layer, name: names.has(`${name}_activation`) ? `${name}_activation` : name };
    });
  }

  /**
   * The samples at `indices` as one tensor, copied row by row in JavaScript: the same values tf.gather would give,
   * without keeping the whole data set as a tensor (wasm's GatherV2 took about a tenth of a CNN batch).
   */
  private rows(block: Float32Array, rowShape: number[], indices: ArrayLike<number>): tf.Tensor {
    const size = rowShape.reduce((a, b) => a * b, 1);
    const out = new Float32Array(indices.length * size);
    for (let k = 0; k < indices.length; k++) out.set(block.subarray(indices[k] * size, (indices[k] + 1) * size), k * size);
    return tf.tensor(out, [indices.length, ...rowShape]);
  }

  private l2Penalty(): tf.Scalar {
    const halfLambda = this.settings.l2 / 2;
    return tf.mul(halfLambda, tf.addN(this.kernels.map((k) => tf.sum(tf.square(k))))) as tf.Scalar;
  }

  /**
   * The gradients of rows `offset`… of a batch of `total` rows (a whole batch when `part` is null): of the data loss's
   * mean over the part times part/total, so that the parts' gradients sum to the whole batch's (the mean over the
   * batch is the sum of the parts' sums over its size), plus the L2 term when `withPenalty` (counted by one part only).
   * Returns the kept gradients (the caller disposes them), the part's loss sum and its number of right answers.
   */
  partGradients(
    indices: ArrayLike<number>,
    part: { offset: number; total: number } | null,
    withPenalty: boolean,
  ): { grads: tf.NamedTensorMap; lossSum: number; correct: number | null } {
    for (const layer of this.dropouts) layer.shard = part;
    let lossSum = 0;
    let correct: number | null = null;
    const grads = tf.tidy(() => {
      const xb = this.rows(this.data.features, this.data.sampleShape, indices);
      const yb = this.rows(this.data.targets, [this.data.outputs], indices);
      let outputs: tf.Tensor | null = null;
      let dataLoss: tf.Scalar | null = null;
      const { grads } = tf.variableGrads(() => {
        outputs = tf.keep(this.model.apply(xb, { training: true }) as tf.Tensor);
        dataLoss = tf.keep(this.loss(yb, outputs));
        const share: tf.Scalar = part ? tf.mul(dataLoss, indices.length / part.total) : dataLoss;
        return withPenalty && this.settings.l2 > 0 ? tf.add(share, this.l2Penalty()) : share;
      }, this.variables);
      // Node's backends (wasm, cpu, native) compute synchronously, so reading the loss and the outputs back costs
      // a copy, not a stall; counting hits in JavaScript saves a chain of small kernels per batch. Both were kept
      // out of variableGrads' tidy, so they are released here (a leak of two tensors per batch otherwise).
      const keptLoss = dataLoss as unknown as tf.Scalar;
      const keptOutputs = outputs as unknown as tf.Tensor;
      try {
        lossSum = keptLoss.dataSync()[0] * indices.length;
        correct = this.countCorrect(keptOutputs.dataSync(), indices);
      } finally {
        tf.dispose([keptLoss, keptOutputs]);
      }
      return grads;
    });
    return { grads, lossSum, correct };
  }

  trainBatch(indices: Int32Array, wantDetails: boolean): BatchDetails | null {
    const batchSize = indices.length;
    // A batch of one sample cannot be split: the first worker does it alone.
    const partner = batchSize >= 2 ? this.partner : null;
    const ownCount = partner ? Math.ceil(batchSize / 2) : batchSize;
    // The partner starts on the second half (with the weights as they are now) while this thread does the first.
    partner?.start(this.variables, indices.subarray(ownCount), batchSize);
    const own = this.partGradients(indices.subarray(0, ownCount), partner ? { offset: 0, total: batchSize } : null, true);
    let details: BatchDetails | null = null;
    tf.tidy(() => {
      const theirs = partner?.finish(own.grads, this.variables) ?? null;
      const grads = theirs ? theirs.grads : own.grads;
      this.optimizer.applyGradients(grads);
      const lossSum = own.lossSum + (theirs?.lossSum ?? 0);
      const correct = own.correct === null ? null : own.correct + (theirs?.correct ?? 0);
      const batchLoss = lossSum / batchSize;
      this.lossSum += lossSum;
      this.correctSum += correct ?? 0;
      this.seen += batchSize;
      if (!wantDetails) return;
      details = {
        loss: batchLoss,
        accuracy: correct === null ? null : correct / batchSize,
        gradientNorms: this.gradientNorms(grads),
      };
    });
    tf.dispose(own.grads);
    return details;
  }

  /** Number of samples whose predicted class (first maximum, like tf.argMax) equals their label. */
  private countCorrect(outputs: ArrayLike<number>, indices: ArrayLike<number>): number | null {
    if (!this.labels) return null;
    const width = this.data.outputs;
    let correct = 0;
    for (let k = 0; k < indices.length; k++) {
      let predicted = 0;
      if (width === 1) predicted = outputs[k] >= 0.5 ? 1 : 0;
      else {
        let best = outputs[k * width];
        for (let j = 1; j < width; j++) {
          if (outputs[k * width + j] > best) {
            best = outputs[k * width + j];
            predicted = j;
          }
        }
      }
      if (predicted === this.labels[indices[k]]) correct++;
    }
    return correct;
  }

  private gradientNorms(grads: tf.NamedTensorMap): LayerGradientNorm[] {
    const squares = new Map<number, tf.Tensor[]>();
    for (const [name, grad] of Object.entries(grads)) {
      const layer = this.layerOfVariable.get(name);
      if (layer === undefined) continue;
      const list = squares.get(layer) ?? [];
      list.push(tf.sum(tf.square(grad)));
      squares.set(layer, list);
    }
    return [...squares.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([layer, parts]) => ({ layer, norm: Math.sqrt(tf.addN(parts).dataSync()[0]) }));
  }

  takeEpochTotals(): Evaluation {
    const seen = Math.max(1, this.seen);
    const loss = this.lossSum / seen;
    const accuracy = this.labels ? this.correctSum / seen : null;
    this.lossSum = 0;
    this.correctSum = 0;
    this.seen = 0;
    return { loss, accuracy };
  }

  evaluate(indices: readonly number[]): Evaluation {
    if (indices.length === 0) return { loss: Number.NaN, accuracy: null };
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < indices.length; start += EVALUATION_BATCH) {
      const part = indices.slice(start, start + EVALUATION_BATCH);
      const [loss, right] = tf.tidy(() => {
        const outputs = this.model.predict(this.rows(this.data.features, this.data.sampleShape, part)) as tf.Tensor;
        const batchLoss = this.loss(this.rows(this.data.targets, [this.data.outputs], part), outputs).dataSync()[0];
        return [batchLoss, this.countCorrect(outputs.dataSync(), part) ?? 0];
      });
      lossSum += loss * part.length;
      correct += right;
    }
    return { loss: lossSum / indices.length, accuracy: this.labels ? correct / indices.length : null };
  }

  deadUnits(indices: readonly number[]): LayerDeadUnits[] {
    if (this.dying.length === 0 || indices.length === 0) return [];
    // The same layers as the trained model (shared weights), with the hidden activations as outputs. Never disposed
    // on its own: that would release the weights it shares with `model`.
    this.activationsModel ??= tf.model({
      inputs: this.model.inputs,
      outputs: this.dying.map(({ name }) => this.model.getLayer(name).output as tf.SymbolicTensor),
    });
    const probe = this.activationsModel;
    const active = this.dying.map(() => null as Uint8Array | null);
    const units: number[] = [];
    for (let start = 0; start < indices.length; start += EVALUATION_BATCH) {
      const part = indices.slice(start, start + EVALUATION_BATCH);
      const outputs = tf.tidy(() => {
        const result = probe.predict(this.rows(this.data.features, this.data.sampleShape, part));
        return Array.isArray(result) ? result : [result];
      });
      try {
        outputs.forEach((output, k) => {
          const width = output.shape[output.shape.length - 1] ?? 1;
          units[k] = width;
          const seen = (active[k] ??= new Uint8Array(width));
          const values = output.dataSync();
          for (let i = 0; i < values.length; i++) if (values[i] > 0) seen[i % width] = 1;
        });
      } finally {
        tf.dispose(outputs);
      }
    }
    return this.dying.map(({ layer }, k) => ({ layer, units: units[k], dead: countDeadUnits(active[k] ?? new Uint8Array(0), units[k]) }));
  }

  layerKernels(): { layer: number; values: ArrayLike<number> }[] {
    return this.kernels.map((kernel) => ({ layer: this.layerOfVariable.get(kernel.name) ?? -1, values: kernel.dataSync() }));
  }

  predictRows(rows: Float32Array, count: number): Float32Array {
    const outputs = tf.tidy(() => this.model.predict(tf.tensor(rows, [count, ...this.data.sampleShape])) as tf.Tensor);
    const values = outputs.dataSync() as Float32Array;
    outputs.dispose();
    return values;
  }

  snapshot(): WeightsSnapshot {
    return this.model.getWeights().map((w) => w.dataSync().slice() as Float32Array);
  }

  restore(snapshot: WeightsSnapshot): void {
    const current = this.model.getWeights();
    const tensors = snapshot.map((values, i) => tf.tensor(values, current[i].shape));
    this.model.setWeights(tensors);
    tf.dispose(tensors);
  }

  dispose(): void {
    this.optimizer.dispose();
    this.model.dispose();
  }
}
