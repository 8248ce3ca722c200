import { viewedWorkspaceSchema } from './workspaces';
import { z } from 'zod';
import { method } from './define';
import { contractErrorSchema } from './errors';

export const runIdSchema = z.string().min(1).max(80).regex(/^\w[\w.-]*$/, 'a run id (letters, digits, ".", "_", "-"; no path)');
export const languageSchema = z.enum(['es', 'pt', 'en']);

export const runSummarySchema = z.object({
  runId: runIdSchema,
  status: z.enum(['running', 'completed', 'stopped', 'failed', 'incomplete']),
  createdAt: z.string(),
  dataset: z.string().nullable(),
  /** The model's name as the student typed it in Modelo (the spec's `name`), or null when it has none. */
  modelName: z.string().nullable(),
  /** The layer sizes, e.g. "18-10". */
  model: z.string().nullable(),
  engine: z.string().nullable(),
  backend: z.string().nullable(),
  testAccuracy: z.number().nullable(),
  epochsRun: z.number().nullable(),
  hasReport: z.boolean(),
  hasPdf: z.boolean(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const reportNotesSchema = z.object({
  title: z.string().max(200).optional(),
  author: z.string().max(200).optional(),
  comments: z.string().max(20_000).optional(),
});

export const historyRowSchema = z.object({
  fold: z.number().nullable(),
  epoch: z.number(),
  trainLoss: z.number(),
  trainAccuracy: z.number().nullable(),
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  learningRate: z.number(),
  seconds: z.number(),
});

export const runsMethods = {
  'runs.list': method(
    z.object({ search: z.string().max(200).optional() }).extend(viewedWorkspaceSchema.shape),
    /** `unwritable`: why new runs cannot be recorded in `root` (read-only, no permission); its runs can still be read. */
    z.object({ root: z.string(), runs: z.array(runSummarySchema), unwritable: contractErrorSchema.nullable() }),
  ),
  /** Config and metrics are returned as stored (validated when read); see the run-folder format in docs/runs-and-reports.md. */
  'runs.get': method(
    z.object({ runId: runIdSchema }).extend(viewedWorkspaceSchema.shape),
    z.object({
      runId: runIdSchema,
      config: z.unknown(),
      /** Null for a run interrupted or failed before it wrote its results; its config and history are still there. */
      metrics: z.unknown(),
      history: z.array(historyRowSchema),
      notes: reportNotesSchema,
      status: runSummarySchema.shape.status,
      /** Why the run ended as it did (status.json's message), e.g. which file could not be written. */
      statusMessage: z.string().nullable(),
    }),
  ),
  'report.export': method(
    z.object({ runId: runIdSchema, language: languageSchema, notes: reportNotesSchema, pdf: z.boolean() }),
    z.object({ html: z.string(), pdf: z.string().nullable(), htmlBytes: z.number(), pdfBytes: z.number().nullable() }),
  ),
};

export const runsEvents = {};
