import { z } from 'zod';
import { method } from './define';
import { languageSchema, runIdSchema } from './runId';
import { reportNotesSchema } from './runs';

export const reportMethods = {
  /** Writes the run's report.html (and report.pdf when `pdf`, printed by Chromium) in `language` with the student's notes. */
  'report.export': method(
    z.object({ runId: runIdSchema, language: languageSchema, notes: reportNotesSchema, pdf: z.boolean() }),
    z.object({ html: z.string(), pdf: z.string().nullable(), htmlBytes: z.number(), pdfBytes: z.number().nullable() }),
  ),
};

export const reportEvents = {};
