import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SinapsisError } from '../../../shared/contract/errors';

/**
 * Kernel pseudo-filesystems: their "regular" files report size 0 and describe this machine (`/proc/self/environ`,
 * `/proc/self/status`), and reading some of them blocks or never ends. Nothing a course dataset needs lives there.
 */
const SYSTEM_TREES = ['/proc', '/sys', '/dev'];

/** Is `target` (absolute) `root` itself or inside it? Both must already be resolved the same way. */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The real path of `path` with every symbolic link resolved, also when its last parts do not exist yet: the
 * longest existing ancestor is resolved and the rest appended. So `root/link-to-etc/missing` and
 * `root/link-to-etc/passwd` both resolve under `/etc`, and a refusal cannot tell whether a file exists.
 */
export function realPathLoose(path: string): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      // The native realpath(3): one system call, where the JavaScript one lstats every part of the path (opening a
      // 5,000-image folder checks every file: 0.6 s of a CLI job under load, against a few milliseconds).
      return join(realpathSync.native(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      missing.push(basename(current));
      current = parent;
    }
  }
}

/** The one refusal for every path the policy does not allow: the same text whether the path exists or not. */
export function pathNotAllowed(path: string): SinapsisError {
  return new SinapsisError(
    'path-not-allowed',
    `"${path}" cannot be opened here. Sinapsis reads only regular files inside the folders this server allows (the bundled datasets, the folders your teacher shared and your own uploads).`,
    { file: path },
  );
}

export interface FileAccessPolicyOptions {
  /**
   * Folders whose contents may be read, or `'anywhere'` for a single-user machine (the user's own files: every
   * folder except the kernel's pseudo-filesystems). Resolved through symbolic links once, here.
   */
  roots: readonly string[] | 'anywhere';
}

/**
 * Which paths a request may name. A lab server allows only the teacher's `--data` folders, the bundled datasets
 * and the student's own workspace; a single-user machine allows the user's files. `/proc`, `/sys` and `/dev` are
 * never allowed. Every check resolves symbolic links first, so a link cannot lead out of an allowed folder, and
 * every refusal is `pathNotAllowed` (one message, which does not say whether the path exists).
 */
export class FileAccessPolicy {
  private readonly roots: readonly string[] | 'anywhere';

  constructor(options: FileAccessPolicyOptions) {
    this.roots = options.roots === 'anywhere' ? 'anywhere' : options.roots.map((root) => realPathLoose(root));
  }

  /** Same policy with more roots (a workspace adds its own folder to the server's). */
  withRoots(extra: readonly string[]): FileAccessPolicy {
    if (this.roots === 'anywhere') return this;
    return new FileAccessPolicy({ roots: [...this.roots, ...extra] });
  }

  /** The allowed roots (resolved), or `'anywhere'`. */
  get allowedRoots(): readonly string[] | 'anywhere' {
    return this.roots;
  }

  isAllowed(path: string): boolean {
    return this.allowedRealPath(path) !== null;
  }

  /** The real path of `path` when allowed; otherwise throws `pathNotAllowed(path)`. */
  check(path: string): string {
    const real = this.allowedRealPath(path);
    if (real === null) throw pathNotAllowed(path);
    return real;
  }

  /** The real path of `path` (resolved once: checked and returned are the same), or null when it is not allowed. */
  private allowedRealPath(path: string): string | null {
    if (typeof path !== 'string' || path.includes('\0') || path === '') return null;
    const real = realPathLoose(path);
    if (SYSTEM_TREES.some((tree) => isInside(tree, real))) return null;
    if (this.roots === 'anywhere') return real;
    return this.roots.some((root) => isInside(root, real)) ? real : null;
  }

  /**
   * `file` (relative to the opened folder `root`) as a real path, refused unless it stays inside `root` after
   * resolving links and is allowed by the policy. Absolute names, `..` escapes and NUL bytes are refused.
   */
  resolveInside(root: string, file: string): string {
    if (isAbsolute(file) || file.includes('\0')) throw pathNotAllowed(file);
    const lexical = resolve(root, file);
    if (!isInside(resolve(root), lexical)) throw pathNotAllowed(file);
    const real = realPathLoose(lexical);
    if (!isInside(realPathLoose(root), real) || !this.isAllowed(real)) throw pathNotAllowed(file);
    return real;
  }
}

/** A single-user machine: the user's own files, everywhere except the kernel's trees (the CLI, Electron, loopback serve). */
export const LOCAL_FILES = new FileAccessPolicy({ roots: 'anywhere' });
