import { z } from 'zod';
import { method } from './define';

/** A workspace's folder-safe id (a student's name in lower case with dashes: "ana-garcia"). */
export const workspaceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, 'letters, digits, "_" or "-"');

/**
 * Which workspace a read of runs looks at: absent, the caller's own. Only the teacher of a lab server may name
 * another one (read-only, for Evaluación's workspace picker); for a student any other id is "not found".
 */
export const viewedWorkspaceSchema = z.object({ workspace: workspaceIdSchema.optional() });

export const workspaceSummarySchema = z.object({
  id: workspaceIdSchema,
  /** As the student typed it. */
  name: z.string(),
  createdAt: z.string(),
  /** Run folders in it. */
  runs: z.number().int().nonnegative(),
  /** What brings the student back from a browser without their cookie (sign-in by name; null with `--students`). */
  returnCode: z.string().nullable(),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

export const workspaceModeSchema = z.enum(['single', 'lab']);

export const workspaceMethods = {
  /** Who this page is: a single-user machine, or a lab server's teacher or student (and which workspace). */
  'workspace.current': method(
    z.object({}),
    z.object({
      mode: workspaceModeSchema,
      role: z.enum(['teacher', 'student']),
      workspace: z.object({ id: workspaceIdSchema, name: z.string() }),
    }),
  ),
  /** The students' workspaces of a lab server (teacher only). */
  'workspace.list': method(z.object({}), z.object({ workspaces: z.array(workspaceSummarySchema) })),
};

export const workspaceEvents = {};
