import type { Emit } from '../context';

/** How long a workspace's work waits for a page to come back before paused trainings are stopped (10 minutes). */
export const DEFAULT_TASK_GRACE_MS = 10 * 60_000;

/** SINAPSIS_TASK_GRACE_SECONDS overrides the grace period (tests use a second or two; lab servers may want longer). */
export function taskGraceMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.SINAPSIS_TASK_GRACE_SECONDS);
  return env.SINAPSIS_TASK_GRACE_SECONDS !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_TASK_GRACE_MS;
}

/**
 * The pages connected to one workspace (tabs, reloads, reconnects). Events go to every one of them, so a page
 * that comes back, or a second tab, sees what the first one started. When the last page leaves, `abandoned`
 * runs after the grace period unless a page returned meanwhile: work never waits forever for a page that is gone.
 */
export class PageConnections {
  private readonly pages = new Set<Emit>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly graceMs: number,
    private readonly abandoned: () => void,
  ) {}

  /** Every page's emit at once: what handlers use, so that their events reach the page that reattaches. */
  readonly broadcast: Emit = (name, payload) => {
    for (const emit of this.pages) emit(name, payload);
  };

  get count(): number {
    return this.pages.size;
  }

  /** A page arrived; returns what to call when it leaves. */
  attach(emit: Emit): () => void {
    this.pages.add(emit);
    this.clearTimer();
    return () => {
      if (!this.pages.delete(emit) || this.pages.size > 0) return;
      this.clearTimer();
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.pages.size === 0) this.abandoned();
      }, this.graceMs);
      // A waiting grace period never keeps a CLI or test process alive.
      this.timer.unref?.();
    };
  }

  dispose(): void {
    this.clearTimer();
    this.pages.clear();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
