import { SinapsisError } from '../../../shared/contract';

/** Keeps one AbortController per running task so that `task.cancel` can reach it from any door. */
export class TaskRegistry {
  private readonly running = new Map<string, AbortController>();

  start(taskId: string): AbortSignal {
    if (this.running.has(taskId)) {
      throw new SinapsisError('task-already-running', `A task with id "${taskId}" is already running; wait for it or cancel it first.`, { taskId });
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
    try {
      return await work(signal);
    } finally {
      this.finish(taskId);
    }
  }
}
