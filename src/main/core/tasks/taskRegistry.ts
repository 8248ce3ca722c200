import { SinapsisError } from '../../../shared/contract';

/**
 * Keeps one AbortController per running task so that `task.cancel` can reach it from any door, and the work of
 * each so that a stopping server can wait for every task to end (a stopped training writes its run first).
 */
export class TaskRegistry {
  private readonly running = new Map<string, AbortController>();
  private readonly work = new Set<Promise<unknown>>();
  private stopping = false;

  start(taskId: string): AbortSignal {
    if (this.stopping) {
      throw new SinapsisError(
        'server-stopping',
        'Sinapsis is stopping: trainings in progress are being saved and no new task can start. Open it again in a moment.',
      );
    }
    if (this.running.has(taskId)) {
      throw new SinapsisError('task-already-running', `A task with id "${taskId}" is already running; wait for it or cancel it first.`, {
        taskId,
      });
    }
    const controller = new AbortController();
    this.running.set(taskId, controller);
    return controller.signal;
  }

  finish(taskId: string): void {
    this.running.delete(taskId);
  }

  cancel(taskId: string): boolean {
    const controller = this.running.get(taskId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
  }

  /** Runs `work` as task `taskId`, always releasing the id afterwards. */
  async run<T>(taskId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const signal = this.start(taskId);
    const running = (async () => {
      try {
        return await work(signal);
      } finally {
        this.finish(taskId);
      }
    })();
    this.work.add(running);
    void running.then(
      () => this.work.delete(running),
      () => this.work.delete(running),
    );
    return running;
  }

  /**
   * Stops every task the way `task.cancel` does (a training ends after its current batch and writes its run as
   * "stopped"), refuses new ones, and resolves once every task has ended.
   */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const controller of this.running.values()) controller.abort();
    await Promise.allSettled([...this.work]);
  }
}
