import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { SinapsisError } from '../../../shared/contract';
import { runDir } from './runDir';

/**
 * One of the files an experiment adds to its run folder (predictions, inspection), validated; a run that lacks it
 * (interrupted before it was written, or made by an older version) gets `missingCode` with what to do.
 */
export async function readRunExtra<T>(root: string, runId: string, file: string, schema: z.ZodType<T>, missingCode: string): Promise<T> {
  const path = join(runDir(root, runId), file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SinapsisError(missingCode, `Run "${runId}" has no ${file}: it was interrupted before it was written, or made by an older version. Train it again to see it.`, { runId });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new SinapsisError('run-file-invalid', `${path} does not have the expected content; train the run again to regenerate it.`, { path });
  return parsed.data;
}
