import { mkdir, readdir } from 'node:fs/promises';
import { readOwnText } from '../files/readOwnFile';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { SinapsisError } from '../../../shared/contract/errors';
import type { WorkspaceSummary } from '../../../shared/contract/workspaces';
import type { FileAccessPolicy } from '../files';
import { writeJsonAtomic } from '../runs/atomicWrite';
import { markInterruptedRuns } from '../runs/runFolder';
import { Workspace, type WorkspaceFolders } from './workspace';

/** The owner's workspace id (the teacher on a lab server, the one user elsewhere). */
export const OWNER_WORKSPACE_ID = 'owner';

/** Students' workspaces go to SINAPSIS_WORKSPACES_DIR when set (tests), else to ~/Sinapsis/workspaces. */
export function defaultWorkspacesRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.SINAPSIS_WORKSPACES_DIR || join(homedir(), 'Sinapsis', 'workspaces');
}

export { defaultCacheRoot } from '../app/cacheRoot';

/** Where the owner's uploads land: SINAPSIS_UPLOADS_DIR or ~/Sinapsis/uploads. */
export function defaultUploadsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.SINAPSIS_UPLOADS_DIR || join(homedir(), 'Sinapsis', 'uploads');
}

export const MAX_NAME_LENGTH = 60;

/**
 * The folder-safe id of a student's name: accents dropped, lower case, anything else a dash ("Ana García" ->
 * "ana-garcia"). Two spellings that give the same id are the same student (the second is told the name is taken).
 */
export function workspaceIdOf(name: string): string {
  const trimmed = name.normalize('NFKC').trim();
  const id = trimmed
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  if (!trimmed || trimmed.length > MAX_NAME_LENGTH || !id || id === OWNER_WORKSPACE_ID || /[\p{Cc}\p{Cf}]/u.test(trimmed)) {
    throw new SinapsisError(
      'workspace-name-invalid',
      `"${trimmed.slice(0, MAX_NAME_LENGTH)}" cannot be used as a name here. Type your name (1 to ${MAX_NAME_LENGTH} characters, with at least one letter or digit).`,
      { max: MAX_NAME_LENGTH },
    );
  }
  return id;
}

const workspaceFileSchema = z.object({ formatVersion: z.literal(1), id: z.string(), name: z.string(), createdAt: z.string() });

export interface LabOptions {
  /** The folder holding one folder per student (`--workspaces DIR`). */
  root: string;
  /** Bytes of loaded datasets each student's workspace may hold. */
  datasetBudgetBytes: number;
  /** A student's return code (sign-in by name, door/labServer.ts), listed for the teacher; absent: none. */
  returnCodeOf?: (id: string) => string;
}

export interface WorkspacesOptions {
  owner: WorkspaceFolders;
  files: FileAccessPolicy;
  graceMs: number;
  /** A lab server's students; null on a single-user machine (then only the owner's workspace exists). */
  lab: LabOptions | null;
}

/**
 * Every workspace of a core: the owner's, and on a lab server one per student, each in its own folder
 * `<lab>/<id>/` with `runs/`, `cache/`, `uploads/` and `workspace.json` (the name as typed, when it was created).
 * A student's workspace is created by signing in (or from the teacher's `--students` list) and opened on first use.
 */
export class Workspaces {
  readonly owner: Workspace;
  private readonly open = new Map<string, Workspace>();
  private readonly opening = new Map<string, Promise<Workspace>>();

  constructor(private readonly options: WorkspacesOptions) {
    this.owner = new Workspace({
      id: OWNER_WORKSPACE_ID,
      name: '',
      folders: options.owner,
      files: options.files,
      graceMs: options.graceMs,
    });
  }

  /** True on a lab server (students have their own workspaces). */
  get labMode(): boolean {
    return this.options.lab !== null;
  }

  private lab(): LabOptions {
    if (!this.options.lab)
      throw new SinapsisError('workspace-not-lab', "This Sinapsis is not a lab server: it has only its owner's workspace.");
    return this.options.lab;
  }

  private foldersOf(id: string): WorkspaceFolders {
    const home = join(this.lab().root, id);
    return { home, runs: join(home, 'runs'), cache: join(home, 'cache'), uploads: join(home, 'uploads'), state: join(home, 'state') };
  }

