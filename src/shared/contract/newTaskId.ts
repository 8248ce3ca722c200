/**
 * A task id nobody can guess: `<prefix>-` and 128 random bits in hex. Ids are also only valid in the workspace
 * that started the task, but an unguessable one keeps even a second page of the same person from colliding.
 * `crypto.getRandomValues` works on plain-HTTP lab servers too (randomUUID needs a secure context).
 */
export function newTaskId(prefix: string): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
