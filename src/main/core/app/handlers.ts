import type { HandlerMap } from '../context';
import { initBackend } from '../engine/backends';
import { requireTeacher } from '../workspaces/access';
import { appInfo } from './appInfo';
import { runProgressDemo } from './progressDemo';

export const appHandlers: HandlerMap<'app.info' | 'app.setBackend' | 'app.demoProgress' | 'task.cancel'> = {
  'app.info': (_request, context) => appInfo(context.door),
  // The backend is the whole server's: on a lab server only the teacher chooses it.
  'app.setBackend': (request, context) => {
    requireTeacher(context, 'set-backend');
    return initBackend(request.preference);
  },
  'app.demoProgress': (request, context) =>
    context.workspace.tasks.run(request.taskId, (signal) =>
      runProgressDemo(request.taskId, request.steps, request.intervalMs, context.emit, signal),
    ),
  'task.cancel': async (request, context) => ({ cancelled: context.workspace.tasks.cancel(request.taskId) }),
};
