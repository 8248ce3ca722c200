import type { Door } from '../../shared/contract/app';
import { initBackend, preferenceFromEnv } from './engine/backends';
import { runModels } from './inference/handlers';
import { markInterruptedRuns } from './runs/runFolder';
import { defaultServices, type CoreServices } from './services';
import { TaskRegistry } from './tasks/taskRegistry';

export { handlers } from './handlers';
export type { CallContext, Emit } from './context';
export type { CoreServices } from './services';

/** One running core: shared by every connection of a door. */
export interface Core {
  door: Door;
  tasks: TaskRegistry;
  services: CoreServices;
  dispose(): void;
}

/** Starts a core: picks the backend and marks runs a previous crash left unfinished as incomplete. */
export async function createCore(door: Door, services: Partial<CoreServices> = {}): Promise<Core> {
  await initBackend(preferenceFromEnv());
  const tasks = new TaskRegistry();
  const resolved = defaultServices(services);
  await markInterruptedRuns(resolved.runsRoot);
  return {
    door,
    tasks,
    services: resolved,
    dispose: () => {
      tasks.cancelAll();
      // Loaded run models hold tfjs memory; a door that closes its core gives it back.
      runModels.clear();
    },
  };
}
