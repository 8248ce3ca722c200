import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { predictionSchema } from '../../../shared/contract/experiment';
import { z } from 'zod';
import type { HandlerMap } from '../context';
import { datasetStore } from '../datasets/datasetStore';
import { runDir } from '../runs/runDir';
import { RUN_FILES } from '../runs/runFolder';
import { runExperiment } from './runExperiment';

const predictionsFileSchema = z.object({ labels: z.array(z.string()), predictions: z.array(predictionSchema) });

export const experimentHandlers: HandlerMap<'experiment.run' | 'runs.predictions'> = {
  'experiment.run': (request, context) =>
    context.tasks.run(request.taskId, (signal) => {
      const { taskId } = request;
      return runExperiment(request, {
        runsRoot: context.services.runsRoot,
        store: datasetStore,
        signal,
        electron: process.versions.electron ?? null,
        events: {
          progress: (event) => context.emit('experiment.progress', { taskId, ...event }),
          batch: (batch) => context.emit('train.batch', { taskId, ...batch }),
          epoch: (record) => context.emit('train.epoch', { taskId, ...record }),
          inspection: (inspection) => context.emit('train.inspection', { taskId, ...inspection }),
        },
      });
    }),
  'runs.predictions': async (request, context) => {
    const path = join(runDir(context.services.runsRoot, request.runId), RUN_FILES.predictions);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new SinapsisError('run-no-predictions', `Run "${request.runId}" has no ${RUN_FILES.predictions}: it was interrupted before evaluation, or made by an older version. Train it again to see its predictions.`, {
        runId: request.runId,
      });
    }
    const parsed = predictionsFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new SinapsisError('run-file-invalid', `${path} does not have the expected content; train the run again to regenerate it.`, { path });
    return parsed.data;
  },
};
