import { maxOf } from '../../../shared/arrays';
import * as tf from '@tensorflow/tfjs';
import { SinapsisError, type ContractError } from '../../../shared/contract/errors';
import type { BackendName, BackendPreference } from '../../../shared/contract/app';
import type { ModelSpec } from '../../../shared/models/modelSpec';
import { summarizeModel } from '../../../shared/models/shapes';
import { effectiveBatchSize, type EngineName, type TrainingSettings } from '../../../shared/models/trainingSettings';
import { denseNetworkToModel, modelArtifacts } from '../models/modelIO';
import { initBackend } from './backends';
import { toDenseNetwork, didacticIneligibility } from './batchedDense';
import { DidacticEngine } from './didacticEngine';
import type { Evaluation, TrainingEngine } from './engineTypes';
import { epochInspector, type InspectionGrid } from './epochInspection';
import { TfjsEngine } from './tfjsEngine';
import { registerWasmTrainingKernels } from './wasmTrainingKernels';
import { chooseWorkers, GradientPartner, type ExchangeTimes, type WorkerCount } from './dataParallel';
import { runTrainingLoop, type FoldResult, type LoopControl, type LoopEvents } from './trainLoop';
import { checkSplit, prepareTrainingData, type DataSplit, type RawData, type TrainingData } from './trainingData';

/**
 * Above this many trainable parameters the didactic engine is not the faster one any more: tfjs's matrix
 * kernels (SIMD in wasm) win once per-operation overhead stops dominating. The bench checks the small end.
 */
export const DIDACTIC_MAX_PARAMS = 200_000;

export interface TrainingJob {
  spec: ModelSpec;
  settings: TrainingSettings;
  data: RawData;
  /** One split for a hold-out run, k for k-fold (each fold's validation part is its held-out fold). */
  folds: DataSplit[];
  backend: BackendPreference;
  /**
   * Samples held out of training (the test part) to evaluate with the final weights, and whether to return the
   * model's outputs for every sample (for the confusion matrix and the gallery).
   */
  evaluation?: { test: number[]; predict: boolean };
  /** Inspect weights (and predict this grid) after epochs; see epochInspection.ts. */
  inspection?: { grid: InspectionGrid | null };
}

export interface TrainingOutcome {
  engine: EngineName;
  /** The tfjs backend that trained the model; null for the didactic engine, which does not use tfjs. */
  backend: BackendName | null;
  folds: FoldResult[];
  stopped: boolean;
  problem: ContractError | null;
  elapsedMs: number;
  /** The final weights of the last fold in the tfjs format, ready to be written as model.json + weights.bin. */
  artifacts: tf.io.ModelArtifacts | null;
  /** Loss and accuracy on `evaluation.test` with the final weights; null without a test part. */
  test: Evaluation | null;
  /** samples × outputs model outputs with the final weights, when `evaluation.predict` asked for them. */
  outputs: Float32Array | null;
  /** Threads that trained (dataParallel.ts), and with two, the hand-over's cost summed over batches. */
  workers: WorkerCount;
  exchange: ExchangeTimes | null;
}

/** Rows per predict call: bounded so a CNN on thousands of images never allocates every activation at once. */
const PREDICT_BATCH = 256;

async function predictAll(model: tf.LayersModel, data: TrainingData): Promise<Float32Array> {
  const out = new Float32Array(data.samples * data.outputs);
  for (let start = 0; start < data.samples; start += PREDICT_BATCH) {
    const count = Math.min(PREDICT_BATCH, data.samples - start);
    const values = data.features.subarray(start * data.sampleSize, (start + count) * data.sampleSize);
    const predicted = tf.tidy(() => model.predict(tf.tensor(values, [count, ...data.sampleShape])) as tf.Tensor);
    out.set(await predicted.data(), start * data.outputs);
    predicted.dispose();
  }
  return out;
}

/** 'auto' picks the didactic engine for small dense networks; an explicit choice is honoured or refused with the reason. */
export function chooseEngine(spec: ModelSpec, settings: TrainingSettings): EngineName {
  const reason = didacticIneligibility(spec);
  if (settings.engine === 'didactic') {
    if (reason)
      throw new SinapsisError(
        'engine-unsuitable',
        `The didactic engine trains dense networks only, and this model cannot use it: ${reason}. Choose the tfjs engine.`,
        { reason },
      );
    return 'didactic';
  }
  if (settings.engine === 'tfjs') return 'tfjs';
  return !reason && summarizeModel(spec).trainableParams <= DIDACTIC_MAX_PARAMS ? 'didactic' : 'tfjs';
}

