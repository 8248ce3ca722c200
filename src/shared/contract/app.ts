import { z } from 'zod';
import { method } from './define';
import { taskIdSchema } from './tasks';

export const backendNameSchema = z.enum(['tensorflow', 'wasm', 'cpu']);
export type BackendName = z.infer<typeof backendNameSchema>;
export const backendPreferenceSchema = z.enum(['auto', 'tensorflow', 'wasm', 'cpu']);
export type BackendPreference = z.infer<typeof backendPreferenceSchema>;

export const backendAvailabilitySchema = z.object({
  name: backendNameSchema,
  available: z.boolean(),
  /** Why a backend cannot be used here (e.g. libtensorflow missing), in English for logs and the CLI. */
  reason: z.string().optional(),
  detail: z.string().optional(),
});

export const backendStatusSchema = z.object({
  active: backendNameSchema,
  preference: backendPreferenceSchema,
  available: z.array(backendAvailabilitySchema),
});
export type BackendStatus = z.infer<typeof backendStatusSchema>;

export const doorSchema = z.enum(['electron', 'browser', 'cli']);
export type Door = z.infer<typeof doorSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  node: z.string(),
  electron: z.string().nullable(),
  door: doorSchema,
  cores: z.number().int().positive(),
  tfjs: z.string(),
  backend: backendStatusSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const demoProgressEventSchema = z.object({
  taskId: taskIdSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});

export const appMethods = {
  'app.info': method(z.object({}), appInfoSchema),
  'app.setBackend': method(z.object({ preference: backendPreferenceSchema }), backendStatusSchema),
  /** A demo stream that proves events flow through every door; also used by the e2e suite. */
  'app.demoProgress': method(
    z.object({ taskId: taskIdSchema, steps: z.number().int().min(1).max(1000), intervalMs: z.number().int().min(0).max(5000) }),
    z.object({ completed: z.boolean(), steps: z.number().int().nonnegative() }),
  ),
};

export const appEvents = {
  'app.demoProgress': demoProgressEventSchema,
};
