/**
 * Worker entry files, by name, relative to `src/main/core` without extension. Each is also a build input
 * (see electron.vite.config.ts), emitted as `out/main/workers/<name>.js`.
 */
export const workerEntries = {
  hogExtract: 'features/hogWorker',
  imageDecode: 'datasets/images/decodeWorker',
  trainer: 'engine/trainerWorker',
  embed: 'embedding/embedWorker',
  gradient: 'engine/gradientWorker',
  tsneForces: 'embedding/tsneForcesWorker',
} as const satisfies Record<string, string>;

export type WorkerName = keyof typeof workerEntries;
