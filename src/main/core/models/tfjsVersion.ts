import { createRequire } from 'node:module';

let version: string | undefined;

/**
 * The installed @tensorflow/tfjs version (what `tf.version.tfjs` says), read from its package.json: a run's
 * config.json and model.json record it, and reading it this way keeps tfjs itself (~0.3 s to load) out of a
 * thread that only writes files, such as the CLI's main thread while the trainer thread trains.
 */
export function tfjsVersion(): string {
  version ??= (createRequire(import.meta.url)('@tensorflow/tfjs/package.json') as { version: string }).version;
  return version;
}
