import * as tf from '@tensorflow/tfjs';
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend } from './backends';
import { Op, Result, Slot, writeFailure, type GradientWorkerData } from './dataParallel';
import { TfjsEngine } from './tfjsEngine';
import { registerWasmTrainingKernels } from './wasmTrainingKernels';

/**
 * Worker 1 of data-parallel training (dataParallel.ts): on each request, takes the weights worker 0 wrote, computes
 * the gradients of the second half of the batch and writes them back. It never steps an optimizer. Requests and
 * answers go through Atomics on shared memory, so this thread blocks between batches instead of running an event loop.
 */

const { spec, settings, backend, data, exchange } = workerData as GradientWorkerData;
const { control, weights, gradients, results } = exchange;

function loadWeights(engine: TfjsEngine): void {
  let offset = 0;
  tf.tidy(() => {
    for (const variable of engine.trainableVariables) {
      variable.assign(tf.tensor(weights.subarray(offset, offset + variable.size), variable.shape));
      offset += variable.size;
    }
  });
}

function computeHalf(engine: TfjsEngine): void {
  const began = performance.now();
  loadWeights(engine);
  let copyMs = performance.now() - began;
  const count = Atomics.load(control, Slot.count);
  const part = { offset: Atomics.load(control, Slot.offset), total: Atomics.load(control, Slot.total) };
  const { grads, lossSum, correct } = engine.partGradients(exchange.indices.subarray(0, count), part, false);
  try {
    const copied = performance.now();
    let offset = 0;
    for (const variable of engine.trainableVariables) {
      gradients.set(grads[variable.name].dataSync() as Float32Array, offset);
      offset += variable.size;
    }
    copyMs += performance.now() - copied;
  } finally {
    tf.dispose(grads);
  }
  results[Result.lossSum] = lossSum;
  results[Result.correct] = correct ?? 0;
  results[Result.copyMs] = copyMs;
  results[Result.busyMs] = performance.now() - began;
}

function serve(first: TfjsEngine): void {
  let engine = first;
  let seen = 0;
  for (;;) {
    Atomics.wait(control, Slot.request, seen);
    seen = Atomics.load(control, Slot.request);
    const op = Atomics.load(control, Slot.op);
    if (op === Op.quit) break;
    try {
      if (op === Op.reset) {
        engine.dispose();
        engine = new TfjsEngine(spec, settings, data);
      } else computeHalf(engine);
    } catch (error) {
      writeFailure(exchange, error);
    }
    Atomics.store(control, Slot.answer, seen);
    Atomics.notify(control, Slot.answer);
  }
  engine.dispose();
}

async function main(): Promise<void> {
  try {
    const status = await initBackend(backend);
    if (status.active === 'wasm') registerWasmTrainingKernels();
    const engine = new TfjsEngine(spec, settings, data);
    const params = engine.trainableVariables.reduce((sum, variable) => sum + variable.size, 0);
    parentPort!.postMessage({ type: 'ready', params });
    serve(engine);
  } catch (error) {
    parentPort!.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

void main();
