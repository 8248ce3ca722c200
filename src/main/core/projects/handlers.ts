import { APP_VERSION } from '../app/version';
import type { HandlerMap } from '../context';
import { parseProjectText, projectFileName } from './projectFile';
import { listProjects, newProjectId, projectText, readStoredProject, storeProject } from './projectStore';
import { readSession, resetSession, saveSession } from './sessionStore';
import { workspaceStateDir } from './stateFolder';

const PROJECTS = 'projects';

export const projectHandlers: HandlerMap<
  'session.get' | 'session.save' | 'session.reset' | 'project.save' | 'project.list' | 'project.open'
> = {
  'session.get': async (_request, context) => readSession(await workspaceStateDir(context)),
  'session.save': async (request, context) => {
    const revision = await saveSession(await workspaceStateDir(context), request.session, request.pageId);
    // The other pages of the workspace learn that the kept session changed (the saving page ignores its own id).
    context.emit('session.changed', { revision, pageId: request.pageId });
    return { revision };
  },
  'session.reset': async (request, context) => {
    const revision = await resetSession(await workspaceStateDir(context));
    context.emit('session.changed', { revision, pageId: request.pageId });
    return { revision };
  },
  'project.save': async (request, context) => {
    const id = request.id ?? newProjectId(request.project.name);
    // The core stamps when and by which version: the page's clock and build are not the file's authority.
    const project = { ...request.project, savedAt: new Date().toISOString(), app: APP_VERSION };
    await storeProject(await workspaceStateDir(context, PROJECTS), id, project);
    return { id, fileName: projectFileName(project.name), text: projectText(project) };
  },
  'project.list': async (_request, context) => ({ projects: await listProjects(await workspaceStateDir(context, PROJECTS)) }),
  'project.open': async (request, context) => {
    const dir = await workspaceStateDir(context, PROJECTS);
    const { source } = request;
    if (source.kind === 'recent') return { id: source.id, project: await readStoredProject(dir, source.id) };
    // Parsed in full before anything is kept: a bad file changes nothing.
    const project = parseProjectText(source.text, source.fileName);
    // The same file opened again (same name, saved at the same moment) keeps its one entry in the recent list.
    const same = (await listProjects(dir, Number.POSITIVE_INFINITY)).find(
      (recent) => recent.name === project.name && recent.savedAt === project.savedAt,
    );
    const id = same?.id ?? newProjectId(project.name);
    await storeProject(dir, id, project);
    return { id, project };
  },
};
