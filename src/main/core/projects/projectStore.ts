import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { readOwnText } from '../files/readOwnFile';
import { join } from 'node:path';
import { SinapsisError } from '../../../shared/contract/errors';
import { PROJECT_FILE_SUFFIX, type ProjectFile, type RecentProject } from '../../../shared/contract/project';
import { writeFileAtomic } from '../runs/atomicWrite';
import { parseProjectText, projectFileName } from './projectFile';
import { serialized } from './stateFolder';

/** Recent projects shown on Inicio. */
export const RECENT_PROJECTS = 12;

/** The text of a project file as written to disk and offered for download. */
export function projectText(project: ProjectFile): string {
  return JSON.stringify(project, null, 2) + '\n';
}

/** A new id for the recent list: the name's safe part and random letters (two projects may share a name). */
export function newProjectId(name: string): string {
  const stem = projectFileName(name).slice(0, -PROJECT_FILE_SUFFIX.length).slice(0, 60);
  return `${stem}-${randomBytes(4).toString('hex')}`;
}

/** Keeps a copy of the project in the workspace's folder of recent projects, as `<id>.sinapsis.json`. */
export function storeProject(dir: string, id: string, project: ProjectFile): Promise<void> {
  const file = join(dir, `${id}${PROJECT_FILE_SUFFIX}`);
  return serialized(file, () => writeFileAtomic(file, projectText(project)));
}

export async function readStoredProject(dir: string, id: string): Promise<ProjectFile> {
  const text = await readOwnText(join(dir, `${id}${PROJECT_FILE_SUFFIX}`)).catch(() => null);
  if (text === null) {
    throw new SinapsisError(
      'project-not-found',
      `The recent project "${id}" is no longer kept here. Open its file with "Abrir proyecto".`,
      { id },
    );
  }
  return parseProjectText(text, `${id}${PROJECT_FILE_SUFFIX}`);
}

/** The workspace's recent projects, newest first; damaged copies are left out rather than failing the list. */
export async function listProjects(dir: string, limit = RECENT_PROJECTS): Promise<RecentProject[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(PROJECT_FILE_SUFFIX));
  const projects: RecentProject[] = [];
  for (const name of names) {
    const id = name.slice(0, -PROJECT_FILE_SUFFIX.length);
    try {
      const project = await readStoredProject(dir, id);
      projects.push({
        id,
        name: project.name,
        savedAt: project.savedAt,
        runs: project.runs.length,
        assignment: project.assignment !== null,
      });
    } catch {
      // A copy another version damaged: not listed.
    }
  }
  return projects.sort((a, b) => b.savedAt.localeCompare(a.savedAt)).slice(0, limit);
}
