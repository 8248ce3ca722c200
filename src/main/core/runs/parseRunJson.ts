import type { z } from 'zod';
import { SinapsisError } from '../../../shared/contract';

/** Parses one of a run's JSON files, naming the file and the first wrong field when it does not fit its schema. */
export function parseRunJson<T>(text: string, path: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SinapsisError('run-file-corrupt', `${path} is not valid JSON; it was edited or damaged. Re-run the training to regenerate it.`, { path });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || '(root)';
    throw new SinapsisError('run-file-invalid', `${path} does not have the expected content (${field}: ${issue.message}).`, { path, field });
  }
  return parsed.data;
}
