import { SinapsisError } from '../../../shared/contract/errors';

/** What `train.pause` / `train.resume` / `train.stop` act on: a training session, or an experiment driving several. */
export interface TrainingControl {
  pause(): void;
  resume(): void;
  stop(): void;
}

/**
 * Running trainings of one workspace by task id, so pause, resume and stop from any page of that workspace reach
 * them; another workspace's ids are simply not here ("not running"), whoever guesses them.
 */
export class TrainingControls {
  private readonly controls = new Map<string, TrainingControl>();

  register(taskId: string, control: TrainingControl): () => void {
    this.controls.set(taskId, control);
    return () => {
      if (this.controls.get(taskId) === control) this.controls.delete(taskId);
    };
  }

  get(taskId: string): TrainingControl {
    const found = this.controls.get(taskId);
    if (!found) throw new SinapsisError('training-not-running', `No training with task id "${taskId}" is running.`, { taskId });
    return found;
  }
}
