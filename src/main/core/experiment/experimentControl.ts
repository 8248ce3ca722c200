import type { TrainingControl } from '../engine/trainingControls';

/**
 * Pause, resume and stop for an experiment that trains one session per fold: commands reach the session
 * running now, and a pause or stop given between two folds holds for the next one.
 */
export class ExperimentControl implements TrainingControl {
  private current: TrainingControl | null = null;
  private paused = false;
  private readonly stopper = new AbortController();
  stopped = false;

  /** Aborted by `stop()`: what waits before training (the queue) listens to it. */
  get stopSignal(): AbortSignal {
    return this.stopper.signal;
  }

  attach(session: TrainingControl): void {
    this.current = session;
    if (this.stopped) session.stop();
    else if (this.paused) session.pause();
  }

  detach(session: TrainingControl): void {
    if (this.current === session) this.current = null;
  }

  pause(): void {
    this.paused = true;
    this.current?.pause();
  }

  resume(): void {
    this.paused = false;
    this.current?.resume();
  }

  stop(): void {
    this.stopped = true;
    this.stopper.abort();
    this.current?.stop();
  }
}
