import { z } from 'zod';

/** The name of a run folder inside a runs folder: what every `runs.*` method names its run by. */
export const runIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^\w[\w.-]*$/, 'a run id (letters, digits, ".", "_", "-"; no path)');
/** The languages a report, an export README or a CLI answer can be written in. */
export const languageSchema = z.enum(['es', 'pt', 'en']);
