import type { HandlerMap } from '../context';
import { initBackend } from '../engine/backends';
import { appInfo } from './appInfo';
import { runProgressDemo } from './progressDemo';

export const appHandlers: HandlerMap<'app.info' | 'app.setBackend' | 'app.demoProgress' | 'task.cancel'> = {
  'app.info': (_request, context) => appInfo(context.door),
  'app.setBackend': (request) => initBackend(request.preference),
  'app.demoProgress': (request, context) =>
    context.tasks.run(request.taskId, (signal) => runProgressDemo(request.taskId, request.steps, request.intervalMs, context.emit, signal)),
  'task.cancel': async (request, context) => ({ cancelled: context.tasks.cancel(request.taskId) }),
};