  private async readSettings(id: string): Promise<z.infer<typeof workspaceFileSchema> | null> {
    try {
      const parsed = workspaceFileSchema.safeParse(
        JSON.parse((await readOwnText(join(this.foldersOf(id).home ?? '', 'workspace.json'))) ?? 'null'),
      );
      return parsed.success && parsed.data.id === id ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Does a student workspace with this id exist (on disk)? */
  async exists(id: string): Promise<boolean> {
    return this.labMode && (this.open.has(id) || (await this.readSettings(id)) !== null);
  }

  /**
   * Creates the workspace of a student signing in with `name`. `ifExists`: 'refuse' for a sign-in (a name already
   * in use belongs to the browser that first used it), 'reuse' for the teacher's `--students` list.
   */
  async create(name: string, ifExists: 'refuse' | 'reuse'): Promise<Workspace> {
    const id = workspaceIdOf(name);
    const existing = await this.readSettings(id);
    if (existing) {
      if (ifExists === 'refuse') {
        throw new SinapsisError(
          'workspace-name-taken',
          `The name "${existing.name}" is already used on this server. If it is yours, type your return code below (shown when you first signed in; your teacher has it too); otherwise add your surname.`,
          { name: existing.name },
        );
      }
      return this.student(id);
    }
    const folders = this.foldersOf(id);
    for (const dir of [folders.runs, folders.cache, folders.uploads]) await mkdir(dir, { recursive: true });
    await writeJsonAtomic(join(folders.home ?? '', 'workspace.json'), {
      formatVersion: 1,
      id,
      name: name.normalize('NFKC').trim(),
      createdAt: new Date().toISOString(),
    });
    return this.student(id);
  }

  /** The open workspace of student `id`, opening it from disk the first time; unknown ids are refused. */
  async student(id: string): Promise<Workspace> {
    const open = this.open.get(id);
    if (open) return open;
    const pending = this.opening.get(id);
    if (pending) return pending;
    const opening = (async () => {
      const settings = await this.readSettings(id);
      if (!settings)
        throw new SinapsisError(
          'workspace-unknown',
          'Your workspace does not exist on this server any more. Sign in again, or ask your teacher.',
          { id },
        );
      const folders = this.foldersOf(id);
      for (const dir of [folders.runs, folders.cache, folders.uploads]) await mkdir(dir, { recursive: true });
      await markInterruptedRuns(folders.runs);
      const lab = this.lab();
      const workspace = new Workspace({
        id,
        name: settings.name,
        folders,
        files: this.options.files,
        graceMs: this.options.graceMs,
        datasetBudgetBytes: lab.datasetBudgetBytes,
      });
      this.open.set(id, workspace);
      return workspace;
    })();
    this.opening.set(id, opening);
    try {
      return await opening;
    } finally {
      this.opening.delete(id);
    }
  }

  /** The runs folder of a student's workspace (for the teacher's read-only view), or null when there is none. */
  async runsFolderOf(id: string): Promise<string | null> {
    if (!this.labMode || !(await this.exists(id))) return null;
    return this.foldersOf(id).runs;
  }

  /** Every student's workspace on disk, by name, with how many run folders each has. */
  async list(): Promise<WorkspaceSummary[]> {
    if (!this.labMode) return [];
    const names = await readdir(this.lab().root).catch(() => [] as string[]);
    const found: WorkspaceSummary[] = [];
    for (const id of names) {
      const settings = await this.readSettings(id);
      if (!settings) continue;
      const runs = await readdir(this.foldersOf(id).runs, { withFileTypes: true }).catch(() => []);
      found.push({
        id,
        name: settings.name,
        createdAt: settings.createdAt,
        runs: runs.filter((entry) => entry.isDirectory()).length,
        returnCode: this.lab().returnCodeOf?.(id) ?? null,
      });
    }
    return found.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every workspace open now (the owner's first). */
  all(): Workspace[] {
    return [this.owner, ...this.open.values()];
  }

  dispose(): void {
    for (const workspace of this.all()) workspace.dispose();
    this.open.clear();
  }
}
