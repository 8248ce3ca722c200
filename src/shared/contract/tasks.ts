import { z } from 'zod';
import { method } from './define';

/** Long operations carry a client-chosen task id so that their events can be matched and the task cancelled. */
export const taskIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.-]+$/, 'letters, digits, ".", "_" or "-"');

export const taskMethods = {
  'task.cancel': method(z.object({ taskId: taskIdSchema }), z.object({ cancelled: z.boolean() })),
};

export const taskEvents = {};
