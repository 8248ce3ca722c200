import type { Worker } from 'node:worker_threads';
import { spawnCoreWorker } from '../workers/spawnWorker';

/**
 * Trainer worker threads started ahead of their job. A new worker spends its first few hundred milliseconds loading
 * tfjs and the engines, which used to sit between "training…" and the first epoch. A worker started ahead waits
 * (idle, unref'd so it never keeps a process alive) for the job that TrainingSession posts to it:
 * - the CLI's `train` starts one while it loads the dataset and computes the features (`prestartTrainer`);
 * - the server and the desktop app keep one warm at all times (`keepTrainerWarm`): each training takes it, and a
 *   new one is started when that training ends, not while it runs, so it never takes a core from the training.
 * Trainings that overlap (a class's lab server) take the warm worker first and then start their own, as before.
 */

let idle: Worker | null = null;
let keepWarm = false;

/** Starts one idle trainer worker unless one is waiting already. */
export function prestartTrainer(): void {
  if (idle) return;
  const worker = spawnCoreWorker('trainer');
  worker.unref();
  // A worker that fails or ends while idle is forgotten; its job would go to a fresh one.
  const forget = (): void => {
    if (idle === worker) idle = null;
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  idle = worker;
}

/** The idle worker when there is one (it is then no longer idle), else a newly started one. */
export function takeTrainer(): Worker {
  const worker = idle ?? spawnCoreWorker('trainer');
  idle = null;
  worker.ref();
  return worker;
}

/** A training's worker ended: with `keepTrainerWarm` on, the next training's worker starts now. */
export function trainerReleased(): void {
  if (keepWarm) prestartTrainer();
}

/** Keeps one trainer worker ready for the next training from now on (the lab server and the desktop app). */
export function keepTrainerWarm(): void {
  keepWarm = true;
  prestartTrainer();
}
