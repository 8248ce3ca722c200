import { LOCAL_FILES, pathNotAllowed, readRegularFile, realPathLoose, isInside, type FileAccessPolicy, type ReadLimit } from '../files';

/**
 * The folders and files the student opened. A later request may read a file only inside one of them (and only
 * where the workspace's file policy allows), so a tampered or buggy renderer cannot use a dataset request to read
 * `../../etc/passwd` or an SSH key. Paths are compared after resolving symbolic links, so a link inside the
 * folder cannot point out of it; every refusal is the policy's one message.
 */
export class OpenedPaths {
  private readonly roots = new Set<string>();

  constructor(readonly files: FileAccessPolicy = LOCAL_FILES) {}

  /** Records an opened folder or file; only paths the policy allows can be granted. */
  grant(path: string): void {
    this.roots.add(this.files.check(path));
  }

  isAllowed(path: string): boolean {
    if (!this.files.isAllowed(path)) return false;
    const target = realPathLoose(path);
    for (const root of this.roots) if (isInside(root, target)) return true;
    return false;
  }

  /** Resolves `file` (relative to `root`) and refuses it unless it stays inside `root` and `root` was opened. */
  resolveInside(root: string, file: string): string {
    if (!this.isAllowed(root)) throw pathNotAllowed(file);
    return this.files.resolveInside(root, file);
  }

  /** Reads an opened file (a regular file, at most `limit.maxBytes`), refusing anything outside the opened folders. */
  async read(path: string, limit: ReadLimit): Promise<Buffer> {
    if (!this.isAllowed(path)) throw pathNotAllowed(path);
    return readRegularFile(path, this.files, limit);
  }
}
