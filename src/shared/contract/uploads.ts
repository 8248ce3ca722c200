import { z } from 'zod';
import { imageSummarySchema } from './datasets';
import { method } from './define';
import { taskIdSchema } from './tasks';

/**
 * Bringing a folder (or a .zip) from the student's own computer to the core: on a lab server the photos are on the
 * student's PC, not on the server. The page sends the files in chunks through the same contract as everything else
 * (each message far below the WebSocket size limit), the core writes them into the student's upload folder and
 * opens it like any folder: same scan, problems report and fingerprint.
 */

/** Bytes of one chunk before base64 (a message is then about 5.6 MB). */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** The most files one upload may hold (MNIST's 70,000 fit). */
export const MAX_UPLOAD_FILES = 100_000;
/** Default limit of one upload, and of what a zip may expand to; a server can lower or raise it (SINAPSIS_UPLOAD_LIMIT_MB). */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 2 * 1024 ** 3;

export const uploadIdSchema = z.string().regex(/^up-[0-9a-f]{32}$/);

/** A file's path inside the dropped folder, `/`-separated (the browser's webkitRelativePath). Checked again in the core. */
export const uploadPathSchema = z.string().min(1).max(1024);

export const uploadBeginSchema = z.object({
  /** The dropped folder's or zip's name, shown as the dataset's name. */
  name: z.string().min(1).max(255),
  files: z
    .array(z.object({ path: uploadPathSchema, size: z.number().int().nonnegative() }))
    .min(1)
    .max(MAX_UPLOAD_FILES),
});

export const uploadMethods = {
  /** Announces an upload (its files and sizes); refused at once when it is over the limit or names a path outside the folder. */
  'upload.begin': method(
    uploadBeginSchema,
    z.object({ uploadId: uploadIdSchema, limitBytes: z.number().int(), chunkBytes: z.number().int() }),
  ),
  /** One piece of one file, in order (`offset` is where it starts). */
  'upload.chunk': method(
    z.object({
      uploadId: uploadIdSchema,
      path: uploadPathSchema,
      offset: z.number().int().nonnegative(),
      /** Base64 of at most UPLOAD_CHUNK_BYTES bytes. */
      data: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
    }),
    z.object({ received: z.number().int() }),
  ),
  /**
   * Checks every announced file arrived whole, unpacks a single .zip (refusing absolute paths, `..`, links and
   * archives that expand beyond the limit), and opens the folder as a dataset (a task: `dataset.progress`, cancellable).
   */
  'upload.finish': method(z.object({ uploadId: uploadIdSchema, taskId: taskIdSchema }), imageSummarySchema),
  /** Stops an upload and deletes what arrived of it. */
  'upload.cancel': method(z.object({ uploadId: uploadIdSchema }), z.object({ removed: z.boolean() })),
};

export const uploadEvents = {};
