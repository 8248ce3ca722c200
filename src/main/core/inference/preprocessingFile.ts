import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SinapsisError } from '../../../shared/contract/errors';
import { scalingNameSchema } from '../../../shared/datasets/scaling';
import { parseRunJson } from '../runs/parseRunJson';
import { RUN_FILES } from '../runs/runFolder';

/**
 * `preprocessing.json` of a run: what a new sample goes through before the model, exactly as in training. The
 * experiment writes it (features with their settings, the scaler fitted on the training part, sample shape and
 * class names); imported models get one written from what the student said about their input.
 */
export const preprocessingFileSchema = z.object({
  scaling: scalingNameSchema,
  scaler: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('standard'), mean: z.array(z.number()), std: z.array(z.number()) }),
      z.object({ kind: z.literal('minmax'), min: z.array(z.number()), range: z.array(z.number()) }),
    ])
    .nullable(),
  features: z.object({
    kind: z.enum(['hog', 'pixels', 'columns']),
    length: z.number().int().positive(),
    /** HOG parameters with resize/grayscale/interpolation, pixel size, or column names (as config.json records them). */
    details: z.record(z.string(), z.unknown()),
  }),
  sampleShape: z.array(z.number().int().positive()).min(1).max(3),
  classes: z.array(z.string()),
});
export type PreprocessingFile = z.infer<typeof preprocessingFileSchema>;

/** Parses a preprocessing.json text, naming the file and the first wrong field when it does not fit. */
export function parsePreprocessing(text: string, path: string): PreprocessingFile {
  const parsed = parseRunJson(text, path, preprocessingFileSchema);
  const { scaler, features } = parsed;
  const scalerLength = scaler ? (scaler.kind === 'standard' ? scaler.mean.length : scaler.min.length) : features.length;
  if (scalerLength !== features.length) {
    throw new SinapsisError('run-file-invalid', `${path}: the scaler has ${scalerLength} features but the features have ${features.length}.`, { path, field: 'scaler' });
  }
  return parsed;
}

/** The run folder's preprocessing.json, or a clear error when the run has none (older or unfinished runs). */
export async function readPreprocessing(dir: string): Promise<PreprocessingFile> {
  const path = join(dir, RUN_FILES.preprocessing);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SinapsisError('run-no-preprocessing', `${path} is missing: the run was interrupted before it finished, or made by an older version. Train it again to predict with it.`, {
      path,
    });
  }
  return parsePreprocessing(text, path);
}
