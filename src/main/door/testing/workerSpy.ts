import type { Worker } from 'node:worker_threads';
import type * as SpawnWorker from '../../core/workers/spawnWorker';

export interface SpawnedWorker {
  name: string;
  worker: Worker;
  /** False once the thread has exited. */
  alive: boolean;
  exited: Promise<number>;
}

/** Every core worker started since the test file loaded, in order. */
export const spawnedWorkers: SpawnedWorker[] = [];

/**
 * The spawnWorker module with spawnCoreWorker recording each worker it starts, so a test can kill one (as a crash
 * would) or check that none outlives its job. Use it from a mock factory:
 * `vi.mock('../core/workers/spawnWorker', async (original) => (await import('./testing/workerSpy')).withWorkerSpy(await original()))`.
 */
export function withWorkerSpy(actual: typeof SpawnWorker): typeof SpawnWorker {
  return {
    ...actual,
    spawnCoreWorker: (...args: Parameters<typeof actual.spawnCoreWorker>) => {
      const worker = actual.spawnCoreWorker(...args);
      const entry: SpawnedWorker = { name: args[0], worker, alive: true, exited: Promise.resolve(0) };
      entry.exited = new Promise((resolve) =>
        worker.once('exit', (code) => {
          entry.alive = false;
          resolve(code);
        }),
      );
      spawnedWorkers.push(entry);
      return worker;
    },
  };
}
