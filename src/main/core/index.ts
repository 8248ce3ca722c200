import type { Door } from '../../shared/contract/app';
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
  /** Experiments training now, with their curves so far, for pages that reattach. */
  live: LiveExperiments;
  /** The pages connected now; their events are broadcast, and paused trainings stop when all stay away too long. */
  pages: PageConnections;
  dispose(): void;
  /** Stops every task (trainings end after their current batch and are written as "stopped") and waits for them. */
  shutdown(): Promise<void>;
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

/** Starts a core: picks the backend and marks runs a previous crash left unfinished as incomplete. */
export async function createCore(door: Door, services: Partial<CoreServices> = {}): Promise<Core> {
  await initBackend(preferenceFromEnv());
  const tasks = new TaskRegistry();
  const resolved = defaultServices(services);
  await markInterruptedRuns(resolved.runsRoot);
  const live = new LiveExperiments();
  const pages = new PageConnections(taskGraceMsFromEnv(), () => stopAbandonedTrainings(live));
  return {
    door,
    tasks,
    services: resolved,
    live,
    pages,
    dispose: () => {
      pages.dispose();
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
