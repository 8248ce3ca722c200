import { predictionSchema } from '../../../shared/contract/experiment';
import { runInspectionSchema } from '../../../shared/contract/training';
import { z } from 'zod';
import type { HandlerMap } from '../context';
import { datasetStore } from '../datasets/datasetStore';
import { readRunExtra } from '../runs/readRunExtra';
import { RUN_FILES } from '../runs/runFolder';
import { runExperiment } from './runExperiment';

const predictionsFileSchema = z.object({ labels: z.array(z.string()), predictions: z.array(predictionSchema) });

export const experimentHandlers: HandlerMap<'experiment.run' | 'runs.predictions' | 'runs.inspection'> = {
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
  'runs.predictions': (request, context) => readRunExtra(context.services.runsRoot, request.runId, RUN_FILES.predictions, predictionsFileSchema, 'run-no-predictions'),
  'runs.inspection': (request, context) => readRunExtra(context.services.runsRoot, request.runId, RUN_FILES.inspection, runInspectionSchema, 'run-no-inspection'),
};
