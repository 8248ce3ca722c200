import type { Writable } from 'node:stream';

/**
 * Resolves once everything written to `stream` so far has been handed to the operating system: a write's
 * callback runs after every earlier write on the same stream completed. A reader that went away (EPIPE) or a
 * closed stream counts as drained, since nothing more can reach it.
 */
export function drained(stream: Writable): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('error', done);
      resolve();
    };
    stream.once('error', done);
    stream.write('', done);
  });
}

/** Exits with `code` after every stream has drained (see `drained`). */
export async function drainThenExit(
  code: number,
  streams: Writable[],
  exit: (code: number) => void = (c) => process.exit(c),
): Promise<void> {
  await Promise.all(streams.map(drained));
  exit(code);
}

/**
 * A reader that stops early (`sinapsis dataset big.csv --json | head`) closes the pipe: further writes fail with
 * EPIPE. That is the reader's choice, not a failure of ours, so exit as `head`'s peers do, without a stack trace.
 */
export function exitQuietlyOnClosedPipe(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}
