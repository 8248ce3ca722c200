import { SinapsisError } from '../../../shared/contract/errors';
import type { JournalEvent } from '../../../shared/contract/experiment';
import { doneEvent } from '../tasks/liveExperiments';
import type { HandlerMap } from '../context';
import { join } from 'node:path';
import { runExperiment } from './runExperiment';

export const experimentHandlers: HandlerMap<'experiment.run' | 'experiment.active'> = {
  'experiment.run': (request, context) =>
    context.workspace.tasks.run(request.taskId, async (signal) => {
      const { taskId } = request;
      const { live } = context.workspace;
      // Every event goes to the pages and into the journal a reloaded page replays.
      const stream = <N extends JournalEvent['name']>(name: N, payload: Extract<JournalEvent, { name: N }>['payload']): void => {
        live.record({ name, payload } as JournalEvent & { payload: { taskId: string } });
        context.emit(name, payload as never);
      };
      // A student trains one experiment at a time: a second tab of theirs follows the first one's training instead
      // of starting another (which would take a second place in the server's line). Checked and begun with no await
      // in between, so two tabs pressing Start together cannot both pass.
      if (context.caller.role === 'student' && live.size > 0) {
        throw new SinapsisError(
          'training-already-running',
          'You already have a training in progress (perhaps started in another tab). Follow it in Entrenamiento, or stop it there before starting another.',
        );
      }
      live.begin(taskId, request.training.epochs);
      try {
        const result = await runExperiment(request, {
          runsRoot: context.workspace.runsRoot,
          store: context.workspace.datasets,
          controls: context.workspace.trainings,
          cacheDir: join(context.workspace.folders.cache, 'hog'),
          signal,
          slots: context.services.trainingSlots,
          electron: process.versions.electron ?? null,
          events: {
            progress: (event) => stream('experiment.progress', { taskId, ...event }),
            batch: (batch) => stream('train.batch', { taskId, ...batch }),
            epoch: (record) => stream('train.epoch', { taskId, ...record }),
            inspection: (inspection) => stream('train.inspection', { taskId, ...inspection }),
          },
        });
        live.end(taskId);
        context.emit('experiment.done', doneEvent(taskId, { result }));
        return result;
      } catch (error) {
        live.end(taskId);
        const contractError =
          error instanceof SinapsisError
            ? error.toContract()
            : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
        context.emit('experiment.done', doneEvent(taskId, { error: contractError }));
        throw error;
      }
    }),
  'experiment.active': async (_request, context) => ({ experiments: context.workspace.live.snapshot() }),
};
