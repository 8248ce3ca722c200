import { z } from 'zod';

/** Values of a table row drawn at most beside the model's input (the rest is counted). */
export const DIAGRAM_ROW_VALUES = 6;

/**
 * One real sample of the dataset, as the model diagram draws its input: the image (raw-pixel features), the HOG
 * cell histograms of the image (HOG features, drawn as skimage's HOG picture), or the first values of a table row.
 * The core makes it (`core/datasets/diagramSample.ts`) for the Modelo view and stores it in a run's
 * `diagram-sample.json` for the report, so both draw the same picture.
 */
export const diagramSampleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('image'),
    /** A small PNG as a data URL. */
    src: z.string().startsWith('data:image/png;base64,').max(200_000),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    file: z.string().max(4096),
  }),
  z.object({
    kind: z.literal('hog'),
    /** Per cell (row-major) `orientations` values, as `HogPreview.cellHistograms`. */
    histograms: z.array(z.number()).max(100_000),
    cellRows: z.number().int().positive(),
    cellColumns: z.number().int().positive(),
    orientations: z.number().int().positive(),
    file: z.string().max(4096),
  }),
  z.object({
    kind: z.literal('row'),
    /** The first values of the row and their column names (at most DIAGRAM_ROW_VALUES). */
    values: z.array(z.number()).max(DIAGRAM_ROW_VALUES),
    names: z.array(z.string().max(500)).max(DIAGRAM_ROW_VALUES),
    /** How many values the whole row has. */
    length: z.number().int().nonnegative(),
  }),
]);
export type DiagramSample = z.infer<typeof diagramSampleSchema>;