export async function runTrainingJob(job: TrainingJob, events: LoopEvents, control?: LoopControl): Promise<TrainingOutcome> {
  const summary = summarizeModel(job.spec);
  const outputs = summary.outputShape[0];
  const dataSize = job.data.sampleShape.reduce((a, b) => a * b, 1);
  const inputSize = summary.inputShape.reduce((a, b) => a * b, 1);
  if (dataSize !== inputSize) {
    throw new SinapsisError(
      'data-input-mismatch',
      `Each sample has ${dataSize} values (${job.data.sampleShape.join('×')}), but the model's input expects ${inputSize} (${summary.inputShape.join('×')}). Set the model's input shape to match the data.`,
      { data: job.data.sampleShape.join('×'), model: summary.inputShape.join('×') },
    );
  }
  // The model's shape wins: the same values may be read as [400] or as a [20, 20, 1] image.
  const data = prepareTrainingData({ ...job.data, sampleShape: summary.inputShape }, outputs);
  if (job.folds.length === 0) throw new SinapsisError('data-empty-training', 'There is no training part to train on.');
  job.folds.forEach((fold, i) => checkSplit(fold, data.samples, job.folds.length > 1 ? i : undefined));
  const engineName = chooseEngine(job.spec, job.settings);
  let backend: BackendName | null = null;
  if (engineName === 'tfjs') backend = (await initBackend(job.backend)).active;
  // The wasm backend's slowest training kernels, replaced by faster equivalents (each tested against the cpu backend).
  if (backend === 'wasm') registerWasmTrainingKernels();
  else await tf.setBackend('cpu'); // only used to package the weights at the end
  // The largest training part fixes the batch the second worker's buffers must hold.
  const largestTrain = maxOf(job.folds.map((fold) => fold.train.length));
  const batchSize = effectiveBatchSize(job.settings, largestTrain);
  const workers = chooseWorkers(job.spec, job.settings, engineName, backend, batchSize);
  const partner = workers === 2 && backend ? await GradientPartner.start(job.spec, job.settings, backend, data, batchSize) : null;
  const createEngine = (): TrainingEngine => {
    if (engineName === 'didactic') return new DidacticEngine(job.spec, job.settings, data);
    partner?.reset();
    return new TfjsEngine(job.spec, job.settings, data, partner);
  };
  const outside = (job.evaluation?.test ?? []).find((index) => !Number.isInteger(index) || index < 0 || index >= data.samples);
  if (outside !== undefined)
    throw new SinapsisError(
      'data-bad-index',
      `The test part refers to sample ${outside}, but there are ${data.samples} samples. Make the split again.`,
      { index: outside, samples: data.samples },
    );
  const inspectEpoch = job.inspection && events.inspection ? epochInspector(job.inspection.grid, events.inspection) : undefined;
  let result: ReturnType<typeof runTrainingLoop>;
  try {
    result = runTrainingLoop({
      spec: job.spec,
      settings: job.settings,
      data,
      folds: job.folds,
      createEngine,
      events,
      control,
      inspectEpoch,
    });
  } finally {
    partner?.dispose();
  }
  const engine = result.finalEngine;
  // A run that diverged before its first epoch ended has no good weights to keep, evaluate or save.
  const usable = result.folds.length > 0 && !(result.problem && result.folds[result.folds.length - 1].bestEpoch === 0);
  let final: FinalResults = { artifacts: null, test: null, outputs: null };
  try {
    if (engine && usable) final = await finalResults(engine, job, data);
  } finally {
    engine?.dispose();
  }
  return {
    engine: engineName,
    backend,
    folds: result.folds,
    stopped: result.stopped,
    problem: result.problem,
    elapsedMs: result.elapsedMs,
    ...final,
    workers: partner ? 2 : 1,
    exchange: partner ? { ...partner.times } : null,
  };
}

type FinalResults = Pick<TrainingOutcome, 'artifacts' | 'test' | 'outputs'>;

/** The trained weights in the tfjs format, the test part's evaluation and, when asked, every sample's outputs. */
async function finalResults(engine: TrainingEngine, job: TrainingJob, data: TrainingData): Promise<FinalResults> {
  const testIndices = job.evaluation?.test ?? [];
  const test = testIndices.length > 0 ? engine.evaluate(testIndices) : null;
  let model: tf.LayersModel | null = null;
  if (engine instanceof TfjsEngine) model = engine.model;
  else if (engine instanceof DidacticEngine) model = denseNetworkToModel(toDenseNetwork(engine.network), job.spec);
  if (!model) return { artifacts: null, test, outputs: null };
  try {
    const artifacts = await modelArtifacts(model);
    let outputs: Float32Array | null = null;
    if (job.evaluation?.predict) {
      // The didactic engine's own forward pass, with the very weights it evaluated `test` with: tfjs's predict on the
      // converted model gives the same outputs (to float32 rounding) and took longer than the whole training on small
      // networks (5,000 samples through tfjs's cpu backend, about 0.3 s, issue 19).
      outputs =
        engine instanceof DidacticEngine
          ? Float32Array.from(engine.predict(Array.from({ length: data.samples }, (_, i) => i)))
          : await predictAll(model, data);
    }
    return { artifacts, test, outputs };
  } finally {
    if (!(engine instanceof TfjsEngine)) model.dispose();
  }
}
