import * as tf from '@tensorflow/tfjs';
import { SinapsisError, type ContractError } from '../../../shared/contract/errors';
import type { BackendName, BackendPreference } from '../../../shared/contract/app';
import type { ModelSpec } from '../../../shared/models/modelSpec';
import { summarizeModel } from '../../../shared/models/shapes';
import type { EngineName, TrainingSettings } from '../../../shared/models/trainingSettings';
import { denseNetworkToModel, modelArtifacts } from '../models/modelIO';
import { initBackend } from './backends';
import { toDenseNetwork, didacticIneligibility } from './batchedDense';
import { DidacticEngine } from './didacticEngine';
import type { TrainingEngine } from './engineTypes';
import { TfjsEngine } from './tfjsEngine';
import { registerWasmConv2DBackpropInput } from './wasmConv2DBackpropInput';
import { registerWasmMaxPoolGrad } from './wasmMaxPoolGrad';
import { runTrainingLoop, type FoldResult, type LoopControl, type LoopEvents } from './trainLoop';
import { checkSplit, prepareTrainingData, type DataSplit, type RawData } from './trainingData';

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
}

/** 'auto' picks the didactic engine for small dense networks; an explicit choice is honoured or refused with the reason. */
export function chooseEngine(spec: ModelSpec, settings: TrainingSettings): EngineName {
  const reason = didacticIneligibility(spec);
  if (settings.engine === 'didactic') {
    if (reason) throw new SinapsisError('engine-unsuitable', `The didactic engine trains dense networks only, and this model cannot use it: ${reason}. Choose the tfjs engine.`, { reason });
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
  // Two of the wasm backend's slowest CNN kernels, replaced by faster equivalents (each tested against the cpu backend).
  if (backend === 'wasm') {
    registerWasmConv2DBackpropInput();
    registerWasmMaxPoolGrad();
  }
  else await tf.setBackend('cpu'); // only used to package the weights at the end
  const createEngine = (): TrainingEngine =>
    engineName === 'didactic' ? new DidacticEngine(job.spec, job.settings, data) : new TfjsEngine(job.spec, job.settings, data);
  const result = runTrainingLoop({ spec: job.spec, settings: job.settings, data, folds: job.folds, createEngine, events, control });
  let artifacts: tf.io.ModelArtifacts | null = null;
  const engine = result.finalEngine;
  try {
    if (engine instanceof TfjsEngine) artifacts = await modelArtifacts(engine.model);
    else if (engine instanceof DidacticEngine) {
      const model = denseNetworkToModel(toDenseNetwork(engine.network), job.spec);
      artifacts = await modelArtifacts(model);
      model.dispose();
    }
  } finally {
    engine?.dispose();
  }
  return { engine: engineName, backend, folds: result.folds, stopped: result.stopped, problem: result.problem, elapsedMs: result.elapsedMs, artifacts };
}
