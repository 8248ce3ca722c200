import { join } from 'node:path';
import type { z } from 'zod';
import { SinapsisError } from '../../../shared/contract';
import { parseRunJson } from './parseRunJson';
import { runDir } from './runDir';
import { readOwnText } from '../files/readOwnFile';

/**
 * One of the files an experiment adds to its run folder (predictions, inspection), validated; a run that lacks it
 * (interrupted before it was written, or made by an older version) gets `missingCode` with what to do.
 */
export async function readRunExtra<T>(
  root: string,
  runId: string,
  file: string,
  schema: z.ZodType<T, unknown>,
  missingCode: string,
): Promise<T> {
  const path = join(runDir(root, runId), file);
  const text = await readOwnText(path);
  if (text === null) {
    throw new SinapsisError(
      missingCode,
      `Run "${runId}" has no ${file}: it was interrupted before it was written, or made by an older version. Train it again to see it.`,
      { runId },
    );
  }
  return parseRunJson(text, path, schema);
}
