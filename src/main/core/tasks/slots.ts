import { availableParallelism } from 'node:os';
import { SinapsisError } from '../../../shared/contract/errors';

interface Waiter {
  grant: (release: () => void) => void;
  refuse: (error: unknown) => void;
  onPosition?: (position: number) => void;
}

/**
 * A fixed number of places for heavy work shared by everyone on one core (a lab server: the whole class). Work
 * beyond them waits in line, first come first served, and hears its place whenever it changes; a cancelled waiter
 * leaves the line. `maxWaiting` bounds the line: past it `acquire` refuses with `busy()` instead of queueing.
 */
export class Slots {
  private active = 0;
  private readonly line: Waiter[] = [];

  constructor(
    readonly size: number,
    private readonly options: { maxWaiting?: number; busy?: () => SinapsisError } = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Slots: size must be a whole number ≥ 1, got ${size}`);
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.line.length;
  }

  /**
   * Resolves with a `release` function once a place is free. While waiting, `onPosition(n)` says the waiter is
   * n-th in line (1 = next). An aborted `signal` takes the waiter out of the line and rejects with its reason.
   */
  acquire(signal?: AbortSignal, onPosition?: (position: number) => void): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.line.length >= (this.options.maxWaiting ?? Number.POSITIVE_INFINITY)) {
      return Promise.reject(this.options.busy?.() ?? new SinapsisError('server-busy', 'The server is busy; try again in a moment.'));
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.line.indexOf(waiter);
        if (index >= 0) this.line.splice(index, 1);
        this.announce(index);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        refuse: reject,
        onPosition,
      };
      this.line.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      onPosition?.(this.line.length);
    });
  }

  /** Runs `work` in a place (waiting for one first), always giving the place back. */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal, onPosition?: (position: number) => void): Promise<T> {
    const release = await this.acquire(signal, onPosition);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.line.shift();
      if (next) {
        next.grant(this.releaser());
        this.announce(0);
      } else this.active--;
    };
  }

  /** Tells every waiter from `from` on its new place. */
  private announce(from: number): void {
    for (let i = Math.max(0, from); i < this.line.length; i++) this.line[i].onPosition?.(i + 1);
  }
}

/** Concurrent trainings on one core: SINAPSIS_MAX_TRAININGS, else one per processor core. */
export function maxTrainingsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.SINAPSIS_MAX_TRAININGS);
  return Number.isInteger(value) && value >= 1 ? value : availableParallelism();
}
