import type { HandlerMap } from '../context';
import { requireTeacher } from './access';

export const workspaceHandlers: HandlerMap<'workspace.current' | 'workspace.list'> = {
  'workspace.current': async (_request, context) => ({
    mode: context.workspaces.labMode ? 'lab' : 'single',
    role: context.caller.role,
    workspace: { id: context.workspace.id, name: context.workspace.name },
  }),
  'workspace.list': async (_request, context) => {
    requireTeacher(context, 'list-workspaces');
    return { workspaces: await context.workspaces.list() };
  },
};
