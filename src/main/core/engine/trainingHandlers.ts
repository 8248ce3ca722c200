import type { HandlerMap } from '../context';

/** Pause, resume and stop a training that `experiment.run` started (its taskId); the controls live on the workspace. */
export const trainingHandlers: HandlerMap<'train.pause' | 'train.resume' | 'train.stop'> = {
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
