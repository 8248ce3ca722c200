import type { z } from 'zod';
import { SinapsisError } from '../../../shared/contract';
import { RUN_FORMAT_VERSION, runFileVersion } from '../../../shared/contract/runs';

/**
 * Parses one of a run's JSON files, naming the file and the first wrong field when it does not fit its schema. A
 * file of a newer run-folder format than this version reads is refused with what to do (older ones are upgraded by
 * the `...FileSchema` schemas of the contract).
 */
export function parseRunJson<T>(text: string, path: string, schema: z.ZodType<T, unknown>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SinapsisError(
      'run-file-corrupt',
      `${path} is not valid JSON; it was edited or damaged. Re-run the training to regenerate it.`,
      { path },
    );
  }
  const version = runFileVersion(value);
  if (version > RUN_FORMAT_VERSION) {
    throw new SinapsisError(
      'run-newer-version',
      `${path} was written by a newer Sinapsis (run format ${version}; this version reads up to ${RUN_FORMAT_VERSION}). Update Sinapsis to open this run.`,
      { path, version, supported: RUN_FORMAT_VERSION },
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || '(root)';
    throw new SinapsisError('run-file-invalid', `${path} does not have the expected content (${field}: ${issue.message}).`, {
      path,
      field,
    });
  }
  return parsed.data;
}
