import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { SinapsisError } from '../../../shared/contract';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The folders and files the student opened. A later request may read a file only inside one of them, so a
 * tampered or buggy renderer cannot use a dataset request to read `../../etc/passwd` or an SSH key.
 * Paths are compared after resolving symbolic links, so a link inside the folder cannot point out of it.
 */
export class OpenedPaths {
  private readonly roots = new Set<string>();

  grant(path: string): void {
    this.roots.add(real(path));
  }

  isAllowed(path: string): boolean {
    const target = real(path);
    for (const root of this.roots) if (isInside(root, target)) return true;
    return false;
  }

  /** Resolves `file` (relative to `root`) and refuses it unless it stays inside `root` and `root` was opened. */
  resolveInside(root: string, file: string): string {
    const refuse = () => {
      throw new SinapsisError('path-not-allowed', `"${file}" is outside the opened folder; only files inside "${root}" can be read.`, { file, root });
    };
    if (isAbsolute(file) || file.includes('\0')) refuse();
    const target = resolve(root, file);
    if (!isInside(resolve(root), target) || !this.isAllowed(root) || !isInside(real(root), real(target))) refuse();
    return target;
  }
}

export const openedPaths = new OpenedPaths();
