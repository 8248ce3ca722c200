import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A path as a person types or pastes it: surrounding spaces and a pair of quotes (what "Copy as path" and drag and
 * drop into a text field produce) removed, and `~` or `~/...` expanded to the home folder, as a shell would.
 * Without this `~/digitos` resolved against the server's working folder.
 */
export function userPath(input: string, home: string = homedir()): string {
  let path = input.trim();
  if (path.length >= 2 && (path[0] === '"' || path[0] === "'") && path[path.length - 1] === path[0]) path = path.slice(1, -1).trim();
  if (path === '~') return home;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(home, path.slice(2));
  return path;
}
