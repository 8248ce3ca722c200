import { SinapsisError } from '../../../shared/contract/errors';
import type { CallContext } from '../context';

/** What only the teacher of a lab server may do (the desktop app, the CLI and a single-user server are the teacher). */
export type TeacherAction = 'set-backend' | 'list-workspaces';

/** Refuses `action` to a student with a message they can act on. */
export function requireTeacher(context: CallContext, action: TeacherAction): void {
  if (context.caller.role === 'teacher') return;
  throw new SinapsisError(
    'teacher-only',
    action === 'set-backend'
      ? 'On this lab server the training backend is chosen by your teacher for the whole class; ask them if it should change.'
      : 'Only your teacher can see the workspaces of the class.',
    { action },
  );
}

/** The same answer for a workspace that does not exist and for one the caller may not see. */
function workspaceNotFound(id: string): SinapsisError {
  return new SinapsisError('workspace-not-found', `There is no workspace "${id}" you can open.`, { id });
}

/**
 * The runs folder a read of runs looks at: the caller's own, or (for the teacher of a lab server, read-only) the
 * one of the student workspace `viewed`. Writes (exports, notes, imports, trainings) always use the caller's own
 * `context.workspace.runsRoot`, so nobody changes another's runs.
 */
export async function viewedRunsRoot(context: CallContext, viewed: string | undefined): Promise<string> {
  if (viewed === undefined || viewed === context.workspace.id) return context.workspace.runsRoot;
  if (context.caller.role !== 'teacher') throw workspaceNotFound(viewed);
  const folder = await context.workspaces.runsFolderOf(viewed);
  if (!folder) throw workspaceNotFound(viewed);
  return folder;
}
