import { SinapsisError } from '../../shared/contract/errors';
import type { Door } from '../../shared/contract/app';
import type { Caller } from './caller';
import type { CallContext, Emit } from './context';
import { initBackend, preferenceFromEnv } from './engine/backends';
import { RunModelCache } from './inference/runModelCache';
import { markInterruptedRuns, runsFolderProblem } from './runs/runFolder';
import { defaultServices, type CoreServices } from './services';
import { taskGraceMsFromEnv } from './tasks/pageConnections';
import { Slots } from './tasks/slots';
import type { Workspace } from './workspaces/workspace';
import { defaultCacheRoot, defaultUploadsRoot, Workspaces } from './workspaces/workspaces';

export { handlers } from './handlers';
export type { CallContext, Emit } from './context';
export type { CoreServices } from './services';
export type { Caller } from './caller';

/** Loaded run models kept per core: each holds a tfjs model in memory. */
const RUN_MODELS_KEPT = 3;

/**
 * One running core: shared by every connection of a door. It owns every piece of state (the workspaces with their
 * datasets, tasks and trainings; the loaded run models) and frees all of it in `dispose`; several cores in one
 * process share nothing.
 */
export interface Core {
  door: Door;
  services: CoreServices;
  workspaces: Workspaces;
  runModels: RunModelCache;
  /** The workspace a caller works in: the owner's for the teacher, their own for a student (opened on first use). */
  workspaceOf(caller: Caller): Promise<Workspace>;
  /** The context a handler runs with for `caller`; events go to `emit` (by default every page of the workspace). */
  contextFor(caller: Caller, emit?: Emit): CallContext | Promise<CallContext>;
  /** Why new runs cannot be recorded in the runs folder (read-only, full), found at start; null when they can. */
  runsFolderProblem: SinapsisError | null;
  dispose(): void;
  /** Stops every task of every workspace (trainings end after their current batch and are written as "stopped") and waits for them. */
  shutdown(): Promise<void>;
}

/** PDFs and PNG charts waiting for Chromium beyond the one being made; more are refused with `pdf-busy`. */
export const MAX_WAITING_PRINTS = 4;

/**
 * Every PDF and PNG chart of this core is made by one Chromium at a time: on a lab server eight students exporting
 * at once started eight browsers. Up to MAX_WAITING_PRINTS wait their turn; past that the request is refused.
 */
function oneChromiumAtATime(services: CoreServices): CoreServices {
  const chromium = new Slots(1, {
    maxWaiting: MAX_WAITING_PRINTS,
    busy: () =>
      new SinapsisError(
        'pdf-busy',
        `The server is already making a PDF or chart pictures and ${MAX_WAITING_PRINTS} more are waiting their turn; this one was not started. Try again in a minute.`,
        { waiting: MAX_WAITING_PRINTS },
      ),
  });
  const { printPdf, renderPng } = services;
  return {
    ...services,
    printPdf: (html) => chromium.run(() => printPdf(html)),
    renderPng: (images) => chromium.run(() => renderPng(images)),
  };
}

/** Starts a core: picks the backend and marks runs a previous crash left unfinished as incomplete. */
export async function createCore(door: Door, services: Partial<CoreServices> = {}): Promise<Core> {
  await initBackend(preferenceFromEnv());
  const resolved = oneChromiumAtATime(defaultServices(services));
  // A read-only or full runs folder does not stop the start: its runs can still be read, and the problem is said.
  const interrupted = await markInterruptedRuns(resolved.runsRoot);
  const workspaces = new Workspaces({
    owner: { home: null, runs: resolved.runsRoot, cache: defaultCacheRoot(), uploads: defaultUploadsRoot(), state: resolved.stateRoot },
    files: resolved.files,
    graceMs: taskGraceMsFromEnv(),
    lab: resolved.lab,
  });
  const runModels = new RunModelCache(RUN_MODELS_KEPT);
  const workspaceOf = (caller: Caller): Promise<Workspace> =>
    caller.role === 'teacher' ? Promise.resolve(workspaces.owner) : workspaces.student(caller.studentId);
  return {
    door,
    services: resolved,
    runsFolderProblem: interrupted.unwritable ?? (await runsFolderProblem(resolved.runsRoot)),
    workspaces,
    runModels,
    workspaceOf,
    contextFor: (caller, emit) => {
      const contextIn = (workspace: Workspace): CallContext => ({
        emit: emit ?? workspace.pages.broadcast,
        caller,
        workspace,
        workspaces,
        door,
        services: resolved,
        runModels,
      });
      // The owner's workspace always exists: its context is made at once, so a call (a stop sent from inside a
      // progress event) reaches its handler before the caller's next await, as it did before workspaces.
      return caller.role === 'teacher' ? contextIn(workspaces.owner) : workspaceOf(caller).then(contextIn);
    },
    dispose: () => {
      workspaces.dispose();
      // Loaded run models hold tfjs memory; a door that closes its core gives it back.
      runModels.clear();
    },
    shutdown: async () => {
      await Promise.all(workspaces.all().map((workspace) => workspace.tasks.stopAll()));
      runModels.clear();
    },
  };
}
