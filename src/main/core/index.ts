import { SinapsisError } from '../../shared/contract/errors';
import { Slots } from './tasks/slots';
import type { Door } from '../../shared/contract/app';
import type { Caller } from './caller';
import { initBackend, preferenceFromEnv } from './engine/backends';
import { runModels } from './inference/handlers';
import { markInterruptedRuns } from './runs/runFolder';
import { defaultServices, type CoreServices } from './services';
import { trainingControl } from './engine/trainingControls';
import { LiveExperiments } from './tasks/liveExperiments';
import { PageConnections, taskGraceMsFromEnv } from './tasks/pageConnections';
import { TaskRegistry } from './tasks/taskRegistry';

export { handlers } from './handlers';
export type { CallContext, Emit } from './context';
export type { CoreServices } from './services';

/** One running core: shared by every connection of a door. */
export interface Core {
  door: Door;
  tasks: TaskRegistry;
  services: CoreServices;
  /** The live state of the caller's workspace (created on first use). */
  workspace(caller: Caller): WorkspaceLive;
  dispose(): void;
  /** Stops every task (trainings end after their current batch and are written as "stopped") and waits for them. */
  shutdown(): Promise<void>;
}

/**
 * What a workspace has while pages use it: its experiments training now (with their curves so far, for pages
 * that reattach) and its connected pages (events are broadcast to them only; paused trainings stop when all
 * stay away longer than the grace period). One per student on a lab server, so nobody sees another's work.
 */
export interface WorkspaceLive {
  live: LiveExperiments;
  pages: PageConnections;
}

/** The workspace a caller's state belongs to: the teacher's (the one user of a desktop or loopback door) or a student's. */
export function workspaceKey(caller: Caller): string {
  return caller.role === 'student' ? `student-${caller.studentId}` : 'teacher';
}

/**
 * What happens to work whose pages all left and did not come back within the grace period: a paused training is
 * stopped, so its run is saved as `stopped` with everything measured instead of waiting forever. Running trainings
 * go on and finish on their own (their run is saved either way).
 */
export function stopAbandonedTrainings(live: LiveExperiments): void {
  for (const taskId of live.paused()) {
    try {
      trainingControl(taskId).stop();
      live.setStatus(taskId, 'stopping');
    } catch {
      // It ended between the check and the stop: nothing left to do.
    }
  }
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
      new SinapsisError('pdf-busy', `The server is already making a PDF or chart pictures and ${MAX_WAITING_PRINTS} more are waiting their turn; this one was not started. Try again in a minute.`, { waiting: MAX_WAITING_PRINTS }),
  });
  const { printPdf, renderPng } = services;
  return { ...services, printPdf: (html) => chromium.run(() => printPdf(html)), renderPng: (images) => chromium.run(() => renderPng(images)) };
}

/** Starts a core: picks the backend and marks runs a previous crash left unfinished as incomplete. */
export async function createCore(door: Door, services: Partial<CoreServices> = {}): Promise<Core> {
  await initBackend(preferenceFromEnv());
  const tasks = new TaskRegistry();
  const resolved = oneChromiumAtATime(defaultServices(services));
  await markInterruptedRuns(resolved.runsRoot);
  const workspaces = new Map<string, WorkspaceLive>();
  const graceMs = taskGraceMsFromEnv();
  return {
    door,
    tasks,
    services: resolved,
    workspace: (caller) => {
      const key = workspaceKey(caller);
      let found = workspaces.get(key);
      if (!found) {
        const live = new LiveExperiments();
        found = { live, pages: new PageConnections(graceMs, () => stopAbandonedTrainings(live)) };
        workspaces.set(key, found);
      }
      return found;
    },
    dispose: () => {
      for (const { pages } of workspaces.values()) pages.dispose();
      tasks.cancelAll();
      // Loaded run models hold tfjs memory; a door that closes its core gives it back.
      runModels.clear();
    },
    shutdown: async () => {
      await tasks.stopAll();
      runModels.clear();
    },
  };
}
