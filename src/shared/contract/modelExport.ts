import { z } from 'zod';

/** The formats a trained model leaves Sinapsis in (the CLI's --format, the Exportar modelo panel's choices). */
export const MODEL_EXPORT_FORMATS = ['tfjs', 'onnx', 'pytorch'] as const;
export const modelExportFormatSchema = z.enum(MODEL_EXPORT_FORMATS);
export type ModelExportFormat = z.infer<typeof modelExportFormatSchema>;

/** The folder an export is written to inside its run folder, and the .zip of that folder beside it. */
export function modelExportFolder(format: ModelExportFormat): string {
  return `export-${format}`;
}
export function modelExportZip(format: ModelExportFormat): string {
  return `${modelExportFolder(format)}.zip`;
}

export const modelExportResultSchema = z.object({
  format: modelExportFormatSchema,
  /** The export folder on disk. */
  dir: z.string(),
  /** Its files with their sizes. */
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() })),
  /** The .zip of the folder, a top-level file of the run folder that `runs.file` hands out as a download. */
  zip: z.object({ name: z.string(), bytes: z.number().int().nonnegative() }),
});
export type ModelExportResult = z.infer<typeof modelExportResultSchema>;
