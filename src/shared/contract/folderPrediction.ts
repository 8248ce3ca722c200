import { z } from 'zod';
import { datasetProblemSchema } from './datasets';
import { contractErrorSchema } from './errors';
import { topEntrySchema } from './inference';

/** Rows a folder classification sends back at most (the CSV in the run folder has every one). */
export const MAX_FOLDER_ROWS = 1000;
/** The CSV a folder classification writes into the run folder, downloadable with runs.file. */
export const FOLDER_PREDICTIONS_CSV = 'folder-predictions.csv';

export const folderPredictionRowSchema = z.object({
  /** Relative to the classified folder, "/"-separated. */
  file: z.string(),
  predicted: z.string(),
  probability: z.number(),
  top: z.array(topEntrySchema),
  /** The first-level subfolder when it names one of the run's classes, else null. */
  trueClass: z.string().nullable(),
});
export type FolderPredictionRow = z.infer<typeof folderPredictionRowSchema>;

export const folderPredictionSchema = z.object({
  folder: z.string(),
  /** Images classified. */
  total: z.number().int().nonnegative(),
  /** The first MAX_FOLDER_ROWS rows, in the folder's natural order. */
  rows: z.array(folderPredictionRowSchema),
  /** Images whose subfolder names a class: how many, how many right, and the fraction. Null without class subfolders. */
  accuracy: z.object({ correct: z.number().int(), total: z.number().int(), accuracy: z.number() }).nullable(),
  /** Rows = true class, columns = predicted, over the run's classes; null without class subfolders. */
  confusionMatrix: z.object({ labels: z.array(z.string()), matrix: z.array(z.array(z.number().int())) }).nullable(),
  /** Files skipped or noted, as the Datos problems report has them (the first MAX_LISTED_PROBLEMS). */
  problems: z.array(datasetProblemSchema),
  problemsTotal: z.number().int().nonnegative(),
  /** Images that decoded but the model cannot take (e.g. another size for a HOG run without resize). */
  failed: z.array(z.object({ file: z.string(), error: contractErrorSchema })),
  /** The CSV's name in the run folder (runs.file) and its size. */
  csv: z.object({ name: z.string(), bytes: z.number().int().nonnegative() }),
  seconds: z.number().nonnegative(),
});
export type FolderPrediction = z.infer<typeof folderPredictionSchema>;
