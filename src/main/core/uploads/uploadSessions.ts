import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SinapsisError } from '../../../shared/contract/errors';
import { folderName, safeRelativeParts } from './uploadPaths';

/** An upload on its way: where it is written and how much of each announced file has arrived. */
export interface UploadSession {
  id: string;
  /** `<uploads root>/<id>`. */
  dir: string;
  /** The folder the files go into: `<dir>/<dropped folder's name>`. */
  folder: string;
  files: Map<string, { size: number; received: number }>;
  limitBytes: number;
}

/** Unfinished uploads older than this are deleted when the next one begins (the page that sent them is gone). */
const STALE_MS = 24 * 60 * 60 * 1000;
/** Written into an upload's own folder (`dir`) once it opened as a dataset: finished uploads stay (they are the student's data). */
export const COMPLETE_MARK = '.sinapsis-upload-complete';

function unknown(id: string): SinapsisError {
  return new SinapsisError(
    'upload-unknown',
    `The upload ${id} is not in progress (it finished, was cancelled, or the server restarted). Upload the folder again.`,
    { uploadId: id },
  );
}

/**
 * The uploads in progress, of every workspace: each session writes into its workspace's uploads folder and is found
 * only from that workspace (and its id is 128 random bits).
 */
export class UploadSessions {
  private readonly sessions = new Map<string, UploadSession>();

  async begin(root: string, name: string, files: { path: string; size: number }[], limitBytes: number): Promise<UploadSession> {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (total > limitBytes) {
      throw new SinapsisError(
        'upload-too-large',
        `These ${files.length} files hold ${Math.ceil(total / 1024 ** 2)} MB, more than the ${Math.round(limitBytes / 1024 ** 2)} MB one upload may hold. Upload fewer or smaller images (photos can be shrunk first).`,
        { sizeMb: Math.ceil(total / 1024 ** 2), limitMb: Math.round(limitBytes / 1024 ** 2), files: files.length },
      );
    }
    const announced = new Map<string, { size: number; received: number }>();
    for (const file of files) {
      safeRelativeParts(file.path, 'upload');
      if (announced.has(file.path))
        throw new SinapsisError('upload-bad-path', `"${file.path}" is announced twice; upload the folder again.`, { file: file.path });
      announced.set(file.path, { size: file.size, received: 0 });
    }
    await removeStale(root);
    const id = `up-${randomBytes(16).toString('hex')}`;
    const dir = join(root, id);
    const folder = join(dir, folderName(name));
    await mkdir(folder, { recursive: true });
    const session = { id, dir, folder, files: announced, limitBytes };
    this.sessions.set(id, session);
    return session;
  }

  /** The session, only for the workspace whose uploads folder (`root`) it writes into: another student's id is unknown here. */
  get(id: string, root: string): UploadSession {
    const session = this.sessions.get(id);
    if (!session || dirname(session.dir) !== root) throw unknown(id);
    return session;
  }

  /** Appends one chunk; chunks of a file come in order, and never past its announced size. */
  async chunk(id: string, root: string, path: string, offset: number, data: Buffer): Promise<number> {
    const session = this.get(id, root);
    const file = session.files.get(path);
    if (!file)
      throw new SinapsisError('upload-bad-path', `"${path}" was not announced for this upload; upload the folder again.`, { file: path });
    if (offset !== file.received || file.received + data.length > file.size) {
      throw new SinapsisError(
        'upload-bad-chunk',
        `A piece of "${path}" arrived out of place (at byte ${offset}, ${file.received} of ${file.size} had arrived). Upload the folder again.`,
        {
          file: path,
        },
      );
    }
    const target = join(session.folder, ...safeRelativeParts(path, 'upload'));
    try {
      await mkdir(dirname(target), { recursive: true });
      // Appended in place, unlike run files: a file of an upload in progress is nobody's result yet, and an upload
      // that does not arrive whole is deleted (upload.finish checks every size) rather than ever opened.
      const handle = await open(target, 'a');
      try {
        await handle.write(data);
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new SinapsisError(
        'upload-bad-path',
        `"${path}" could not be written (${code}): a file and a folder of the same name? Upload the folder again.`,
        { file: path },
      );
    }
    file.received += data.length;
    return file.received;
  }

  /** The files that did not arrive whole. */
  incomplete(id: string, root: string): string[] {
    return [...this.get(id, root).files].filter(([, file]) => file.received !== file.size).map(([path]) => path);
  }

  forget(id: string): void {
    this.sessions.delete(id);
  }

  /** Deletes an upload in progress and everything of it on disk. */
  async cancel(id: string, root: string): Promise<boolean> {
    const session = this.sessions.get(id);
    if (!session || dirname(session.dir) !== root) return false;
    this.sessions.delete(id);
    await rm(session.dir, { recursive: true, force: true });
    return true;
  }
}

async function removeStale(root: string): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const now = Date.now();
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('up-')) continue;
    const dir = join(root, entry.name);
    const complete = await stat(join(dir, COMPLETE_MARK)).then(
      () => true,
      () => false,
    );
    const info = await stat(dir).catch(() => null);
    if (!complete && info && now - info.mtimeMs > STALE_MS) await rm(dir, { recursive: true, force: true });
  }
}

export const uploadSessions = new UploadSessions();
