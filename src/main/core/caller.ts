import { z } from 'zod';

/**
 * Who makes a call. Every door authenticates its user and passes the caller with each request
 * (`CallContext.caller`), so that per-person state (workspaces) and rights can be decided in one place.
 *
 * - `teacher`: the owner of this core: the holder of a lab server's own access token, the one user of a
 *   loopback browser-mode server, the desktop app and the command line. Full rights.
 * - `student`: a student of a lab server, identified by a `studentId` that a sign-in issued into a signed
 *   session cookie (`ServerAuth.sessionCookie` in `door/serverAuth.ts`); the workspace the id names is theirs.
 */
export const callerSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('teacher') }),
  z.object({
    role: z.literal('student'),
    studentId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\w-]+$/),
  }),
]);
export type Caller = z.infer<typeof callerSchema>;

/** The caller of the desktop app, the command line and a single-user browser mode. */
export const TEACHER: Caller = Object.freeze({ role: 'teacher' });
