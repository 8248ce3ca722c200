import { viewedWorkspaceSchema } from './workspaces';
import { z } from 'zod';
import { contractErrorSchema } from './errors';
import { method } from './define';
import { languageSchema, runIdSchema } from './runId';

/** A run file's name inside its folder: a top-level file, or one in charts/ or model/ (never a path elsewhere). */
export const runFileNameSchema = z
  .string()
  .max(120)
  .regex(/^(?:(?:charts|model)\/)?[\w-][\w.-]*$/, 'a file of the run folder (e.g. "per-class.csv", "charts/loss.png")');

export const exportedFileSchema = z.object({ name: runFileNameSchema, bytes: z.number().int().nonnegative() });

export const exportsMethods = {
  /**
   * Writes a run's exports into its folder: confusion-matrix.csv (counts), confusion-matrix-normalized.csv,
   * per-class.csv, metrics.csv, kfold.csv (k-fold runs), charts/*.svg and charts/*.png (when a Chromium is there to
   * draw them), and lists every file of the folder a student may take.
   */
  'runs.export': method(
    z.object({ runId: runIdSchema, language: languageSchema, png: z.boolean().default(true) }),
    z.object({ dir: z.string(), files: z.array(exportedFileSchema), pngProblem: contractErrorSchema.nullable() }),
  ),
  /** One file of a run folder, for the UI to hand to the student as a download (up to 64 MB). */
  'runs.file': method(
    z.object({ runId: runIdSchema, name: runFileNameSchema }).extend(viewedWorkspaceSchema.shape),
    z.object({ name: runFileNameSchema, path: z.string(), mime: z.string(), bytes: z.number().int().nonnegative(), base64: z.string() }),
  ),
  /**
   * Extracted HOG features as CSV: one row per image with its file path and class, then one column per feature
   * (hog_0 ... hog_{n-1}), values with 9 significant digits (exact for the float32 the models train on).
   */
  'features.exportCsv': method(
    z.object({ featureSetId: z.string().min(1).max(100) }),
    z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().nonnegative(), columns: z.number().int().nonnegative() }),
  ),
};

export const exportsEvents = {};
