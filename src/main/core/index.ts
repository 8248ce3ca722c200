import type { Door } from '../../shared/contract/app';
import { initBackend, preferenceFromEnv } from './engine/backends';
import { TaskRegistry } from './tasks/taskRegistry';

export { handlers } from './handlers';
export type { CallContext, Emit } from './context';

/** One running core: shared by every connection of a door. */
export interface Core {
  door: Door;
  tasks: TaskRegistry;
  dispose(): void;
}

export async function createCore(door: Door): Promise<Core> {
  await initBackend(preferenceFromEnv());
  const tasks = new TaskRegistry();
  return { door, tasks, dispose: () => tasks.cancelAll() };
}
