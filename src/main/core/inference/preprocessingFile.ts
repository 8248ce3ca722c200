import { join } from 'node:path';
import { SinapsisError } from '../../../shared/contract/errors';
import { runPreprocessingFileSchema, type RunPreprocessing } from '../../../shared/contract/runs';
import { parseRunJson } from '../runs/parseRunJson';
import { RUN_FILES } from '../runs/runFolder';
import { readOwnText } from '../files/readOwnFile';

/**
 * `preprocessing.json` of a run (`runPreprocessingSchema` in the contract): what a new sample goes through before the
 * model, exactly as in training. The experiment writes it (features with their settings, the scaler fitted on the
 * training part, sample shape and class names); imported models get one written from what the student said.
 */
export type PreprocessingFile = RunPreprocessing;

/** Parses a preprocessing.json text, naming the file and the first wrong field when it does not fit. */
export function parsePreprocessing(text: string, path: string): PreprocessingFile {
  const parsed = parseRunJson(text, path, runPreprocessingFileSchema);
  const { scaler, features } = parsed;
  const scalerLength = scaler ? (scaler.kind === 'standard' ? scaler.mean.length : scaler.min.length) : features.length;
  if (scalerLength !== features.length) {
    throw new SinapsisError(
      'run-file-invalid',
      `${path}: the scaler has ${scalerLength} features but the features have ${features.length}.`,
      { path, field: 'scaler' },
    );
  }
  return parsed;
}

/** The run folder's preprocessing.json, or a clear error when the run has none (older or unfinished runs). */
export async function readPreprocessing(dir: string): Promise<PreprocessingFile> {
  const path = join(dir, RUN_FILES.preprocessing);
  const text = await readOwnText(path);
  if (text === null) {
    throw new SinapsisError(
      'run-no-preprocessing',
      `${path} is missing: the run was interrupted before it finished, or made by an older version. Train it again to predict with it.`,
      {
        path,
      },
    );
  }
  return parsePreprocessing(text, path);
}
