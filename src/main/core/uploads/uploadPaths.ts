import { SinapsisError } from '../../../shared/contract/errors';
import { DEFAULT_UPLOAD_LIMIT_BYTES } from '../../../shared/contract/uploads';
import type { CallContext } from '../context';

/**
 * Where an upload is written: the workspace's upload folder (each student's own on a lab server; SINAPSIS_UPLOADS_DIR
 * or ~/Sinapsis/uploads on one's own machine), which the workspace's file policy always allows.
 */
export function uploadsRoot(context: Pick<CallContext, 'workspace'>): string {
  return context.workspace.uploadsDir;
}

/** The most bytes one upload (or what its zip expands to) may hold: SINAPSIS_UPLOAD_LIMIT_MB, else 2 GiB. */
export function uploadLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.SINAPSIS_UPLOAD_LIMIT_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_UPLOAD_LIMIT_BYTES;
}

const MAX_DEPTH = 32;

/**
 * The parts of a path inside an upload or a zip, or an error naming it: no absolute path (`/x`, `C:\x`), no `..` or
 * `.` part, no empty part, no backslash or NUL. What passes can only name something inside the upload's folder.
 */
export function safeRelativeParts(path: string, where: 'upload' | 'zip'): string[] {
  const parts = path.split('/');
  const bad =
    path.startsWith('/') ||
    /^[a-zA-Z]:/.test(path) ||
    path.includes('\\') ||
    path.includes('\0') ||
    parts.length > MAX_DEPTH ||
    parts.some((part) => part === '' || part === '.' || part === '..');
  if (bad) {
    throw new SinapsisError(
      where === 'zip' ? 'upload-zip-unsafe' : 'upload-bad-path',
      where === 'zip'
        ? `The zip holds "${path}", a path that would leave the folder it is unpacked into (absolute, with "..", or malformed). Nothing was unpacked; make the zip again from the folder itself.`
        : `"${path}" is not a path inside the folder being uploaded; upload the folder again.`,
      { file: path },
    );
  }
  return parts;
}

/** A folder name from what the student dropped: slashes and control characters out, never `.` or `..`. */
export function folderName(name: string): string {
  const cleaned = name
    .replace(/[/\\\x00-\x1f]/g, ' ')
    .trim()
    .slice(0, 100);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'dataset' : cleaned;
}
