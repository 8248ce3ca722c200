import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng, Image } from 'image-js';

/** Helpers of the fault tests (issue 21): captured CLI output, scratch folders, small file systems. */

export function capture() {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

export const scratch = (name = 'faults') => mkdtempSync(join(tmpdir(), `sinapsis-${name}-`));

export function writeCsv(dir: string, name: string, lines: string[] | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, lines instanceof Uint8Array ? lines : lines.join('\n') + '\n');
  return path;
}

/** An image folder with `perClass` small PNGs in each of `classes` subfolders. */
export function imageFolder(dir: string, classes: string[], perClass: number): string {
  const root = join(dir, 'images');
  classes.forEach((name, c) => {
    mkdirSync(join(root, name), { recursive: true });
    for (let i = 0; i < perClass; i++) {
      const data = Uint8Array.from({ length: 64 }, (_, p) => (p * (c + 3) + i * 17) % 256);
      writeFileSync(join(root, name, `${i}.png`), encodePng(new Image(8, 8, { colorModel: 'GREY', data })));
    }
  });
  return root;
}

/** Whether this process may mount file systems (root in a machine or a privileged container). */
export const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'sinapsis-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A real small tmpfs (a full disk in `size` bytes); `readOnly()` remounts it read-only. */
export function smallFileSystem(size: string): { dir: string; readOnly(): void; unmount(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sinapsis-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir]),
    unmount: () => execFileSync('umount', ['-l', dir]),
  };
}
