import type { HandlerMap } from '../context';
import type { CallContext } from '../context';

type ControlStatus = 'running' | 'paused' | 'stopping';

/** Records the new state for pages that reattach and tells every page of the workspace (a second tab follows it). */
function announce(context: CallContext, taskId: string, status: ControlStatus): { ok: true } {
  context.workspace.live.setStatus(taskId, status);
  context.emit('train.control', { taskId, status });
  return { ok: true };
}

/** Pause, resume and stop a training that `experiment.run` started (its taskId); the controls live on the workspace. */
export const trainingHandlers: HandlerMap<'train.pause' | 'train.resume' | 'train.stop'> = {
  'train.pause': async (request, context) => {
    context.workspace.trainings.get(request.taskId).pause();
    return announce(context, request.taskId, 'paused');
  },
  'train.resume': async (request, context) => {
    context.workspace.trainings.get(request.taskId).resume();
    return announce(context, request.taskId, 'running');
  },
  'train.stop': async (request, context) => {
    context.workspace.trainings.get(request.taskId).stop();
    return announce(context, request.taskId, 'stopping');
  },
};
