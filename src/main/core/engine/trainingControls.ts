import { SinapsisError } from '../../../shared/contract/errors';

/** What `train.pause` / `train.resume` / `train.stop` act on: a training session, or an experiment driving several. */
export interface TrainingControl {
  pause(): void;
  resume(): void;
  stop(): void;
}

/** Running trainings by task id, so pause, resume and stop from any door reach them. */
const controls = new Map<string, TrainingControl>();

export function registerTrainingControl(taskId: string, control: TrainingControl): () => void {
  controls.set(taskId, control);
  return () => {
    if (controls.get(taskId) === control) controls.delete(taskId);
  };
}

export function trainingControl(taskId: string): TrainingControl {
  const found = controls.get(taskId);
  if (!found) throw new SinapsisError('training-not-running', `No training with task id "${taskId}" is running.`, { taskId });
  return found;
}
