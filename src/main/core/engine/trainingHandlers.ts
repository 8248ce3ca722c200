import { SinapsisError } from '../../../shared/contract/errors';
import { runPerceptron } from '../../../shared/didactic/perceptronRule';
import type { TrainingResult } from '../../../shared/contract/training';
import { summarizeModel } from '../../../shared/models/shapes';
import { checkMemoryBudget, estimateMemory } from '../../../shared/models/modelChecks';
import { effectiveBatchSize } from '../../../shared/models/trainingSettings';
import type { HandlerMap } from '../context';
import { resolveTrainingData } from './trainingDataSource';
import { TrainingSession } from './trainingSession';
import { maxOf } from '../../../shared/arrays';


export const trainingHandlers: HandlerMap<'train.start' | 'train.perceptron' | 'train.pause' | 'train.resume' | 'train.stop'> = {
  'train.start': (request, context) =>
    context.workspace.tasks.run(request.taskId, async (signal) => {
      const { taskId, spec, settings } = request;
      const summary = summarizeModel(spec);
      const { data, folds } = resolveTrainingData(request.data, summary.inputShape, context.workspace.datasets);
      const samples = data.features.length / Math.max(1, data.sampleShape.reduce((a, b) => a * b, 1));
      const largestTrain = maxOf(folds.map((f) => f.train.length), 0);
      checkMemoryBudget(estimateMemory(summary, { batchSize: effectiveBatchSize(settings, largestTrain), samples, optimizer: settings.optimizer, momentum: settings.momentum }));
      let engine: TrainingResult['engine'] = 'tfjs';
      const running = new TrainingSession(
        { spec, settings, data, folds, backend: request.backend },
        {
          engine: (name) => (engine = name),
          batch: (progress) => context.emit('train.batch', { taskId, engine, ...progress }),
          epoch: (record) => context.emit('train.epoch', { taskId, engine, ...record }),
        },
      );
      const unregister = context.workspace.trainings.register(taskId, running);
      const onAbort = (): void => running.stop();
      signal.addEventListener('abort', onAbort);
      try {
        const outcome = await running.finished;
        const result: TrainingResult = {
          taskId,
          engine: outcome.engine,
          backend: outcome.backend,
          folds: outcome.folds,
          stopped: outcome.stopped,
          problem: outcome.problem,
          elapsedMs: outcome.elapsedMs,
        };
        context.emit('train.done', result);
        return result;
      } finally {
        signal.removeEventListener('abort', onAbort);
        unregister();
      }
    }),
  'train.perceptron': async (request) => {
    const { patterns, initialWeights, initialBias, learningRate, order, maxIterations } = request;
    const bad = patterns.findIndex((p) => p.input.length !== initialWeights.length);
    if (bad >= 0) {
      throw new SinapsisError('perceptron-input-size', `Pattern ${bad + 1} has ${patterns[bad].input.length} inputs but the perceptron has ${initialWeights.length} weights; give one weight per input.`, {
        pattern: bad + 1,
      });
    }
    // The lab's own rule (shared/didactic), so the UI's step-by-step table and this method always agree.
    const run = runPerceptron(patterns, initialWeights, initialBias, { learningRate, order, maxIterations });
    return { iterations: run.iterations, weights: run.weights, bias: run.bias, status: run.status, epochs: run.epoch };
  },
  'train.pause': async (request, context) => {
    context.workspace.trainings.get(request.taskId).pause();
    context.workspace.live.setStatus(request.taskId, 'paused');
    return { ok: true };
  },
  'train.resume': async (request, context) => {
    context.workspace.trainings.get(request.taskId).resume();
    context.workspace.live.setStatus(request.taskId, 'running');
    return { ok: true };
  },
  'train.stop': async (request, context) => {
    context.workspace.trainings.get(request.taskId).stop();
    context.workspace.live.setStatus(request.taskId, 'stopping');
    return { ok: true };
  },
};
