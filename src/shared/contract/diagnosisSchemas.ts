import { z } from 'zod';

/**
 * What the diagnosis (core/evaluation/diagnosis.ts) sends to every door: the hints and the bias/variance readout.
 * One schema for the live epoch events, metrics.json and the views that read them, so Entrenamiento, Evaluación,
 * the report and the CLI show the same findings.
 */

/** One hint: its code, how serious, the numbers it cites (they fill `diagnosisText.<language>.<code>`) and the English. */
export const diagnosisHintSchema = z.object({
  code: z.string(),
  severity: z.string(),
  params: z.record(z.string(), z.number()),
  message: z.string(),
});
export type DiagnosisHint = z.infer<typeof diagnosisHintSchema>;

/** The part the held-out error is measured on: test (hold-out), cross-validation (k-fold's test folds) or validation. */
export const heldOutPartSchema = z.enum(['test', 'cross-validation', 'val']);
export type HeldOutPart = z.infer<typeof heldOutPartSchema>;

/** Training error against held-out error, with the verdict and the thresholds it used (fractions, not percents). */
export const biasVarianceSchema = z.object({
  trainError: z.number(),
  /** Null when the run has no held-out part: only the bias can be judged. */
  heldOut: heldOutPartSchema.nullable(),
  heldOutError: z.number().nullable(),
  /** heldOutError − trainError. */
  gap: z.number().nullable(),
  highBias: z.boolean(),
  highVariance: z.boolean(),
  thresholds: z.object({ highBiasError: z.number(), highVarianceGap: z.number() }),
});
export type BiasVariance = z.infer<typeof biasVarianceSchema>;
