/**
 * Turns "done of total" into files per second and an ETA, and throttles reports to a few per second so a
 * 60,000-file load does not flood the UI with events.
 */
export class ProgressMeter {
  private readonly started = performance.now();
  private lastReport = -Infinity;

  constructor(
    private readonly report: (state: { done: number; total: number; filesPerSecond: number; etaSeconds: number | null }) => void,
    private readonly intervalMs = 200,
  ) {}

  update(done: number, total: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.lastReport < this.intervalMs) return;
    this.lastReport = now;
    const seconds = (now - this.started) / 1000;
    const filesPerSecond = seconds > 0 ? done / seconds : 0;
    const etaSeconds = filesPerSecond > 0 && done > 0 ? Math.max(0, (total - done) / filesPerSecond) : null;
    this.report({ done, total, filesPerSecond, etaSeconds });
  }

  get elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}
